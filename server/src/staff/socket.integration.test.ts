// socket.io uses the same session as the API, so revoking a session must end its live updates too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { startTestServer, TEST_PASSWORD, type ApiClient, type TestServer } from '../testing/testServer.ts';
import { createStaff, signedIn, signInAs } from './staffTestKit.ts';

let server: TestServer;
const sockets: Socket[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server?.stop();
});

async function connect(client: ApiClient): Promise<Socket> {
  const socket = io(server.url, { path: '/socket.io', transports: ['websocket'], reconnection: false, extraHeaders: { cookie: client.cookie ?? '' } });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('ready', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

const disconnected = (socket: Socket) => new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

describe('staff sockets and revoked sessions', () => {
  it('serves long-polling (the default first transport) without the HTTP app answering it too', async () => {
    const { client } = await signedIn(server, ['agent']);
    const headers = { cookie: client.cookie ?? '' };
    const poll = `${server.url}/socket.io/?EIO=4&transport=polling`;
    const handshake = await fetch(poll, { headers });
    expect(handshake.status).toBe(200);
    const { sid } = JSON.parse((await handshake.text()).slice(1)) as { sid: string };
    // A long-poll waits for data; the app must not answer it 404 in the meantime. "40" is
    // socket.io's CONNECT packet, and its answer arrives on the waiting poll.
    const waiting = fetch(`${poll}&sid=${sid}`, { headers });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const connect = await fetch(`${poll}&sid=${sid}`, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: '40' });
    expect(connect.status).toBe(200);
    const answer = await waiting;
    expect(answer.status).toBe(200);
    expect(await answer.text()).toMatch(/^40\{"sid"/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('refuses a socket without a session', async () => {
    const socket = io(server.url, { path: '/socket.io', transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toBe('unauthorized');
  });

  it("disconnects a deactivated person's sockets at once, and only theirs", async () => {
    const { client: admin } = await signedIn(server, ['admin']);
    const handler = await createStaff(server, ['handler']);
    const { client: handlerClient } = await signInAs(server, handler.email);
    const handlerSocket = await connect(handlerClient);
    const adminSocket = await connect(admin);

    const gone = disconnected(handlerSocket);
    expect((await admin.post(`/api/staff/${handler.id}/deactivate`)).status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    expect(adminSocket.connected).toBe(true);
  });

  it('a password change disconnects the other sessions’ sockets but keeps the one that made it', async () => {
    const staff = await createStaff(server, ['agent']);
    const { client: here } = await signInAs(server, staff.email);
    const { client: elsewhere } = await signInAs(server, staff.email);
    const hereSocket = await connect(here);
    const elsewhereSocket = await connect(elsewhere);

    const gone = disconnected(elsewhereSocket);
    expect((await here.post('/api/staff/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase' })).status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    expect(hereSocket.connected).toBe(true);
  });
});
