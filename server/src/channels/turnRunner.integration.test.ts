// Crash recovery: a message stored before a crash (processedAt null) is processed when the
// runtime starts again — once, however many times it starts.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@complaints/db';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '@complaints/db/testing';
import { createInboundMessage, fictionalMobile } from '@complaints/db/factories';
import pino from 'pino';
import { settle, startTwilioTestServer } from './testing/twilioTestKit.ts';
import { createTurnRunner, TURN_LOCK_SPACE, type PendingInbound } from './turnRunner.ts';
import { afterCommit, scopedPrisma } from './turnScope.ts';

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
    // PGlite runs one transaction at a time, so there one turn holds it at once.
    expect(mostAtOnce()).toBe(testDatabaseKind() === 'postgres' ? 2 : 1);
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
    // Stored and scheduled while the first turn runs (on PGlite the insert waits for the turn's
    // transaction, so it is scheduled first and stored after, as well).
    const stored = createInboundMessage(database.prisma, { conversationId: id, body: `${id} 1` });
    if (testDatabaseKind() === 'postgres') await stored;
    runner.schedule(id);
    open();
    await stored;
    runner.schedule(id);
    await runner.idle();
    expect(turns.filter((t) => t.conversationId === id).map((t) => t.text)).toEqual([`${id} 0`, `${id} 1`]);
  });
});

