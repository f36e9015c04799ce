// Twilio accepts a reply just as the database goes away (a restart between Twilio's 201 and the
// write of its sid): the worker keeps the sid and writes it once the database answers again, so
// the reply is recorded as sent and never sent twice. (test/integration/faults/postgresOutage
// shows the same with a real server process and a real outage.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { PrismaClient, SqlQuery } from '@complaints/db';
import { createTestDatabase, type TestDatabase } from '@complaints/db/testing';
import { createConversation, createResident, fictionalMobile } from '@complaints/db/factories';
import { createFakeTwilioHttpClient, createTwilioSender, type TwilioHttpClient } from '@complaints/bot';
import { RecordingBroadcaster } from '../../realtime/broadcaster.ts';
import { createOutboxWorker, DEFAULT_OUTBOX_OPTIONS, type OutboxWorkerOptions } from './outboxWorker.ts';

let database: TestDatabase;
let nextPhone = 880;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.destroy());

/**
 * The real database, except that while `away` is set its statements on the driver (how the worker
 * polls, claims and records a sent message) and its raw SQL through Prisma fail as they do when the
 * server drops the connection.
 */
function databaseThatGoesAway(prisma: PrismaClient) {
  const state = { away: false, refused: 0 };
  const sql: SqlQuery = async (text, params) => {
    if (state.away) {
      state.refused++;
      throw new Error('Connection terminated unexpectedly');
    }
    return database.query(text, params);
  };
  const client = new Proxy(prisma, {
    get(target, prop) {
      if (prop === '$executeRaw' && state.away) {
        return () => {
          state.refused++;
          return Promise.reject(new Error('Connection terminated unexpectedly'));
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { client, sql, state };
}

/** A queued reply, an outbox worker whose database goes away the moment Twilio accepts it. */
async function replyAcceptedAsTheDatabaseGoes(options: Partial<OutboxWorkerOptions> = {}) {
  const resident = await createResident(database.prisma, { phone: fictionalMobile(nextPhone++), channel: 'sms' });
  const conversation = await createConversation(database.prisma, resident.id, 'sms');
  const queued = await database.prisma.message.create({
    data: { conversationId: conversation.id, channel: 'sms', direction: 'outbound', author: 'bot', body: 'Your repair is booked for Tuesday.', deliveryStatus: 'queued', outbox: { create: { status: 'pending' } } },
  });
  const { client, sql, state } = databaseThatGoesAway(database.prisma);
  const twilio = createFakeTwilioHttpClient();
  const httpClient: TwilioHttpClient = {
    async request(request) {
      const response = await twilio.request(request);
      if (response.statusCode === 201) state.away = true;
      return response;
    },
  };
  const worker = createOutboxWorker({
    prisma: client,
    sql,
    logger: pino({ level: 'silent' }),
    broadcaster: new RecordingBroadcaster(),
    sender: createTwilioSender({
      accountSid: 'AC' + '12'.repeat(16),
      authToken: 'test-auth-token',
      smsFrom: '+447700900001',
      whatsappFrom: undefined,
      statusCallbackUrl: 'https://complaints.example.org/twilio/status',
      httpClient,
    }),
    options: { ...DEFAULT_OUTBOX_OPTIONS, now: () => new Date(), ...options },
    whatsappTemplateSid: undefined,
  });
  const reload = () => database.prisma.message.findUniqueOrThrow({ where: { seq: queued.seq }, include: { outbox: true } });
  return { worker, state, twilio, reload };
}

async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the outbox when the database goes away after Twilio accepted a message', () => {
  it('records the sid once the database is back, and never sends the message again', async () => {
    const { worker, state, twilio, reload } = await replyAcceptedAsTheDatabaseGoes();
    const pass = worker.runOnce();
    await until(() => state.refused >= 3);
    state.away = false;
    await pass;

    const sent = await reload();
    expect(twilio.accepted).toHaveLength(1);
    expect(sent.outbox).toMatchObject({ status: 'sent', attempts: 1, providerSid: twilio.accepted[0], lockedUntil: null });
    expect(sent).toMatchObject({ providerMessageId: twilio.accepted[0], deliveryStatus: 'sent' });
    // Later passes find nothing to send, the lease notwithstanding.
    await worker.runOnce();
    expect(twilio.requests).toHaveLength(1);
  });

  it('gives up near the end of the lease, leaving the row to be sent again once it runs out', async () => {
    const { worker, state, twilio, reload } = await replyAcceptedAsTheDatabaseGoes({ leaseMs: 1_500 });
    const began = Date.now();
    await expect(worker.runOnce()).rejects.toThrow('Connection terminated unexpectedly');
    // Stopped trying before the lease ran out: past it another poller may send the row.
    expect(Date.now() - began).toBeLessThan(1_500);
    expect(state.refused).toBeGreaterThan(1);
    state.away = false;
    const row = await reload();
    expect(row.outbox).toMatchObject({ status: 'sending', providerSid: null, attempts: 1 });
    expect(twilio.accepted).toHaveLength(1);
  });
});
