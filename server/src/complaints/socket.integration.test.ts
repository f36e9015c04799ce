import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { DEFINITION, TEST_NOW, logComplaint, signIn } from './complaintsTestKit.ts';

let server: TestServer;
let socket: Socket | undefined;
beforeAll(async () => {
  server = await startTestServer({ now: () => TEST_NOW });
});
afterAll(async () => {
  socket?.close();
  await server?.stop();
});

describe('real-time updates', () => {
  it('tells signed-in staff about an acknowledgement, with a plain DTO', async () => {
    const { client } = await signIn(server);
    const { complaint } = await logComplaint(server, client);
    socket = io(server.url, { path: '/socket.io', transports: ['websocket'], extraHeaders: { cookie: client.cookie ?? '' } });
    await new Promise<void>((resolve, reject) => {
      socket?.once('ready', () => resolve());
      socket?.once('connect_error', reject);
    });
    const received = new Promise<{ complaint: Record<string, unknown> }>((resolve) => socket?.once('complaint.acknowledged', resolve));
    const ack = await client.post(`/api/complaints/${complaint.id}/acknowledge`, { definition: DEFINITION, version: complaint.version });
    expect(ack.status).toBe(200);
    const payload = await received;
    expect(payload.complaint).toMatchObject({ id: complaint.id, status: 'acknowledged', version: ack.json.version });
    expect(payload.complaint).toEqual(ack.json);
  });
});
