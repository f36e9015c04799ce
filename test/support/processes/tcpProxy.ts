// A TCP proxy the test controls, in front of a shared service (Redis, PostgreSQL): cutting it
// drops every connection through it and refuses new ones, as an outage would, without touching
// the service itself (other engineers and test files share it).
import { createConnection, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  port: number;
  url(scheme: string): string;
  /** Drops every open connection; new ones are closed at once until restore(). */
  cut(): void;
  /** New connections are closed at once until restore(); open ones carry on (a server shutting down). */
  refuseNew(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let open = true;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = createConnection(target);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    port,
    url: (scheme) => `${scheme}://127.0.0.1:${port}`,
    cut() {
      open = false;
      dropAll();
    },
    refuseNew() {
      open = false;
    },
    restore() {
      open = true;
    },
    close() {
      open = false;
      dropAll();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
