// socket.io for staff: connections are authenticated with the same session cookie as the API,
// and every staff socket joins the "staff" room that the broadcaster publishes to.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { ServerContext } from '../context.ts';
import { sessionTokenFrom } from '../auth/middleware.ts';
import { resolveSession } from '../auth/sessions.ts';
import type { Broadcaster, StaffEvent } from './broadcaster.ts';

export const STAFF_ROOM = 'staff';

export function attachSocketServer(httpServer: HttpServer, ctx: Omit<ServerContext, 'broadcaster'>): Server {
  const io = new Server(httpServer, { path: '/socket.io', serveClient: false });
  io.use(async (socket, next) => {
    const token = sessionTokenFrom(socket.request.headers.cookie);
    const session = token ? await resolveSession(ctx.prisma, token, ctx.now()) : undefined;
    if (!session) return next(new Error('unauthorized'));
    socket.data.staff = session.user;
    next();
  });
  io.on('connection', (socket) => {
    void socket.join(STAFF_ROOM);
    socket.emit('ready', { user: socket.data.staff });
  });
  return io;
}

export class SocketBroadcaster implements Broadcaster {
  constructor(private readonly io: Server) {}

  toStaff(event: StaffEvent): void {
    this.io.to(STAFF_ROOM).emit(event.type, event.payload);
  }
}
