// The outbox against a real database and the real Twilio SDK over a fake HTTP layer: retries,
// no resend after acceptance, permanent failures, leases, and status callbacks out of order or
// before the outbox has stored the sid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversation, createResident, fictionalMobile } from '@complaints/db/factories';
import { createFakeTwilioHttpClient, type FakeTwilioHttpClient } from '@complaints/bot';
import { postWebhook, startTwilioTestServer, waitFor, type TwilioTestServer } from '../testing/twilioTestKit.ts';
import { applyDeliveryStatus, EARLY_STATUS_KEPT_MS } from './applyDeliveryStatus.ts';

let server: TwilioTestServer;
let nextPhone = 800;

beforeAll(async () => {
  server = await startTwilioTestServer();
});
afterAll(async () => server?.stop());

async function smsConversation() {
  const phone = fictionalMobile(nextPhone++);
  const resident = await createResident(server.context.prisma, { phone, channel: 'sms' });
  const conversation = await createConversation(server.context.prisma, resident.id, 'sms');
  return { phone, conversationId: conversation.id };
}

async function send(conversationId: string, text: string) {
  await server.channels.sendToConversation(conversationId, text);
  return server.context.prisma.message.findFirstOrThrow({ where: { conversationId, direction: 'outbound', body: text }, include: { outbox: true } });
}

const reload = (seq: bigint) => server.context.prisma.message.findUniqueOrThrow({ where: { seq }, include: { outbox: true } });
const requestsTo = (phone: string) => server.twilio.requests.filter((r) => r.data.To === phone);
const settled = async (seq: bigint) => {
  const row = await reload(seq);
  // Prisma reads the message and its outbox row in two queries, which can straddle the worker's
  // commit: once the outbox row has settled, read both again.
  return row.outbox && ['sent', 'failed', 'cancelled'].includes(row.outbox.status) ? reload(seq) : undefined;
};