describe('each turn is one transaction', () => {
  let nextPhone = 980;
  const prisma = () => scopedPrisma(database.prisma);
  async function conversationWith(messages: number) {
    const identity = await database.prisma.channelIdentity.create({ data: { channel: 'sms', address: fictionalMobile(nextPhone++), lastInboundAt: new Date() } });
    const conversation = await database.prisma.conversation.create({ data: { channel: 'sms', channelIdentityId: identity.id } });
    const ids: string[] = [];
    for (let i = 0; i < messages; i++) ids.push((await createInboundMessage(database.prisma, { conversationId: conversation.id, body: `${conversation.id} ${i}` })).id);
    return { conversationId: conversation.id, messageIds: ids };
  }
  const runner = (runTurn: (message: PendingInbound) => Promise<void>, options: { pendingPassMs?: number } = {}) =>
    createTurnRunner({ prisma: prisma(), logger: pino({ level: 'silent' }), channels: ['sms'], runTurn, pendingPassMs: 0, ...options });
  /** A row the turn writes through the scoped client: present only if the turn committed. */
  const writeMark = (message: PendingInbound) => prisma().botState.create({ data: { key: `mark:${message.messageId}`, data: {}, eTag: 'x' } });
  const marks = async (ids: string[]) => (await database.prisma.botState.findMany({ where: { key: { in: ids.map((id) => `mark:${id}`) } } })).length;

  it('a turn that throws leaves none of its writes or effects, is marked processed, and the next turn runs', async () => {
    const { conversationId, messageIds } = await conversationWith(2);
    const told: string[] = [];
    const turns = runner(async (message) => {
      await writeMark(message);
      afterCommit(() => told.push(message.messageId));
      if (message.messageId === messageIds[0]) throw new Error('the bot fell over');
    });
    turns.schedule(conversationId);
    await turns.idle();
    expect(await marks([messageIds[0]!])).toBe(0);
    expect(await marks([messageIds[1]!])).toBe(1);
    expect(told).toEqual([messageIds[1]]);
    expect(await database.prisma.message.count({ where: { id: { in: messageIds }, processedAt: null } })).toBe(0);
  });

  it('effects queued in a turn run after it commits, in order, outside the transaction', async () => {
    const { conversationId, messageIds } = await conversationWith(1);
    const seen: string[] = [];
    const turns = runner(async (message) => {
      await writeMark(message);
      afterCommit(async () => {
        // Outside the turn: a read through the scoped client sees the committed row.
        seen.push(`committed:${await marks([message.messageId])}`);
      });
      afterCommit(() => seen.push('second'));
      seen.push('in turn');
    });
    turns.schedule(conversationId);
    await turns.idle();
    expect(seen).toEqual(['in turn', 'committed:1', 'second']);
    expect(await marks(messageIds)).toBe(1);
  });

  it('two runners (two processes) on one conversation run each turn once, in seq order, never at once', async () => {
    const { conversationId, messageIds } = await conversationWith(30);
    const log: { id: string; start: number; end: number }[] = [];
    let inside = 0;
    let overlapped = false;
    const turn = async (message: PendingInbound) => {
      if (++inside > 1) overlapped = true;
      const start = performance.now();
      await writeMark(message);
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.push({ id: message.messageId, start, end: performance.now() });
      inside--;
    };
    const a = runner(turn);
    const b = runner(turn);
    for (let i = 0; i < 10; i++) {
      a.schedule(conversationId);
      b.schedule(conversationId);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await vi.waitFor(async () => expect(await database.prisma.message.count({ where: { id: { in: messageIds }, processedAt: null } })).toBe(0), { timeout: 20_000 });
    await Promise.all([a.idle(), b.idle()]);
    expect(overlapped).toBe(false);
    expect(log.map((turn) => turn.id)).toEqual(messageIds);
    expect(await marks(messageIds)).toBe(30);
  });

  it('the periodic pass picks up a message nobody scheduled (another process crashed after storing it)', async () => {
    const turns = runner(async (message) => void (await writeMark(message)), { pendingPassMs: 100 });
    await turns.resumePending();
    const { messageIds } = await conversationWith(1);
    await vi.waitFor(async () => expect(await marks(messageIds)).toBe(1), { timeout: 10_000 });
    await turns.close();
  });

  it.runIf(testDatabaseKind() === 'postgres')('waits while another process holds the conversation, then runs the turn once', async () => {
    const { conversationId, messageIds } = await conversationWith(1);
    const other = await openSession();
    let release!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const held = other.transaction(async (query) => {
      await query('SELECT pg_advisory_xact_lock($1::int4, hashtext($2))', [TURN_LOCK_SPACE, conversationId]);
      locked();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await isLocked;
    let ran = 0;
    const turns = runner(async (message) => {
      ran++;
      await writeMark(message);
    });
    turns.schedule(conversationId);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(ran).toBe(0);
    release();
    await held;
    await turns.idle();
    expect(ran).toBe(1);
    expect(await marks(messageIds)).toBe(1);
    await other.close();
  });

  it.runIf(testDatabaseKind() === 'postgres')('a turn whose connection dies mid-turn (a crash) leaves nothing and runs again, once', async () => {
    const { conversationId, messageIds } = await conversationWith(1);
    const told: string[] = [];
    let attempts = 0;
    const turns = runner(async (message) => {
      attempts++;
      await writeMark(message);
      afterCommit(() => told.push(`attempt ${attempts}`));
      // The database session ends under the turn, as when its process is killed.
      if (attempts === 1) await prisma().$queryRawUnsafe('SELECT pg_terminate_backend(pg_backend_pid())').catch(() => undefined);
    });
    turns.schedule(conversationId);
    await turns.idle();
    expect(await database.prisma.message.findUniqueOrThrow({ where: { id: messageIds[0] } })).toMatchObject({ processedAt: null });
    expect(await marks(messageIds)).toBe(0);
    expect(told).toEqual([]);
    turns.schedule(conversationId);
    await turns.idle();
    expect(attempts).toBe(2);
    expect(told).toEqual(['attempt 2']);
    expect(await marks(messageIds)).toBe(1);
    expect((await database.prisma.message.findUniqueOrThrow({ where: { id: messageIds[0] } })).processedAt).not.toBeNull();
  });

  it.runIf(testDatabaseKind() === 'postgres')('a turn that fails because the database went away (a restart) waits for it, not "marked processed"', async () => {
    const { conversationId, messageIds } = await conversationWith(1);
    const lines: { level: number; msg: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) });
    let attempts = 0;
    const turns = createTurnRunner({
      prisma: prisma(),
      logger,
      channels: ['sms'],
      pendingPassMs: 0,
      async runTurn(message) {
        attempts++;
        await writeMark(message);
        // The bot's own query meets the session's end, and the error reaches the runner.
        if (attempts === 1) await prisma().$queryRawUnsafe('SELECT pg_terminate_backend(pg_backend_pid())');
      },
    });
    turns.schedule(conversationId);
    await turns.idle();
    expect(await database.prisma.message.findUniqueOrThrow({ where: { id: messageIds[0] } })).toMatchObject({ processedAt: null });
    expect(lines.map((line) => [line.level, line.msg])).toEqual([[40, 'could not process inbound messages: the database is unavailable; they wait for it']]);
    turns.schedule(conversationId);
    await turns.idle();
    expect(attempts).toBe(2);
    expect(await marks(messageIds)).toBe(1);
  });
});

/** Another connection pool on the test database: another process, as far as locks go. */
async function openSession() {
  const [row] = await database.query<{ name: string }>('SELECT current_database() AS name');
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${row!.name}`;
  return openDatabase({ kind: 'postgres', url: url.toString() }, { migrate: false });
}
