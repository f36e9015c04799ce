// WhatsApp: STOP / START / HELP, suppression while opted out (and staff told), the 24-hour
// window with the approved template outside it (judged again when a retry is sent), and media.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalMobile } from '@complaints/db/factories';
import { createFakeTwilioHttpClient } from '@complaints/bot';
import type { StaffEvent } from '../../realtime/broadcaster.ts';
import {
  TEMPLATE_SID,
  WHATSAPP_FROM,
  inboundWhatsApp,
  postWebhook,
  settle,
  startTwilioTestServer,
  type TwilioTestServer,
} from '../testing/twilioTestKit.ts';

let server: TwilioTestServer;
let nextPhone = 900;
const events: StaffEvent[] = [];

beforeAll(async () => {
  server = await startTwilioTestServer();
  const original = server.context.broadcaster.toStaff.bind(server.context.broadcaster);
  server.context.broadcaster.toStaff = (event) => {
    events.push(event);
    original(event);
  };
});
afterAll(async () => server?.stop());

async function say(from: string, text: string, extra: Record<string, string> = {}) {
  const response = await postWebhook(server, '/twilio/whatsapp', inboundWhatsApp(from, text, extra));
  expect(response.status).toBe(200);
  await settle(server);
}

const identityOf = (address: string) =>
  server.context.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_address: { channel: 'whatsapp', address } }, include: { conversations: true } });
const outboundTo = (address: string) =>
  server.context.prisma.message.findMany({
    where: { direction: 'outbound', conversation: { channelIdentity: { address, channel: 'whatsapp' } } },
    orderBy: { seq: 'asc' },
    include: { outbox: true },
  });
const requestsTo = (address: string) => server.twilio.requests.filter((r) => r.data.To === `whatsapp:${address}`);

