// Services announce "this person's sessions just stopped working"; the socket layer reacts by
// disconnecting their sockets (realtime/socketServer.ts), so a revoked session loses live
// updates at once rather than at its next HTTP request.
import type { Broadcaster } from '../realtime/broadcaster.ts';

export const STAFF_ACCESS_REVOKED = 'staff.access_revoked';

export interface StaffAccessRevoked {
  staffId: string;
  /** The session that stays signed in (a password change keeps the one that made it). */
  keepSessionId?: string;
}

export function announceAccessRevoked(broadcaster: Broadcaster, payload: StaffAccessRevoked): void {
  broadcaster.toStaff({ type: STAFF_ACCESS_REVOKED, payload: { ...payload } });
}
