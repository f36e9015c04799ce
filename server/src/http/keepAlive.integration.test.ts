// A connection left idle between requests stays open past Node's default 5 s, as a load balancer
// (60 s idle timeout on most) or Twilio reusing it expects; otherwise its next request can meet
// a connection the server is just closing (a reset: a 502, or a failed webhook).
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

function request(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (/\r\n\r\n/.test(text) && /"ok"|ok/.test(text)) {
        socket.off('data', onData);
        resolve(text);
      }
    };
    socket.on('data', onData);
    socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
  });
}

describe('HTTP keep-alive', () => {
  it('keeps an idle connection open longer than Node’s default 5 s', { timeout: 20_000 }, async () => {
    const url = new URL(server.url);
    const socket = connect(Number(url.port), url.hostname);
    let closed = false;
    socket.on('close', () => (closed = true));
    try {
      expect(await request(socket)).toMatch(/^HTTP\/1\.1 200/);
      await new Promise((resolve) => setTimeout(resolve, 6_500));
      expect(closed).toBe(false);
      expect(await request(socket)).toMatch(/^HTTP\/1\.1 200/);
    } finally {
      socket.destroy();
    }
  });
});