describe('outbox worker', () => {
  it('retries after a 500 and sends exactly once when Twilio then accepts', async () => {
    const { phone, conversationId } = await smsConversation();
    server.twilio.respondWith({ status: 500 }, { status: 201 });
    const queued = await send(conversationId, 'Your repair is booked for Tuesday.');
    const sent = await waitFor(() => settled(queued.seq));
    expect(sent.outbox).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(sent.outbox!.providerSid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(sent.providerMessageId).toBe(sent.outbox!.providerSid);
    expect(sent.deliveryStatus).toBe('sent');
    expect(requestsTo(phone)).toHaveLength(2);
    expect(server.twilio.accepted.filter((sid) => sid === sent.outbox!.providerSid)).toHaveLength(1);

    // Later polls never send it again.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(requestsTo(phone)).toHaveLength(2);
  });

  it('treats 429 and network errors like 5xx', async () => {
    const { phone, conversationId } = await smsConversation();
    server.twilio.respondWith({ status: 429 }, { networkError: true }, { status: 201 });
    const queued = await send(conversationId, 'Rate limited, then sent.');
    const sent = await waitFor(() => settled(queued.seq));
    expect(sent.outbox).toMatchObject({ status: 'sent', attempts: 3 });
    expect(requestsTo(phone)).toHaveLength(3);
  });

  it('fails without retrying when Twilio refuses the message with a 400', async () => {
    const { phone, conversationId } = await smsConversation();
    server.twilio.respondWith({ status: 400 });
    const events: { type: string; payload: Record<string, unknown> }[] = [];
    const original = server.context.broadcaster.toStaff.bind(server.context.broadcaster);
    server.context.broadcaster.toStaff = (event) => (events.push(event), original(event));
    try {
      const queued = await send(conversationId, 'This number is refused.');
      const failed = await waitFor(() => settled(queued.seq));
      expect(failed.outbox).toMatchObject({ status: 'failed', attempts: 1, lastError: 'Twilio HTTP 400 code 21211', providerSid: null });
      expect(failed).toMatchObject({ deliveryStatus: 'failed', deliveryError: 'Twilio HTTP 400 code 21211' });
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(requestsTo(phone)).toHaveLength(1);
      expect(events).toContainEqual({ type: 'message.delivery', payload: expect.objectContaining({ messageId: failed.id, deliveryStatus: 'failed' }) });
      expect(JSON.stringify(events)).not.toContain(phone);
    } finally {
      server.context.broadcaster.toStaff = original;
    }
  });

  it('gives up after the maximum number of attempts', async () => {
    const local = await startTwilioTestServer({ outbox: { maxAttempts: 3 } });
    try {
      local.twilio.respondWith({ status: 503 }, { status: 503 }, { status: 503 }, { status: 201 });
      const resident = await createResident(local.context.prisma, { phone: fictionalMobile(nextPhone++) });
      const conversation = await createConversation(local.context.prisma, resident.id, 'sms');
      await local.channels.sendToConversation(conversation.id, 'Never arrives.');
      const row = await waitFor(async () => {
        const outbox = await local.context.prisma.outboxMessage.findFirst({ where: { message: { conversationId: conversation.id } } });
        return outbox?.status === 'failed' ? outbox : undefined;
      });
      expect(row).toMatchObject({ attempts: 3, lastError: 'Twilio HTTP 503 code 20500' });
      expect(local.twilio.accepted).toHaveLength(0);
    } finally {
      await local.stop();
    }
  });

  it('works through a backlog longer than one batch without waiting for the next poll', async () => {
    const local = await startTwilioTestServer({ outbox: { batchSize: 2, pollIntervalMs: 60_000 } });
    try {
      const resident = await createResident(local.context.prisma, { phone: fictionalMobile(nextPhone++) });
      const conversation = await createConversation(local.context.prisma, resident.id, 'sms');
      // Queued without the kick that enqueueing gives, as after a restart.
      for (let i = 0; i < 5; i++) {
        await local.context.prisma.message.create({
          data: { conversationId: conversation.id, channel: 'sms', direction: 'outbound', author: 'bot', body: `backlog ${i}`, deliveryStatus: 'queued', outbox: { create: { status: 'pending' } } },
        });
      }
      local.channels.outbox!.kick();
      await waitFor(async () => (await local.context.prisma.outboxMessage.count({ where: { status: 'sent', message: { conversationId: conversation.id } } })) === 5, 5_000);
    } finally {
      await local.stop();
    }
  });

  it('retries a send interrupted by a crash (lease expired, no sid) but never one Twilio accepted', async () => {
    const { phone, conversationId } = await smsConversation();
    const prisma = server.context.prisma;
    const past = new Date(Date.now() - 60_000);
    const crashed = await prisma.message.create({
      data: {
        conversationId,
        channel: 'sms',
        direction: 'outbound',
        author: 'bot',
        body: 'Interrupted mid-send.',
        deliveryStatus: 'sending',
        outbox: { create: { status: 'sending', attempts: 1, lockedUntil: past, nextAttemptAt: past } },
      },
    });
    const accepted = await prisma.message.create({
      data: {
        conversationId,
        channel: 'sms',
        direction: 'outbound',
        author: 'bot',
        body: 'Already accepted.',
        deliveryStatus: 'sent',
        providerMessageId: `SM${'e'.repeat(32)}`,
        outbox: { create: { status: 'sending', attempts: 1, lockedUntil: past, nextAttemptAt: past, providerSid: `SM${'e'.repeat(32)}` } },
      },
    });
    server.channels.outbox!.kick();
    const resent = await waitFor(() => settled(crashed.seq));
    expect(resent.outbox).toMatchObject({ status: 'sent', attempts: 2 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(requestsTo(phone).map((r) => r.data.Body)).toEqual(['Interrupted mid-send.']);
    expect((await reload(accepted.seq)).outbox!.attempts).toBe(1);
  });
});

describe('POST /twilio/status', () => {
  const callback = (sid: string, status: string, extra: Record<string, string> = {}) =>
    postWebhook(server, '/twilio/status', { MessageSid: sid, MessageStatus: status, AccountSid: 'AC' + '12'.repeat(16), ...extra });

  async function sentMessage() {
    const { conversationId } = await smsConversation();
    const queued = await send(conversationId, `Status test ${nextPhone}`);
    return waitFor(() => settled(queued.seq));
  }

  it('moves a message forward and ignores a late, out-of-order status', async () => {
    const message = await sentMessage();
    const sid = message.outbox!.providerSid!;
    expect((await callback(sid, 'delivered')).status).toBe(204);
    expect((await callback(sid, 'sent')).status).toBe(204);
    expect((await callback(sid, 'queued')).status).toBe(204);
    expect((await reload(message.seq)).deliveryStatus).toBe('delivered');
    await callback(sid, 'read');
    expect((await reload(message.seq)).deliveryStatus).toBe('read');
  });

  it('keeps failed and undelivered as final', async () => {
    const message = await sentMessage();
    const sid = message.outbox!.providerSid!;
    await callback(sid, 'undelivered', { ErrorCode: '30003' });
    await callback(sid, 'delivered');
    await callback(sid, 'sent');
    const row = await reload(message.seq);
    expect(row).toMatchObject({ deliveryStatus: 'undelivered', deliveryError: 'Twilio error 30003' });
  });

  it('keeps statuses Twilio sends before the sid is stored, and applies them when it is', async () => {
    // Twilio answers 201 and, before the outbox has written the sid, calls back 'sent' then
    // 'delivered' (and a late 'queued'): the callbacks finish before the 201 reaches the worker.
    const twilio = createFakeTwilioHttpClient();
    const outcomes: number[] = [];
    const racing: FakeTwilioHttpClient = {
      ...twilio,
      async request(options) {
        const response = await twilio.request(options);
        if (response.statusCode === 201) {
          const sid = (JSON.parse(String(response.body)) as { sid: string }).sid;
          for (const status of ['sent', 'delivered', 'queued']) {
            outcomes.push((await postWebhook(local, '/twilio/status', { MessageSid: sid, MessageStatus: status, AccountSid: 'AC' + '12'.repeat(16) })).status);
          }
        }
        return response;
      },
    };
    const local = await startTwilioTestServer({ twilio: racing });
    try {
      const prisma = local.context.prisma;
      const resident = await createResident(prisma, { phone: fictionalMobile(nextPhone++) });
      const conversation = await createConversation(prisma, resident.id, 'sms');
      await local.channels.sendToConversation(conversation.id, 'Your surveyor visits on Friday.');
      const message = await waitFor(async () => {
        const row = await prisma.message.findFirst({ where: { conversationId: conversation.id, direction: 'outbound' } });
        return row?.deliveryStatus === 'delivered' ? row : undefined;
      });
      expect(outcomes).toEqual([204, 204, 204]);
      expect(message.providerMessageId).toBe(twilio.accepted[0]);
      expect(message.deliveryError).toBeNull();
      expect(await prisma.earlyDeliveryStatus.count()).toBe(0);
    } finally {
      await local.stop();
    }
  });

  it('applies a kept status itself when the sid was stored while it was being kept', async () => {
    // The callback looked before the outbox stored the sid and keeps its status after the outbox
    // took the kept ones: the second look, after keeping, finds the message.
    const message = await sentMessage();
    const sid = message.outbox!.providerSid!;
    const prisma = server.context.prisma;
    const findUnique = prisma.message.findUnique.bind(prisma.message);
    let first = true;
    prisma.message.findUnique = ((args: Parameters<typeof findUnique>[0]) => {
      if (first && args.where.providerMessageId === sid) {
        first = false;
        return Promise.resolve(null);
      }
      return findUnique(args);
    }) as unknown as typeof prisma.message.findUnique;
    try {
      const outcome = await applyDeliveryStatus({ prisma, broadcaster: server.context.broadcaster }, { providerSid: sid, twilioStatus: 'delivered', errorCode: undefined, at: new Date() });
      expect(first).toBe(false);
      expect(outcome).toBe('applied');
    } finally {
      prisma.message.findUnique = findUnique as typeof prisma.message.findUnique;
    }
    expect((await reload(message.seq)).deliveryStatus).toBe('delivered');
    expect(await prisma.earlyDeliveryStatus.count({ where: { providerSid: sid } })).toBe(0);
  });

  it('deletes kept statuses that were never matched once they are an hour old', async () => {
    const prisma = server.context.prisma;
    const deps = { prisma, broadcaster: server.context.broadcaster };
    const now = new Date();
    const stale = `SM${'a'.repeat(32)}`;
    const recent = `SM${'b'.repeat(32)}`;
    const fresh = `SM${'c'.repeat(32)}`;
    expect(await applyDeliveryStatus(deps, { providerSid: stale, twilioStatus: 'delivered', errorCode: undefined, at: new Date(now.getTime() - EARLY_STATUS_KEPT_MS - 1_000) })).toBe('kept_early');
    expect(await applyDeliveryStatus(deps, { providerSid: recent, twilioStatus: 'sent', errorCode: undefined, at: new Date(now.getTime() - EARLY_STATUS_KEPT_MS + 60_000) })).toBe('kept_early');
    expect(await applyDeliveryStatus(deps, { providerSid: fresh, twilioStatus: 'delivered', errorCode: undefined, at: now })).toBe('kept_early');
    const kept = await prisma.earlyDeliveryStatus.findMany({ where: { providerSid: { in: [stale, recent, fresh] } }, orderBy: { receivedAt: 'asc' } });
    expect(kept.map((row) => row.providerSid)).toEqual([recent, fresh]);
    // A status that says nothing about delivery is not kept.
    expect(await applyDeliveryStatus(deps, { providerSid: `SM${'d'.repeat(32)}`, twilioStatus: 'receiving', errorCode: undefined, at: now })).toBe('ignored');
    expect(await prisma.earlyDeliveryStatus.count({ where: { providerSid: `SM${'d'.repeat(32)}` } })).toBe(0);
  });

  it('accepts callbacks for unknown messages without changing anything, and refuses unsigned ones', async () => {
    expect((await callback(`SM${'f'.repeat(32)}`, 'delivered')).status).toBe(204);
    const message = await sentMessage();
    const unsigned = await postWebhook(server, '/twilio/status', { MessageSid: message.outbox!.providerSid!, MessageStatus: 'failed' }, { signature: null });
    expect(unsigned.status).toBe(403);
    expect((await reload(message.seq)).deliveryStatus).toBe('sent');
  });
});
