// The SMS webhook end to end: signature, persist-first, duplicate delivery, the turn, the reply
// through the outbox to (fake) Twilio, media, and ordering within a conversation.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalMobile } from '@complaints/db/factories';
import {
  PUBLIC_BASE_URL,
  SMS_FROM,
  inboundSms,
  inboundWhatsApp,
  postWebhook,
  settle,
  startTwilioTestServer,
  waitFor,
  type TwilioTestServer,
} from '../testing/twilioTestKit.ts';
import { connectStaffSocket } from '../../testing/testServer.ts';
import { CONVERSATION_MESSAGE_EVENT, type TConversationMessage } from '../../schemas/index.ts';

let server: TwilioTestServer;
let nextPhone = 700;
const phone = () => fictionalMobile(nextPhone++);

beforeAll(async () => {
  server = await startTwilioTestServer();
});
afterAll(async () => server?.stop());

const messagesFrom = (address: string) =>
  server.context.prisma.message.findMany({
    where: { conversation: { channelIdentity: { address } } },
    orderBy: { seq: 'asc' },
    include: { outbox: true, media: true },
  });

describe('POST /twilio/sms', () => {
  it('stores the message, answers 200 with empty TwiML, and the reply reaches Twilio through the outbox', async () => {
    const from = phone();
    const params = inboundSms(from, 'hello');
    const response = await postWebhook(server, '/twilio/sms', params);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/xml/);
    expect(await response.text()).toMatch(/<Response><\/Response>/);

    await settle(server);
    const [inbound, ...replies] = await messagesFrom(from);
    expect(inbound).toMatchObject({ direction: 'inbound', providerMessageId: params.MessageSid, body: 'hello', deliveryStatus: 'received' });
    expect(inbound!.processedAt).not.toBeNull();
    expect(replies.length).toBeGreaterThan(0);
    const greeting = replies[0]!;
    expect(greeting.body).toMatch(/automated assistant/);
    expect(greeting.deliveryStatus).toBe('sent');
    expect(greeting.outbox).toMatchObject({ status: 'sent', attempts: 1 });
    expect(greeting.providerMessageId).toBe(greeting.outbox!.providerSid);

    const create = server.twilio.requests.find((r) => r.data.To === from && r.data.Body === greeting.body);
    expect(create).toMatchObject({
      method: 'post',
      data: { From: SMS_FROM, StatusCallback: `${PUBLIC_BASE_URL}/twilio/status` },
    });
    const identity = await server.context.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_address: { channel: 'sms', address: from } } });
    expect(identity.lastInboundAt).not.toBeNull();
  });

  it('refuses a forged or missing signature with 403 and stores nothing', async () => {
    const from = phone();
    const forged = await postWebhook(server, '/twilio/sms', inboundSms(from, 'hello'), { signature: 'bm90IGEgc2lnbmF0dXJl' });
    const missing = await postWebhook(server, '/twilio/sms', inboundSms(from, 'hello'), { signature: null });
    expect(forged.status).toBe(403);
    expect(missing.status).toBe(403);
    expect(await messagesFrom(from)).toHaveLength(0);
    expect(await server.context.prisma.channelIdentity.count({ where: { address: from } })).toBe(0);
  });

  it('logs a refused webhook without its body or phone number', async () => {
    // At debug level outside production the logger redacts nothing (logger.ts), so anything of
    // the request the rejection logged would show here as it is.
    const lines: string[] = [];
    const logDestination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const local = await startTwilioTestServer({ env: { LOG_LEVEL: 'debug' }, logDestination });
    try {
      const from = phone();
      const body = 'There is black mould behind the wardrobe';
      lines.length = 0;
      const forged = await postWebhook(local, '/twilio/sms', inboundSms(from, body), { signature: 'bm90IGEgc2lnbmF0dXJl' });
      const missing = await postWebhook(local, '/twilio/whatsapp', inboundWhatsApp(from, body), { signature: null });
      expect([forged.status, missing.status]).toEqual([403, 403]);
      const rejections = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => /missing or wrong signature/.test(String(line.msg)));
      expect(rejections).toEqual([
        expect.objectContaining({ level: 40, path: '/sms', signed: true }),
        expect.objectContaining({ level: 40, path: '/whatsapp', signed: false }),
      ]);
      const output = lines.join('');
      expect(output).not.toContain(body);
      expect(output).not.toContain('black mould');
      expect(output).not.toContain(from);
      expect(output).not.toContain(from.slice(1));
      expect(output).not.toContain(encodeURIComponent(from));
    } finally {
      await local.stop();
    }
  });

  it('checks the signature against PUBLIC_BASE_URL, not the Host header', async () => {
    const from = phone();
    const params = inboundSms(from, 'hello');
    const { signTwilioWebhook } = await import('@complaints/bot');
    // Signed for the address the request really arrived at: wrong, Twilio signs the public URL.
    const hostSigned = signTwilioWebhook('test-auth-token', `${server.url}/twilio/sms`, params);
    expect((await postWebhook(server, '/twilio/sms', params, { signature: hostSigned })).status).toBe(403);
    // A body changed after signing.
    const signed = signTwilioWebhook('test-auth-token', `${PUBLIC_BASE_URL}/twilio/sms`, params);
    expect((await postWebhook(server, '/twilio/sms', { ...params, Body: 'changed' }, { signature: signed })).status).toBe(403);
    expect(await messagesFrom(from)).toHaveLength(0);
  });

  it('answers a redelivered MessageSid 200 and processes it once', async () => {
    const from = phone();
    const params = inboundSms(from, 'hello');
    const [first, second] = await Promise.all([postWebhook(server, '/twilio/sms', params), postWebhook(server, '/twilio/sms', params)]);
    const third = await postWebhook(server, '/twilio/sms', params);
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    await settle(server);
    const messages = await messagesFrom(from);
    expect(messages.filter((m) => m.direction === 'inbound')).toHaveLength(1);
    // One turn: one greeting, once.
    expect(messages.filter((m) => m.direction === 'outbound' && /automated assistant/.test(m.body))).toHaveLength(1);
  });

  it('keeps the URL and content type of each photo', async () => {
    const from = phone();
    const params = inboundSms(from, 'Photo of the damp', {
      NumMedia: '2',
      MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1',
      MediaContentType0: 'image/jpeg',
      MediaUrl1: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2',
      MediaContentType1: 'image/png',
    });
    expect((await postWebhook(server, '/twilio/sms', params)).status).toBe(200);
    const [inbound] = await messagesFrom(from);
    expect(inbound!.media.map((m) => [m.url, m.contentType]).sort()).toEqual([
      [params.MediaUrl0, 'image/jpeg'],
      [params.MediaUrl1, 'image/png'],
    ]);
    await settle(server);
  });

  it('tells staff about the inbound message (with its photos) and the queued reply as they are stored', async () => {
    const staff = await connectStaffSocket(server);
    try {
      const events: TConversationMessage[] = [];
      staff.on(CONVERSATION_MESSAGE_EVENT, ({ message }: { message: TConversationMessage }) => events.push(message));
      const params = inboundSms(phone(), 'Photo of the mould', { NumMedia: '1', MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM2/Media/ME3', MediaContentType0: 'image/jpeg' });
      expect((await postWebhook(server, '/twilio/sms', params)).status).toBe(200);
      const inbound = await waitFor(() => events.find((m) => m.body === 'Photo of the mould'));
      expect(inbound).toMatchObject({ channel: 'sms', direction: 'inbound', author: 'resident', media: [{ url: params.MediaUrl0, contentType: 'image/jpeg' }] });
      const reply = await waitFor(() => events.find((m) => m.conversationId === inbound.conversationId && m.direction === 'outbound'));
      expect(reply).toMatchObject({ author: 'bot', deliveryStatus: 'queued' });
      // A redelivery stores nothing new and tells nobody.
      expect((await postWebhook(server, '/twilio/sms', params)).status).toBe(200);
      await settle(server);
      expect(events.filter((m) => m.body === 'Photo of the mould')).toHaveLength(1);
    } finally {
      staff.close();
    }
  });

  it('rejects a signed webhook whose fields are unusable with 400', async () => {
    const response = await postWebhook(server, '/twilio/sms', { ...inboundSms(phone(), 'x'), MessageSid: 'nonsense' });
    expect(response.status).toBe(400);
  });

  it('runs the turns of one conversation one at a time, in arrival order', async () => {
    const from = phone();
    const lines = ['hello', 'Nobody came to fix my boiler again, this is the third time, I am fed up', 'no'];
    for (const line of lines) expect((await postWebhook(server, '/twilio/sms', inboundSms(from, line))).status).toBe(200);
    await settle(server);
    const messages = await messagesFrom(from);
    const inbound = messages.filter((m) => m.direction === 'inbound');
    expect(inbound.map((m) => m.body)).toEqual(lines);
    const processed = inbound.map((m) => m.processedAt!.getTime());
    expect([...processed].sort((a, b) => a - b)).toEqual(processed);
    // Each reply follows the message it answers: greeting, then the offer, then the decline.
    const outbound = messages.filter((m) => m.direction === 'outbound').map((m) => m.body);
    expect(outbound[0]).toMatch(/automated assistant/);
    expect(outbound.some((b) => /formal complaint/.test(b))).toBe(true);
    expect(outbound.at(-1)).toMatch(/won't log a complaint/);
    const conversations = new Set(messages.map((m) => m.conversationId));
    expect(conversations.size).toBe(1);
  });
});
