// The development phone simulator end to end: the page's endpoint signs a Twilio form and posts
// it to the server's own real webhook; the stored message gets a bot turn; the reply leaves
// through the outbox and the Twilio SDK into the simulated Twilio, which reports it back to the
// phone and sends signed status callbacks (sent, delivered) to the real /twilio/status.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSignedInStaff, startTestServer, type TestServer } from '../../testing/testServer.ts';
import { SAMPLE_PHOTO } from './simulatedTwilio.ts';
import type { TSimulatedThread } from '../../schemas/index.ts';
import { waitFor } from '../testing/twilioTestKit.ts';

let server: TestServer;
let api: ApiClient;
let dist: string;
beforeAll(async () => {
  // A stand-in console build, so the page routes can be checked without building the console.
  dist = mkdtempSync(path.join(tmpdir(), 'console-dist-'));
  for (const page of ['index', 'chat', 'simulator']) writeFileSync(path.join(dist, `${page}.html`), `<!doctype html><title>${page}</title>`);
  server = await startTestServer({
    env: { PHONE_SIMULATOR: 'true' },
    consoleDist: dist,
    channels: { outbox: { pollIntervalMs: 20, backoff: () => 30 }, simulatorStepMs: 20 },
  });
  api = new ApiClient(server.url);
});
afterAll(async () => {
  await server?.stop();
  rmSync(dist, { recursive: true, force: true });
});

const thread = async (channel: string, phone: string): Promise<TSimulatedThread> => (await api.get(`/simulator/api/thread?channel=${channel}&phone=${encodeURIComponent(phone)}`)).json.thread;
const botReplies = async (channel: string, phone: string) => (await thread(channel, phone)).messages.filter((m) => m.from === 'bot');

