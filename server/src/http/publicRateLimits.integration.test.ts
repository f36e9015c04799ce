// Rate limits on the public endpoints (issue 8): the chat page, socket.io connections, the
// Twilio webhooks (refusals only), the attachments route, and the password doors that had no
// test of their per-address limit (first-run set-up, invitations). Limits are lowered so that a
// few requests show each one; behind a proxy (TRUST_PROXY) each X-Forwarded-For address is its
// own bucket, so one address being limited never touches another.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalMobile } from '@complaints/db/factories';
import { inboundSms, postWebhook, startTwilioTestServer, type TwilioTestServer } from '../channels/testing/twilioTestKit.ts';
import { signedIn } from '../staff/staffTestKit.ts';

let server: TwilioTestServer;
let dist: string;
const LIMITS = { windowMs: 60_000, chatPagesPerAddress: 3, socketConnectionsPerAddress: 4, refusedWebhooksPerAddress: 5, mediaPerStaff: 3 };

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'console-dist-'));
  mkdirSync(path.join(dist, 'chat'));
  for (const page of ['index', 'chat']) writeFileSync(path.join(dist, `${page}.html`), `<!doctype html><title>${page}</title>`);
  writeFileSync(path.join(dist, 'chat', 'embed.js'), '(function(){})();');
  server = await startTwilioTestServer({ env: { TRUST_PROXY: 'true' }, consoleDist: dist, rateLimits: LIMITS });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dist, { recursive: true, force: true });
});

const from = (address: string) => ({ 'x-forwarded-for': address });

describe('the Twilio webhooks: only refused requests count', () => {
  it('signed webhooks from one address are never limited', async () => {
    for (let i = 0; i < 20; i++) {
      const response = await postWebhook(server, '/twilio/sms', inboundSms(fictionalMobile(300 + i), 'hello'), { headers: from('198.51.100.20') });
      expect(response.status).toBe(200);
    }
  });

  it('after 5 forged ones an address is refused 429 before its body is read, signed or not; other addresses carry on', async () => {
    const forger = from('203.0.113.66');
    for (let i = 0; i < 5; i++) expect((await postWebhook(server, '/twilio/sms', inboundSms(fictionalMobile(400), 'forged'), { signature: null, headers: forger })).status).toBe(403);
    const limited = await postWebhook(server, '/twilio/sms', inboundSms(fictionalMobile(400), 'forged'), { signature: 'wrong', headers: forger });
    expect(limited.status).toBe(429);
    expect(await limited.text()).toBe('Too many unsigned or wrongly signed requests from this address. Try again in 15 minutes.');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const signed = inboundSms(fictionalMobile(401), 'signed, from the same address');
    expect((await postWebhook(server, '/twilio/sms', signed, { headers: forger })).status).toBe(429);
    expect(await server.context.prisma.message.findUnique({ where: { providerMessageId: signed.MessageSid } })).toBeNull();
    expect((await postWebhook(server, '/twilio/status', { MessageSid: signed.MessageSid!, MessageStatus: 'sent' }, { headers: forger })).status).toBe(429);
    expect((await postWebhook(server, '/twilio/sms', inboundSms(fictionalMobile(402), 'hello'), { headers: from('198.51.100.21') })).status).toBe(200);
  });
});

describe('the resident chat page', () => {
  it('3 loads per address, then 429 in words; the embed snippet is not counted; other addresses carry on', async () => {
    const here = from('192.0.2.30');
    for (const page of ['/chat', '/chat/', '/chat?embed=1']) expect((await fetch(server.url + page, { headers: here })).status).toBe(200);
    const limited = await fetch(`${server.url}/chat`, { headers: here });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/text\/plain/);
    expect(await limited.text()).toBe('The chat has been opened too many times from your network. Try again in 15 minutes.');
    for (let i = 0; i < 5; i++) expect((await fetch(`${server.url}/chat/embed.js`, { headers: here })).status).toBe(200);
    expect((await fetch(`${server.url}/`, { headers: here })).status).toBe(200);
    expect((await fetch(`${server.url}/chat`, { headers: from('192.0.2.31') })).status).toBe(200);
  });
});

