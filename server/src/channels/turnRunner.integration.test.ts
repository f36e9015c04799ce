// Crash recovery: a message stored before a crash (processedAt null) is processed when the
// runtime starts again — once, however many times it starts.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@complaints/db/testing';
import { createInboundMessage, fictionalMobile } from '@complaints/db/factories';
import pino from 'pino';
import { settle, startTwilioTestServer } from './testing/twilioTestKit.ts';
import { createTurnRunner, type PendingInbound } from './turnRunner.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.destroy());

describe('resumePending at start-up', () => {
  it('processes unprocessed inbound messages exactly once, in order', async () => {
    const prisma = database.prisma;
    const identity = await prisma.channelIdentity.create({ data: { channel: 'sms', address: fictionalMobile(950), lastInboundAt: new Date() } });
    const conversation = await prisma.conversation.create({ data: { channel: 'sms', channelIdentityId: identity.id } });
    const first = await createInboundMessage(prisma, { conversationId: conversation.id, body: 'hello' });
    const second = await createInboundMessage(prisma, { conversationId: conversation.id, body: 'AGENT' });
    // Already handled before the crash: must not run again.
    await createInboundMessage(prisma, { conversationId: conversation.id, body: 'old', processedAt: new Date('2026-01-01T00:00:00Z') });

    const server = await startTwilioTestServer({ database });
    await settle(server);
    const processed = await prisma.message.findMany({ where: { id: { in: [first.id, second.id] } }, orderBy: { seq: 'asc' } });
    expect(processed.every((m) => m.processedAt !== null)).toBe(true);
    expect(processed[0]!.processedAt!.getTime()).toBeLessThanOrEqual(processed[1]!.processedAt!.getTime());
    const replies = await prisma.message.findMany({ where: { conversationId: conversation.id, direction: 'outbound' }, orderBy: { seq: 'asc' } });
    expect(replies[0]!.body).toMatch(/automated assistant/);
    expect((await prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).state).toBe('awaiting_staff');
    expect(server.twilio.requests).toHaveLength(replies.length);
    await server.stop();

    // A second start finds nothing to do.
    const again = await startTwilioTestServer({ database });
    await settle(again);
    expect(await prisma.message.count({ where: { conversationId: conversation.id, direction: 'outbound' } })).toBe(replies.length);
    expect(again.twilio.requests).toHaveLength(0);
    await again.stop();
  });
});

describe('the turn runner under a backlog', () => {
  let nextPhone = 960;
  async function conversationWith(messages: number) {
    const prisma = database.prisma;
    const identity = await prisma.channelIdentity.create({ data: { channel: 'sms', address: fictionalMobile(nextPhone++), lastInboundAt: new Date() } });
    const conversation = await prisma.conversation.create({ data: { channel: 'sms', channelIdentityId: identity.id } });
    for (let i = 0; i < messages; i++) await createInboundMessage(prisma, { conversationId: conversation.id, body: `${conversation.id} ${i}` });
    return conversation.id;
  }

  /** A runner whose turns take a little while and record what ran, and how much at once. */
  function recordingRunner(concurrency: number, gate: Promise<unknown> = Promise.resolve()) {
    const turns: PendingInbound[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const runner = createTurnRunner({
      prisma: database.prisma,
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
      channels: ['sms'],
      concurrency,
      async runTurn(message) {
        mostAtOnce = Math.max(mostAtOnce, ++running);
        turns.push(message);
        await gate;
        await new Promise((resolve) => setTimeout(resolve, 2));
        running--;
      },
    });
    return { runner, turns, mostAtOnce: () => mostAtOnce };
  }

  it('runs at most `concurrency` conversations at once, each in order, and marks every message processed', async () => {
    const conversations = await Promise.all([25, 3, 3, 3, 3].map(conversationWith));
    const { runner, turns, mostAtOnce } = recordingRunner(2);
    for (const id of conversations) runner.schedule(id);
    await runner.idle();
    expect(mostAtOnce()).toBe(2);
    expect(turns).toHaveLength(37);
    for (const id of conversations) {
      const bodies = turns.filter((t) => t.conversationId === id).map((t) => t.text);
      expect(bodies).toEqual(bodies.map((_, i) => `${id} ${i}`));
    }
    expect(await database.prisma.message.count({ where: { conversationId: { in: conversations }, processedAt: null } })).toBe(0);
  });

  it('lets the others go between batches of a conversation with a long backlog', async () => {
    const busy = await conversationWith(25);
    const quiet = await conversationWith(1);
    const { runner, turns } = recordingRunner(1);
    runner.schedule(busy);
    runner.schedule(quiet);
    await runner.idle();
    const quietTurn = turns.findIndex((t) => t.conversationId === quiet);
    expect(quietTurn).toBeGreaterThan(0);
    expect(quietTurn).toBeLessThan(25);
  });

  it('processes a message stored while its conversation is running', async () => {
    const id = await conversationWith(1);
    let open!: () => void;
    const { runner, turns } = recordingRunner(2, new Promise<void>((resolve) => (open = resolve)));
    runner.schedule(id);
    await vi.waitFor(() => expect(turns).toHaveLength(1));
    // Stored (and scheduled) while the first turn runs, after its batch was read.
    await createInboundMessage(database.prisma, { conversationId: id, body: `${id} 1` });
    runner.schedule(id);
    open();
    await runner.idle();
    expect(turns.filter((t) => t.conversationId === id).map((t) => t.text)).toEqual([`${id} 0`, `${id} 1`]);
  });
});
