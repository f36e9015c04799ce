// The console's live connection. It authenticates with the same session cookie as the API; when
// the server drops it (the session was revoked or the person deactivated) we ask the API who we
// are, and the 401 that follows shows the sign-in screen (shared/api.ts).
import { useEffect } from 'react';
import { io } from 'socket.io-client';
import { api } from '../shared/api.ts';
import { publishStaffEvent } from './staffEvents.ts';

export function useSessionSocket(): void {
  useEffect(() => {
    const socket = io({ path: '/socket.io' });
    const recheck = () => void api('/auth/me').catch(() => undefined);
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') recheck();
    });
    socket.on('connect_error', recheck);
    socket.onAny(publishStaffEvent);
    return () => {
      socket.close();
    };
  }, []);
}
