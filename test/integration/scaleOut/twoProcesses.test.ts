// Two real server processes behind "a load balancer" (the test picks the process), one fresh
// PostgreSQL database and the local Redis: a message posted to process A reaches a staff socket
// on process B, and 200 webhooks for one conversation, alternating between the processes, are
// each processed exactly once, in order, one turn at a time.
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTwilioApi, type FakeTwilioApi } from '../../support/processes/fakeTwilioApi.ts';
import { postSms, signedSms, type ProductProcess } from '../../support/processes/productProcesses.ts';
import {
  explainSkip,
  freshDatabase,
  messagesSeen,
  missingServices,
  repliesByTurn,
  signedInClient,
  staffSocketOn,
  startScaleOutProduct,
  storedMessages,
  testRedisUrl,
  turnLines,
  until,
  type ScaleOutDatabase,
  type StaffSocket,
} from '../../support/processes/scaleOut.ts';

const missing = await missingServices();
explainSkip('scaleOut/twoProcesses.test.ts', missing);

let twilio: FakeTwilioApi;
let database: ScaleOutDatabase;
let a: ProductProcess;
let b: ProductProcess;
let staffOnB: StaffSocket;

describe.skipIf(missing !== undefined)('two server processes on one database and Redis', () => {
  beforeAll(async () => {
    twilio = await startFakeTwilioApi();
    database = await freshDatabase();
    // One after the other: the first migrates the new database and creates the administrator.
    a = await startScaleOutProduct({ databaseUrl: database.url, redisUrl: testRedisUrl(), fakeTwilioUrl: twilio.url });
    b = await startScaleOutProduct({ databaseUrl: database.url, redisUrl: testRedisUrl(), fakeTwilioUrl: twilio.url });
    staffOnB = await staffSocketOn(b);
  }, 180_000);
  afterAll(async () => {
    staffOnB?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await twilio?.close();
    await database?.drop();
  });

  it('a message posted to process A reaches a signed-in staff socket on process B, and so does the reply A sends', { timeout: 60_000 }, async () => {
    const webhook = signedSms('+447700900401', 'Hello, my kitchen tap has been leaking for a week');
    expect((await postSms(a.url, webhook)).status).toBe(200);
    const [stored] = await database.query<{ id: string; conversationId: string }>('SELECT "id", "conversationId" FROM "Message" WHERE "providerMessageId" = $1', [webhook.params.MessageSid]);
    expect(stored).toBeDefined();
    const inbound = await until(() => messagesSeen(staffOnB).find((message) => message.id === stored!.id), 20_000, 'the inbound message on B');
    expect(inbound).toMatchObject({ direction: 'inbound', conversationId: stored!.conversationId, body: 'Hello, my kitchen tap has been leaking for a week' });
    // The bot's reply: queued by whichever process ran the turn, announced after its commit.
    await until(() => messagesSeen(staffOnB).find((message) => message.conversationId === stored!.conversationId && message.direction === 'outbound'), 30_000, 'the reply on B');
  });

  it('200 webhooks for one conversation, alternating between the processes, are each processed once, in order, never two turns at once', { timeout: 300_000 }, async () => {
    const resident = '+447700900402';
    const sids: string[] = [];
    for (let i = 0; i < 200; i++) {
      const webhook = signedSms(resident, `Update ${i + 1}: the heating in block C is still off`);
      sids.push(webhook.params.MessageSid!);
      const response = await postSms(i % 2 === 0 ? a.url : b.url, webhook);
      expect(response.status).toBe(200);
    }
    await until(
      async () => (await database.query('SELECT 1 FROM "Message" WHERE "providerMessageId" = ANY($1) AND "processedAt" IS NULL LIMIT 1', [sids])).length === 0,
      180_000,
      'every message processed',
    );
    await until(async () => (await database.query(`SELECT 1 FROM "OutboxMessage" WHERE "status" IN ('pending', 'sending') LIMIT 1`)).length === 0, 60_000, 'the outbox to drain');

    const messages = await storedMessages(database);
    const inbound = messages.filter((message) => message.direction === 'inbound' && sids.includes(message.providerMessageId ?? ''));
    // Stored once each, in the order sent, all processed, processedAt rising with seq.
    expect(inbound.map((message) => message.providerMessageId)).toEqual(sids);
    expect(inbound.every((message) => message.processedAt !== null)).toBe(true);
    const processed = inbound.map((message) => message.processedAt!.getTime());
    expect(processed).toEqual([...processed].sort((x, y) => x - y));

    // Each turn ran once, in seq order, and each held the conversation's lock alone: the turn
    // lines of both processes, by when the lock was taken, never overlap.
    const ids = new Set(inbound.map((message) => message.id));
    const turns = [...turnLines(a), ...turnLines(b)].filter((turn) => ids.has(turn.messageId)).sort((x, y) => x.lockedAt - y.lockedAt);
    expect(turns.map((turn) => turn.messageId)).toEqual(inbound.map((message) => message.id));
    for (let i = 1; i < turns.length; i++) expect(turns[i]!.lockedAt).toBeGreaterThanOrEqual(turns[i - 1]!.releasedAt);
    // Both processes ran some of them (they were scheduled on both).
    expect(turnLines(a).some((turn) => ids.has(turn.messageId))).toBe(true);
    expect(turnLines(b).some((turn) => ids.has(turn.messageId))).toBe(true);

    // Every reply belongs to exactly one turn; every message was answered; each reply went to
    // Twilio once.
    const conversation = inbound[0]!.conversationId;
    const { orphans, byInbound } = repliesByTurn(messages.filter((message) => message.conversationId === conversation));
    expect(orphans).toEqual([]);
    expect(inbound.filter((message) => !byInbound.has(message.id)).map((message) => message.seq)).toEqual([]);
    const replies = [...byInbound.values()].flat().length;
    const sentTo = twilio.sent.filter((sent) => sent.to === resident);
    expect(sentTo).toHaveLength(replies);
    expect(new Set(sentTo.map((sent) => sent.sid)).size).toBe(replies);
  });

  it("a web chat resident connected to process A gets the reply a member of staff sends through process B, live", { timeout: 60_000 }, async () => {
    const chat = io(`${a.url}/chat`, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true });
    try {
      const received: { seq: number; author: string; text: string }[] = [];
      chat.on('message', (message: { seq: number; author: string; text: string }) => received.push(message));
      await new Promise((resolve, reject) => {
        chat.once('session', resolve);
        chat.once('connect_error', reject);
      });
      const sent = (await chat.timeout(5_000).emitWithAck('message', { clientId: randomUUID(), text: 'I want to talk to a person about the damp in my flat' })) as { ok: boolean; seq: number };
      expect(sent.ok).toBe(true);
      const [stored] = await database.query<{ conversationId: string }>('SELECT "conversationId" FROM "Message" WHERE "seq" = $1', [sent.seq]);
      // The bot's answer, from whichever process ran the turn.
      await until(() => received.some((message) => message.author === 'bot'), 20_000, 'the bot reply on the resident socket');

      const staff = await signedInClient(b);
      expect((await staff.post(`/api/conversations/${stored!.conversationId}/claim`)).status).toBe(200);
      const reply = await staff.post(`/api/conversations/${stored!.conversationId}/messages`, { text: 'Hello, this is Sam from the housing team, on process B.' });
      expect(reply.status).toBe(201);
      const pushed = await until(() => received.find((message) => message.author === 'staff'), 20_000, 'the staff reply on the resident socket on A');
      expect(pushed.text).toBe('Hello, this is Sam from the housing team, on process B.');
    } finally {
      chat.close();
    }
  });
});