describe('the phone simulator', () => {
  it('sends "hello" by SMS through the real webhook; the bot reply comes back to the phone and is delivered', async () => {
    const sent = await api.post('/simulator/api/messages', { channel: 'sms', phone: '07700 900123', body: 'hello' });
    expect(sent.status).toBe(201);
    expect(sent.json.message).toMatchObject({ from: 'resident', body: 'hello', status: 'received', sid: expect.stringMatching(/^SM[0-9a-f]{32}$/) });

    const inbound = await server.context.prisma.message.findUniqueOrThrow({ where: { providerMessageId: sent.json.message.sid }, include: { conversation: { include: { channelIdentity: true } } } });
    expect(inbound).toMatchObject({ channel: 'sms', direction: 'inbound', body: 'hello' });
    expect(inbound.conversation.channelIdentity.address).toBe('+447700900123');

    const [greeting] = await waitFor(async () => {
      const replies = await botReplies('sms', '+447700900123');
      return replies[0]?.status === 'delivered' ? replies : undefined;
    });
    expect(greeting!.body).toMatch(/automated assistant/);
    // The status callbacks went through the real, signature-checked /twilio/status.
    const stored = await server.context.prisma.message.findUniqueOrThrow({ where: { providerMessageId: greeting!.sid } });
    expect(stored).toMatchObject({ direction: 'outbound', author: 'bot', body: greeting!.body, deliveryStatus: 'delivered' });
    const messages = (await thread('sms', '07700900123')).messages;
    expect(messages.map((m) => m.from)).toEqual(['resident', ...messages.slice(1).map(() => 'bot')]);
  });

  it('does the same on WhatsApp', async () => {
    expect((await api.post('/simulator/api/messages', { channel: 'whatsapp', phone: '+44 7700 900124', body: 'hello' })).status).toBe(201);
    const replies = await waitFor(async () => {
      const found = await botReplies('whatsapp', '+447700900124');
      return found[0]?.status === 'delivered' ? found : undefined;
    });
    expect(replies[0]!.body).toMatch(/automated assistant/);
    const identity = await server.context.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_address: { channel: 'whatsapp', address: '+447700900124' } } });
    expect(identity.lastInboundAt).not.toBeNull();
    // SMS and WhatsApp from one number are two separate threads.
    expect(await botReplies('sms', '+447700900124')).toEqual([]);
  });

  it('streams the thread live as server-sent events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/simulator/api/events?channel=sms&phone=07700900125`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const seen: TSimulatedThread[] = [];
    const reading = (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
          if (data) seen.push(JSON.parse(data) as TSimulatedThread);
          buffer = buffer.slice(end + 2);
        }
      }
    })().catch(() => undefined);
    try {
      await waitFor(() => seen.length > 0);
      expect(seen[0]).toEqual({ channel: 'sms', phone: '+447700900125', messages: [] });
      await api.post('/simulator/api/messages', { channel: 'sms', phone: '07700900125', body: 'hello' });
      const delivered = await waitFor(() => seen.find((t) => t.messages.some((m) => m.from === 'bot' && m.status === 'delivered')));
      expect(delivered.messages[0]).toMatchObject({ from: 'resident', body: 'hello', status: 'received' });
    } finally {
      controller.abort();
      await reading;
    }
  });

  it('keeps the real signature check on the webhooks it feeds', async () => {
    const form = new URLSearchParams({ MessageSid: `SM${'1'.repeat(32)}`, From: '+447700900126', To: '+447700900000', Body: 'forged' });
    const unsigned = await fetch(`${server.url}/twilio/sms`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    expect(unsigned.status).toBe(403);
    expect(await server.context.prisma.message.count({ where: { body: 'forged' } })).toBe(0);
  });

  it('refuses a real-looking number, an empty message and another website, with a message a developer can act on', async () => {
    const real = await api.post('/simulator/api/messages', { channel: 'sms', phone: '07911 123456', body: 'hello' });
    expect(real.status).toBe(400);
    expect(real.json.error.message).toContain('Use a fictional number from 07700 900001 to 07700 900999');
    const bots = await api.post('/simulator/api/messages', { channel: 'sms', phone: '07700 900000', body: 'hello' });
    expect(bots.json.error.message).toContain("the bot's own number");
    const empty = await api.post('/simulator/api/messages', { channel: 'sms', phone: '07700 900127', body: '  ' });
    expect(empty.json.error.message).toContain('Type a message or attach the sample photo');
    const crossSite = await api.post('/simulator/api/messages', { channel: 'sms', phone: '07700 900127', body: 'hi' }, { origin: 'https://elsewhere.example.org' });
    expect(crossSite.status).toBe(403);
    expect((await api.get('/simulator/api/nothing-here')).status).toBe(404);
  });

  it('sends the sample photo on WhatsApp, and staff open it through the media route', async () => {
    const sent = await api.post('/simulator/api/messages', { channel: 'whatsapp', phone: '07700 900128', body: '', photo: true });
    expect(sent.status).toBe(201);
    expect(sent.json.message).toMatchObject({ photo: true, status: 'received', sid: expect.stringMatching(/^MM[0-9a-f]{32}$/) });
    const stored = await server.context.prisma.message.findUniqueOrThrow({ where: { providerMessageId: sent.json.message.sid }, include: { media: true } });
    expect(stored.media).toEqual([expect.objectContaining({ contentType: 'image/png', url: expect.stringMatching(/^https:\/\/api\.twilio\.com\/2010-04-01\/Accounts\/AC\w{32}\/Messages\/MM\w{32}\/Media\/ME\w{32}$/) })]);
    const { client } = await createSignedInStaff(server);
    const photo = await fetch(`${server.url}/api/media/${stored.media[0]!.id}`, { headers: { cookie: client.cookie! } });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(photo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await photo.arrayBuffer()).equals(SAMPLE_PHOTO)).toBe(true);
  });

  it('serves its page at /simulator', async () => {
    const page = await fetch(`${server.url}/simulator`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>simulator</title>');
  });
});

describe('without the phone simulator (production, or test by default)', () => {
  it.each([['production'], ['test']])('NODE_ENV=%s: no page, no API, no simulated Twilio: 404', async (nodeEnv) => {
    const off = await startTestServer({ database: server.database, consoleDist: dist, env: { NODE_ENV: nodeEnv } });
    try {
      expect(off.context.config.phoneSimulator).toBe(false);
      for (const page of ['/simulator', '/simulator/', '/simulator.html', '/simulator/api/thread?channel=sms&phone=07700900123']) {
        expect((await fetch(off.url + page)).status, page).toBe(404);
      }
      const send = await fetch(`${off.url}/simulator/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel: 'sms', phone: '07700 900123', body: 'hello' }) });
      expect(send.status).toBe(404);
      expect((await fetch(`${off.url}/twilio/sms`, { method: 'POST' })).status).toBe(404);
      // The other pages are still served.
      expect((await fetch(`${off.url}/chat`)).status).toBe(200);
    } finally {
      await off.stop();
    }
  });
});
