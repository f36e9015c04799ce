// socket.io for staff: connections are authenticated with the same session cookie as the API,
// and every staff socket joins the "staff" room that the broadcaster publishes to. When a
// session is revoked (deactivation, password change) its sockets are disconnected at once.
import { Server } from 'socket.io';
import type { ServerContext } from '../context.ts';
import { sessionTokenFrom } from '../auth/middleware.ts';
import { resolveSession } from '../auth/sessions.ts';
import { STAFF_ACCESS_REVOKED, type StaffAccessRevoked } from '../staff/accessRevoked.ts';
import type { Broadcaster, StaffEvent } from './broadcaster.ts';

export const STAFF_ROOM = 'staff';
// Per-person and per-session rooms let a revocation reach the right sockets on every process.
const personRoom = (staffId: string) => `staff:${staffId}`;
const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/**
 * The socket.io server, not yet attached: attach it with `io.attach(httpServer)` AFTER the
 * express app is the server's request listener, so engine.io wraps the app and alone answers
 * /socket.io/ (attached first, both would answer a long-poll and the process would crash).
 */
export function createSocketServer(ctx: Omit<ServerContext, 'broadcaster'>): Server {
  const io = new Server({ path: '/socket.io', serveClient: false });
  io.use(async (socket, next) => {
    const token = sessionTokenFrom(socket.request.headers.cookie);
    const session = token ? await resolveSession(ctx.prisma, token, ctx.now()) : undefined;
    if (!session) return next(new Error('unauthorized'));
    socket.data.staff = session.user;
    socket.data.sessionId = session.sessionId;
    next();
  });
  io.on('connection', (socket) => {
    void socket.join([STAFF_ROOM, personRoom(socket.data.staff.id), sessionRoom(socket.data.sessionId)]);
    socket.emit('ready', { user: socket.data.staff });
  });
  return io;
}

export class SocketBroadcaster implements Broadcaster {
  constructor(private readonly io: Server) {}

  toStaff(event: StaffEvent): void {
    if (event.type === STAFF_ACCESS_REVOKED) return this.disconnect(event.payload as unknown as StaffAccessRevoked);
    this.io.to(STAFF_ROOM).emit(event.type, event.payload);
  }

  /** A revoked session must stop receiving case data now, not when it next calls the API. */
  private disconnect({ staffId, keepSessionId }: StaffAccessRevoked): void {
    const sockets = this.io.in(personRoom(staffId));
    (keepSessionId ? sockets.except(sessionRoom(keepSessionId)) : sockets).disconnectSockets(true);
  }
}