describe('socket.io connections', () => {
  const poll = `/socket.io/?EIO=4&transport=polling`;

  it('4 new connections per address, then refused (429 over long-polling, the websocket closed); polls on an open connection are not counted', async () => {
    const here = from('192.0.2.40');
    const handshake = await fetch(server.url + poll, { headers: here });
    expect(handshake.status).toBe(200);
    const { sid } = JSON.parse((await handshake.text()).slice(1)) as { sid: string };
    // Joining /chat and polling on that connection: none of it is a new connection.
    expect((await fetch(`${server.url}${poll}&sid=${sid}`, { method: 'POST', headers: { ...here, 'content-type': 'text/plain' }, body: '40/chat,{}' })).status).toBe(200);
    expect(await (await fetch(`${server.url}${poll}&sid=${sid}`, { headers: here })).text()).toMatch(/^40\/chat,/);
    for (let i = 0; i < 5; i++) {
      const typing = await fetch(`${server.url}${poll}&sid=${sid}`, { method: 'POST', headers: { ...here, 'content-type': 'text/plain' }, body: '42/chat,["typing",{"typing":false}]' });
      expect(typing.status).toBe(200);
    }

    const sockets = [];
    for (let i = 0; i < 3; i++) {
      const socket = io(`${server.url}/chat`, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: here });
      sockets.push(socket);
      await new Promise((resolve, reject) => {
        socket.once('session', resolve);
        socket.once('connect_error', reject);
      });
    }
    const refused = await fetch(server.url + poll, { headers: here });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: unknown }).error).toEqual({ code: 'RATE_LIMITED', message: 'Too many connections from your network. Try again in 15 minutes.' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const over = io(`${server.url}/chat`, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: here });
    sockets.push(over);
    await expect(new Promise((resolve, reject) => {
      over.once('session', resolve);
      over.once('connect_error', reject);
    })).rejects.toThrow();
    // The connections already open are untouched, and another address connects.
    expect(sockets.slice(0, 3).every((socket) => socket.connected)).toBe(true);
    expect((await fetch(server.url + poll, { headers: from('192.0.2.41') })).status).toBe(200);
    for (const socket of sockets) socket.close();
  });
});

describe('attachments', () => {
  it('per member of staff: 3, then 429 in words; a colleague on the same address is not slowed', async () => {
    const { client: first } = await signedIn(server, ['agent']);
    const { client: second } = await signedIn(server, ['agent']);
    for (let i = 0; i < 3; i++) expect((await first.get(`/api/media/${randomUUID()}`)).status).toBe(404);
    const limited = await first.get(`/api/media/${randomUUID()}`);
    expect(limited.status).toBe(429);
    expect(limited.json.error).toEqual({ code: 'RATE_LIMITED', message: 'You have opened a great many attachments in a short time. Try again in 15 minutes.' });
    expect((await second.get(`/api/media/${randomUUID()}`)).status).toBe(404);
  });
});

describe('the password doors (limits that were there, now with a test)', () => {
  const anonymous = (address: string) => (pathname: string, body: unknown) =>
    fetch(server.url + pathname, { method: 'POST', headers: { 'content-type': 'application/json', ...from(address) }, body: JSON.stringify(body) });

  it('first-run set-up: 50 attempts per address in 15 minutes, then 429', async () => {
    const post = anonymous('192.0.2.50');
    const statuses = [];
    // A different email each time: one email has its own, lower limit (10, as sign-in).
    for (let i = 0; i < 51; i++) statuses.push((await post('/api/auth/setup', { token: 'x'.repeat(40), name: 'Jo', email: `jo${i}@example.org`, password: 'long enough password' })).status);
    expect(statuses.slice(0, 50).every((status) => status !== 429)).toBe(true);
    expect(statuses[50]).toBe(429);
  });

  it('accepting an invitation: 50 attempts per address in 15 minutes, then 429 in words', async () => {
    const post = anonymous('192.0.2.51');
    const statuses = [];
    for (let i = 0; i < 50; i++) statuses.push((await post('/api/auth/invitations/accept', { token: 'x'.repeat(40), name: 'Jo', password: 'long enough password' })).status);
    expect(statuses.every((status) => status !== 429)).toBe(true);
    const limited = await post('/api/auth/invitations/accept', { token: 'x'.repeat(40), name: 'Jo', password: 'long enough password' });
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toBe('Too many attempts from this network. Try again in 15 minutes.');
  });
});