describe('POST /twilio/whatsapp', () => {
  it('answers in the conversation, free text inside the 24-hour window', async () => {
    const from = fictionalMobile(nextPhone++);
    await say(from, 'hello');
    const identity = await identityOf(from);
    expect(identity.conversations).toHaveLength(1);
    expect(identity.conversations[0]!.channel).toBe('whatsapp');
    const [request] = requestsTo(from);
    expect(request!.data).toMatchObject({ From: WHATSAPP_FROM });
    expect(request!.data.Body).toMatch(/automated assistant/);
    expect(request!.data.ContentSid).toBeUndefined();
  });

  it('STOP opts the resident out: staff are told and later messages are suppressed, not sent', async () => {
    const from = fictionalMobile(nextPhone++);
    await say(from, 'hello');
    const before = requestsTo(from).length;
    await say(from, 'STOP');
    const identity = await identityOf(from);
    expect(identity.optedOutAt).not.toBeNull();
    const conversationId = identity.conversations[0]!.id;
    expect(events).toContainEqual({ type: 'channel.opted_out', payload: expect.objectContaining({ conversationId, channel: 'whatsapp' }) });
    expect(JSON.stringify(events)).not.toContain(from);

    // A staff update, and a message from the resident that is not START: nothing goes out.
    await server.channels.sendToConversation(conversationId, 'Your complaint has been acknowledged.');
    await say(from, 'is anyone there?');
    expect(requestsTo(from)).toHaveLength(before);
    const suppressed = (await outboundTo(from)).filter((m) => m.body === 'Your complaint has been acknowledged.');
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]).toMatchObject({ deliveryStatus: 'suppressed', outbox: { status: 'cancelled', attempts: 0 } });
    expect(events).toContainEqual({ type: 'message.delivery', payload: expect.objectContaining({ messageId: suppressed[0]!.id, deliveryStatus: 'suppressed', reason: 'opted_out' }) });
    const audit = await server.context.prisma.auditEvent.findMany({ where: { entityId: identity.id, action: 'channel_identity.opted_out' } });
    expect(audit).toHaveLength(1);
  });

  it('STOP cancels messages still waiting in the outbox', async () => {
    // A server whose worker is stopped, so the update stays queued until STOP arrives.
    const local = await startTwilioTestServer();
    try {
      await local.channels.outbox!.stop();
      const from = fictionalMobile(nextPhone++);
      expect((await postWebhook(local, '/twilio/whatsapp', inboundWhatsApp(from, 'hello'))).status).toBe(200);
      await local.channels.turnRunner.idle();
      const identity = await local.context.prisma.channelIdentity.findFirstOrThrow({ where: { address: from }, include: { conversations: true } });
      await local.channels.sendToConversation(identity.conversations[0]!.id, 'Queued before STOP.');
      expect((await postWebhook(local, '/twilio/whatsapp', inboundWhatsApp(from, 'stop'))).status).toBe(200);
      await local.channels.turnRunner.idle();
      const outbound = await local.context.prisma.message.findMany({ where: { direction: 'outbound', conversationId: identity.conversations[0]!.id }, include: { outbox: true } });
      expect(outbound.length).toBeGreaterThan(1);
      for (const message of outbound) expect(message).toMatchObject({ deliveryStatus: 'suppressed', outbox: { status: 'cancelled' } });
      expect(local.twilio.requests).toHaveLength(0);
    } finally {
      await local.stop();
    }
  });

  it('START clears the opt-out and confirms', async () => {
    const from = fictionalMobile(nextPhone++);
    await say(from, 'STOP');
    expect((await identityOf(from)).optedOutAt).not.toBeNull();
    await say(from, 'start');
    expect((await identityOf(from)).optedOutAt).toBeNull();
    const bodies = requestsTo(from).map((r) => r.data.Body);
    expect(bodies).toEqual([expect.stringMatching(/get messages from us on WhatsApp again/)]);
    expect(events).toContainEqual({ type: 'channel.opted_in', payload: expect.objectContaining({ channel: 'whatsapp' }) });
  });

  it('HELP explains STOP and START without starting the bot', async () => {
    const from = fictionalMobile(nextPhone++);
    await say(from, 'HELP');
    expect(requestsTo(from).map((r) => r.data.Body)).toEqual([expect.stringMatching(/STOP to stop WhatsApp messages/)]);
  });

  it('outside the 24-hour window sends the approved template with the text as its variable', async () => {
    const from = fictionalMobile(nextPhone++);
    await say(from, 'hello');
    const identity = await identityOf(from);
    await server.context.prisma.channelIdentity.update({ where: { id: identity.id }, data: { lastInboundAt: new Date(Date.now() - 25 * 3_600_000) } });
    await server.channels.sendToConversation(identity.conversations[0]!.id, 'Your stage 1 response is ready.');
    await settle(server);
    const last = requestsTo(from).at(-1)!;
    expect(last.data).toMatchObject({ ContentSid: TEMPLATE_SID, ContentVariables: JSON.stringify({ '1': 'Your stage 1 response is ready.' }), From: WHATSAPP_FROM });
    expect(last.data.Body).toBeUndefined();
    const [message] = (await outboundTo(from)).filter((m) => m.body === 'Your stage 1 response is ready.');
    expect(message).toMatchObject({ deliveryStatus: 'sent', outbox: { payload: { template: { contentSid: TEMPLATE_SID } } } });
  });

  it('keeps photos sent on WhatsApp', async () => {
    const from = fictionalMobile(nextPhone++);
    await say(from, '', { NumMedia: '1', MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM2/Media/ME9', MediaContentType0: 'image/jpeg' });
    const message = await server.context.prisma.message.findFirstOrThrow({
      where: { direction: 'inbound', conversation: { channelIdentity: { address: from } } },
      include: { media: true },
    });
    expect(message.media).toEqual([expect.objectContaining({ url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM2/Media/ME9', contentType: 'image/jpeg' })]);
  });
});

/**
 * A server whose first send to Twilio fails with a 500, and while it fails the resident's window
 * closes (their last message is moved back 25 hours): the retry goes after the window.
 */
async function serverWhereTheWindowClosesBeforeTheRetry(env: Record<string, string> = {}) {
  const twilio = createFakeTwilioHttpClient();
  let armed = false;
  const local: TwilioTestServer = await startTwilioTestServer({
    env,
    twilio: {
      ...twilio,
      async request(options) {
        const data = (options.data ?? {}) as Record<string, string>;
        if (armed && data.Body === 'Your repair is booked.') {
          armed = false;
          const address = String(data.To).replace(/^whatsapp:/, '');
          await local.context.prisma.channelIdentity.update({
            where: { channel_address: { channel: 'whatsapp', address } },
            data: { lastInboundAt: new Date(Date.now() - 25 * 3_600_000) },
          });
          twilio.respondWith({ status: 500 });
        }
        return twilio.request(options);
      },
    },
  });
  const from = fictionalMobile(nextPhone++);
  expect((await postWebhook(local, '/twilio/whatsapp', inboundWhatsApp(from, 'hello'))).status).toBe(200);
  await settle(local);
  const before = twilio.requests.length;
  const identity = await local.context.prisma.channelIdentity.findFirstOrThrow({ where: { address: from }, include: { conversations: true } });
  const seen: StaffEvent[] = [];
  const original = local.context.broadcaster.toStaff.bind(local.context.broadcaster);
  local.context.broadcaster.toStaff = (event) => (seen.push(event), original(event));
  // Queued inside the window: free text, as far as the queue can tell.
  armed = true;
  await local.channels.sendToConversation(identity.conversations[0]!.id, 'Your repair is booked.');
  await settle(local);
  const message = await local.context.prisma.message.findFirstOrThrow({ where: { body: 'Your repair is booked.' }, include: { outbox: true } });
  return { local, requests: twilio.requests.slice(before), message, seen };
}

describe('the 24-hour window at send time', () => {
  it('a retry sent after the window closed goes as the approved template', async () => {
    const { local, requests, message } = await serverWhereTheWindowClosesBeforeTheRetry();
    try {
      expect(requests).toHaveLength(2);
      expect(requests[0]!.data).toMatchObject({ Body: 'Your repair is booked.' });
      expect(requests[1]!.data).toMatchObject({ ContentSid: TEMPLATE_SID, ContentVariables: JSON.stringify({ '1': 'Your repair is booked.' }) });
      expect(requests[1]!.data.Body).toBeUndefined();
      expect(message).toMatchObject({ deliveryStatus: 'sent', outbox: { status: 'sent', attempts: 2, payload: { template: { contentSid: TEMPLATE_SID } } } });
    } finally {
      await local.stop();
    }
  });

  it('with no template configured, the retry is not sent and staff see it failed', async () => {
    const { local, requests, message, seen } = await serverWhereTheWindowClosesBeforeTheRetry({ TWILIO_WHATSAPP_TEMPLATE_SID: '' });
    try {
      expect(requests).toHaveLength(1);
      expect(message).toMatchObject({ deliveryStatus: 'failed', outbox: { status: 'failed', attempts: 2 } });
      expect(message.deliveryError).toMatch(/24-hour window/);
      expect(seen).toContainEqual({
        type: 'message.delivery',
        payload: expect.objectContaining({ messageId: message.id, deliveryStatus: 'failed', reason: 'whatsapp_window_closed' }),
      });
    } finally {
      await local.stop();
    }
  });
});

describe('WhatsApp without a template', () => {
  it('does not send outside the window and shows the message as failed', async () => {
    const local = await startTwilioTestServer({ env: { TWILIO_WHATSAPP_TEMPLATE_SID: '' } });
    try {
      const from = fictionalMobile(nextPhone++);
      expect((await postWebhook(local, '/twilio/whatsapp', inboundWhatsApp(from, 'hello'))).status).toBe(200);
      await settle(local);
      const identity = await local.context.prisma.channelIdentity.findFirstOrThrow({ where: { address: from }, include: { conversations: true } });
      await local.context.prisma.channelIdentity.update({ where: { id: identity.id }, data: { lastInboundAt: new Date(Date.now() - 48 * 3_600_000) } });
      const before = local.twilio.requests.length;
      await local.channels.sendToConversation(identity.conversations[0]!.id, 'Late update.');
      const message = await local.context.prisma.message.findFirstOrThrow({ where: { body: 'Late update.' }, include: { outbox: true } });
      expect(message).toMatchObject({ deliveryStatus: 'failed', outbox: { status: 'failed' } });
      expect(message.deliveryError).toMatch(/24-hour window/);
      expect(local.twilio.requests.length).toBe(before);
    } finally {
      await local.stop();
    }
  });
});
