// A resident's web chat socket for integration tests: connects to '/chat' like the chat page
// does (optionally resuming a session), and records every event it receives in order.
import { io, type Socket } from 'socket.io-client';
import type { TWebChatMessage, TWebChatReplayAck, TWebChatSendAck, TWebChatSession } from '../../schemas/index.ts';
import type { RunningServer } from '../../createServer.ts';

export interface Resident extends TWebChatSession {
  socket: Socket;
  received: TWebChatMessage[];
  /** Every event in arrival order, e.g. ['typing', {typing: true, author: 'bot'}]. */
  events: [string, unknown][];
}

export interface ConnectOptions {
  sessionId?: string;
  headers?: Record<string, string>;
}

export class WebChatSessionRefused extends Error {
  constructor(
    message: string,
    readonly data: unknown,
  ) {
    super(message);
  }
}

export function webChatClient(server: RunningServer) {
  const sockets: Socket[] = [];

  async function connect(options: ConnectOptions = {}): Promise<Resident> {
    const socket = io(`${server.url}/chat`, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      // One connection per resident, as in separate browsers.
      forceNew: true,
      auth: options.sessionId ? { sessionId: options.sessionId } : {},
      ...(options.headers ? { extraHeaders: options.headers } : {}),
    });
    sockets.push(socket);
    const received: TWebChatMessage[] = [];
    const events: [string, unknown][] = [];
    socket.onAny((event: string, payload: unknown) => events.push([event, payload]));
    socket.on('message', (message: TWebChatMessage) => received.push(message));
    const session = await new Promise<TWebChatSession>((resolve, reject) => {
      socket.once('session', resolve);
      socket.once('connect_error', (error: Error & { data?: unknown }) => reject(new WebChatSessionRefused(error.message, error.data)));
    });
    return { socket, ...session, received, events };
  }

  return {
    connect,
    send: (socket: Socket, payload: unknown) => socket.timeout(5000).emitWithAck('message', payload) as Promise<TWebChatSendAck>,
    replay: (socket: Socket, afterSeq: number) => socket.timeout(5000).emitWithAck('replay', { afterSeq }) as Promise<TWebChatReplayAck>,
    closeAll: () => sockets.forEach((socket) => socket.close()),
  };
}
