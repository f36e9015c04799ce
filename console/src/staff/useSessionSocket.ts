// The console's live connection. It authenticates with the same session cookie as the API; when
// the server drops it (the session was revoked or the person deactivated) we ask the API who we
// are, and the 401 that follows shows the sign-in screen (shared/api.ts). Screens listen to it
// through StaffSocketContext (live/staffSocket.ts).
import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { api } from '../shared/api.ts';

export function useSessionSocket(): Socket | null {
  const [socket, setSocket] = useState<Socket | null>(null);
  useEffect(() => {
    const connection = io({ path: '/socket.io' });
    const recheck = () => void api('/auth/me').catch(() => undefined);
    connection.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') recheck();
    });
    connection.on('connect_error', recheck);
    setSocket(connection);
    return () => {
      connection.close();
      setSocket(null);
    };
  }, []);
  return socket;
}
