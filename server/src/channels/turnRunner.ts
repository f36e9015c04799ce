// Runs the bot for stored inbound messages: per conversation one at a time and in arrival order
// (Message.seq), across every server process, each turn exactly once.
//
// A turn is one database transaction (turnScope.ts). It first takes a transaction-level
// advisory lock keyed by the conversation (pg_try_advisory_xact_lock), then reads the
// conversation's lowest-seq unprocessed inbound message, runs the bot — whose every write goes
// through the same transaction — and marks the message processed. So two processes never run
// turns of one conversation at once, a turn never runs out of order or twice, and a process
// killed mid-turn rolls the whole turn back: it runs again, once, wherever the conversation is
// picked up next. A lock another process holds means that process is running the
// conversation's turns; this one looks again shortly. A turn that throws is rolled back, logged
// and its message marked processed in a transaction of its own, so one bad message cannot block
// the conversation (no savepoint in every turn for the rare failure: two round trips a message)
// — unless the database went away (a restart): then the turn runs again when the periodic pass
// finds the message once the database is back.
//
// Messages are found by schedule() (a webhook, a web chat message), by resumePending() at
// start-up and by a periodic pass every couple of seconds that picks up what another process
// left (it crashed, or found the lock busy and moved on).
//
// At most `concurrency` conversations run turns at once in a process. Turns are the expensive
// part of a message (dozens of queries against the one acknowledgement insert), so during a
// storm they must not take every database connection and the event loop from the webhooks,
// which only store and acknowledge: the backlog waits safely in the table (processedAt null)
// instead. Conversations take turns in batches, so one resident sending fifty messages in a row
// does not hold up everybody else. On embedded PGlite every other query waits while a turn's
// transaction is open, so turns keep their transactions short: nothing inside one waits on the
// network (what leaves the process is queued until after commit).
import { isDatabaseUnavailable, Prisma, type Channel, type PrismaClient, type SqlQuery } from '@complaints/db';
import type { Logger } from '../config/logger.ts';
import { runTurnTransaction } from './turnScope.ts';

export interface PendingInbound {
  messageId: string;
  providerMessageId: string | null;
  conversationId: string;
  channel: Channel;
  address: string;
  optedOut: boolean;
  text: string;
  media: { url: string; contentType: string }[];
  receivedAt: Date;
}

export interface TurnRunner {
  /** Processes the conversation's unprocessed inbound messages after whatever is running. */
  schedule(conversationId: string): void;
  /** At start-up: schedules every conversation with unprocessed messages and starts the periodic pass. */
  resumePending(): Promise<void>;
  /** Resolves when nothing is scheduled (tests, shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Conversations running turns at once; the pool has 10 connections by default. */
export const DEFAULT_TURN_CONCURRENCY = 2;
export const POSTGRES_TURN_CONCURRENCY = 4;
/** Messages of one conversation taken per go before other conversations get theirs. */
const BATCH = 10;
/** The periodic pass for messages another process left, and how many conversations it takes. */
export const DEFAULT_PENDING_PASS_MS = 2_000;
const PENDING_PASS_LIMIT = 100;
/** The advisory lock key space of conversations' turns (two-int keys: apart from one-bigint locks). */
export const TURN_LOCK_SPACE = 0x7475726e; // "turn"
/** A transaction-level lock is released on commit, rollback or a dropped connection (kill -9). */
const BUSY_RETRY_MS = { min: 100, jitter: 200 };

export const DEFAULT_TURN_TRANSACTION = { maxWaitMs: 10_000, timeoutMs: 30_000 };

export interface TurnRunnerDeps {
  /** The server's client (turnScope's scopedPrisma) or a root client; transactions start on the root. */
  prisma: PrismaClient;
  logger: Logger;
  channels: Channel[];
  /** Runs inside the turn's transaction: every write must go through the scoped client. */
  runTurn: (message: PendingInbound) => Promise<void>;
  concurrency?: number;
  /** Runs each turn (acknowledgementsFirst: webhooks go first). */
  background?: <T>(step: () => Promise<T>) => Promise<T>;
  /** The periodic pass (0: none). */
  pendingPassMs?: number;
  transaction?: { maxWaitMs: number; timeoutMs: number };
}

/** 'last': ran, and nothing else was waiting (what arrives meanwhile schedules the conversation again). */
type Outcome = 'ran' | 'last' | 'none' | 'busy';

/** The conversation's turn lock for this transaction; false when another transaction holds it. */
async function takeTurnLock(sql: SqlQuery, conversationId: string): Promise<boolean> {
  const [lock] = await sql<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock($1::int4, hashtext($2)) AS "locked"`, [TURN_LOCK_SPACE, conversationId]);
  return lock?.locked === true;
}

/** A turn that threw: its transaction rolls back, and the message is then marked processed. */
class TurnFailed extends Error {
  constructor(
    readonly messageId: string,
    readonly seq: string,
    readonly failure: unknown,
  ) {
    super('bot turn failed');
  }
}

interface NextInbound {
  id: string;
  /** int8 as text: the drivers differ on int8 (transactionSql.ts). */
  seq: string;
  providerMessageId: string | null;
  channel: Channel;
  body: string;
  createdAt: Date;
  address: string;
  optedOutAt: Date | null;
  media: { url: string; contentType: string }[];
}

export function createTurnRunner(deps: TurnRunnerDeps): TurnRunner {
  const concurrency = deps.concurrency ?? DEFAULT_TURN_CONCURRENCY;
  const transaction = deps.transaction ?? DEFAULT_TURN_TRANSACTION;
  const channels: string[] = deps.channels;
  const channelList = Prisma.join(deps.channels.length ? deps.channels : ['none']);
  // Conversations waiting for a slot, oldest first (a Set keeps insertion order).
  const waiting = new Set<string>();
  const running = new Set<string>();
  // Scheduled while running: something may have arrived after the running batch was read.
  const again = new Set<string>();
  // Conversations whose lock another process held, looked at again shortly.
  const retrying = new Map<string, NodeJS.Timeout>();
  let idleWaiters: (() => void)[] = [];
  let closed = false;
  let passTimer: NodeJS.Timeout | undefined;
  let passRunning: Promise<void> | undefined;

  const effectErrors = (conversationId: string) => (error: unknown) => deps.logger.error({ err: error, conversationId }, 'after a bot turn: could not tell staff or the resident');

  /** One turn: the conversation's next unprocessed message, in its own transaction. */
  async function runNext(conversationId: string): Promise<Outcome> {
    try {
      return await runTurn(conversationId);
    } catch (error) {
      if (!(error instanceof TurnFailed)) throw error;
      deps.logger.error({ err: error.failure, messageId: error.messageId, conversationId }, 'bot turn failed; message marked processed');
      // Rolled back whole; marked processed now, unless another process has meanwhile.
      return runTurnTransaction(
        deps.prisma,
        async (_tx, sql): Promise<Outcome> => {
          if (!(await takeTurnLock(sql, conversationId))) return 'busy';
          await sql(`UPDATE "Message" SET "processedAt" = now() WHERE "seq" = $1::int8 AND "processedAt" IS NULL`, [error.seq]);
          return 'ran';
        },
        { ...transaction, onEffectError: effectErrors(conversationId) },
      );
    }
  }

  async function runTurn(conversationId: string): Promise<Outcome> {
    const began = performance.now();
    let turn: { messageId: string; seq: string; lockedAt: number; releasedAt: number } | undefined;
    const outcome = await runTurnTransaction(
      deps.prisma,
      async (_tx, sql): Promise<Outcome> => {
        if (!(await takeTurnLock(sql, conversationId))) return 'busy';
        const lockedAt = Date.now();
        // Read after the lock: whatever an earlier holder committed is visible, so this is the
        // next message in seq order and has not been processed. With what its turn needs (the
        // sender's identity, its photos) in one statement: this runs for every message.
        // Two rows: whether another is waiting, so a conversation's last message needs no
        // transaction of its own to find that nothing is left.
        const [next, after] = await sql<NextInbound>(
          `SELECT m."id", m."seq"::text AS "seq", m."providerMessageId", m."channel"::text AS "channel", m."body", m."createdAt",
            i."address", i."optedOutAt",
            COALESCE((SELECT json_agg(json_build_object('url', mm."url", 'contentType', mm."contentType")) FROM "MessageMedia" mm WHERE mm."messageSeq" = m."seq"), '[]'::json) AS "media"
          FROM "Message" m
          JOIN "Conversation" c ON c."id" = m."conversationId"
          JOIN "ChannelIdentity" i ON i."id" = c."channelIdentityId"
          WHERE m."conversationId" = $1::uuid AND m."direction" = 'inbound' AND m."processedAt" IS NULL AND m."channel"::text = ANY($2::text[])
          ORDER BY m."seq" LIMIT 2`,
          [conversationId, channels],
        );
        if (!next) return 'none';
        try {
          await deps.runTurn({
              messageId: next.id,
              providerMessageId: next.providerMessageId,
              conversationId,
              channel: next.channel,
              address: next.address,
              // Read for every turn: a STOP in the turn before changes how this one is handled.
              optedOut: next.optedOutAt !== null,
              text: next.body,
              media: next.media,
              receivedAt: next.createdAt,
          });
        } catch (error) {
          // The database went away mid-turn (a restart): its connection, and so this whole
          // transaction, is gone. Nothing is marked processed; the turn runs again once it is back.
          if (isDatabaseUnavailable(error)) throw error;
          throw new TurnFailed(next.id, next.seq, error);
        }
        // The transaction's own time (now()), which is also the createdAt of every reply the turn
        // queued: what the bot said in answer to a message can always be told from the record.
        await sql(`UPDATE "Message" SET "processedAt" = now() WHERE "seq" = $1::int8`, [next.seq]);
        turn = { messageId: next.id, seq: next.seq, lockedAt, releasedAt: Date.now() };
        return after ? 'ran' : 'last';
      },
      { ...transaction, onEffectError: effectErrors(conversationId) },
    );
    if (turn) {
      // The lock was held from lockedAt to at least releasedAt (taken just before COMMIT).
      deps.logger.debug(
        { conversationId, messageId: turn.messageId, seq: turn.seq, lockedAt: turn.lockedAt, releasedAt: turn.releasedAt, transactionMs: Math.round((performance.now() - began) * 10) / 10 },
        'bot turn committed',
      );
    }
    return outcome;
  }

  /** Runs up to one batch of the conversation's turns; true when more may be waiting. */
  async function runBatch(conversationId: string): Promise<boolean> {
    const background = deps.background ?? ((step) => step());
    for (let i = 0; i < BATCH; i++) {
      if (closed) return false;
      const outcome = await background(async () => (closed ? 'none' : runNext(conversationId)));
      if (outcome === 'none' || outcome === 'last') return false;
      if (outcome === 'busy') {
        retryLater(conversationId);
        return false;
      }
    }
    return true;
  }

  function retryLater(conversationId: string): void {
    if (closed || retrying.has(conversationId)) return;
    const timer = setTimeout(
      () => {
        retrying.delete(conversationId);
        schedule(conversationId);
        settle();
      },
      BUSY_RETRY_MS.min + Math.floor(Math.random() * BUSY_RETRY_MS.jitter),
    );
    retrying.set(conversationId, timer);
  }

  function pump(): void {
    while (!closed && running.size < concurrency && waiting.size > 0) {
      const conversationId = waiting.values().next().value as string;
      waiting.delete(conversationId);
      running.add(conversationId);
      void runBatch(conversationId)
        .catch((error: unknown) => {
          // The turn rolled back (a lost connection, a timeout): it runs again on the next pass.
          if (isDatabaseUnavailable(error)) deps.logger.warn({ err: error, conversationId }, 'could not process inbound messages: the database is unavailable; they wait for it');
          else deps.logger.error({ err: error, conversationId }, 'could not process inbound messages');
          return false;
        })
        .then((more) => {
          running.delete(conversationId);
          // To the back of the queue: the others waiting go first.
          if (again.delete(conversationId) || more) waiting.add(conversationId);
          pump();
        });
    }
    settle();
  }

  function isIdle(): boolean {
    return closed ? running.size === 0 : running.size === 0 && waiting.size === 0 && retrying.size === 0;
  }

  function settle(): void {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function schedule(conversationId: string): void {
    if (closed || deps.channels.length === 0) return;
    if (running.has(conversationId)) again.add(conversationId);
    else waiting.add(conversationId);
    pump();
  }

  function idle(): Promise<void> {
    if (isIdle()) return Promise.resolve();
    return new Promise((resolve) => idleWaiters.push(resolve));
  }

  /** Conversations with unprocessed inbound messages on this process's channels. */
  async function findPending(limit?: number): Promise<string[]> {
    const rows = await deps.prisma.$queryRaw<{ conversationId: string }[]>`
      SELECT DISTINCT "conversationId" FROM "Message"
      WHERE "direction" = 'inbound' AND "processedAt" IS NULL AND "channel"::text IN (${channelList})
      ${limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
    return rows.map((row) => row.conversationId);
  }

  function nextPass(): void {
    const interval = deps.pendingPassMs ?? DEFAULT_PENDING_PASS_MS;
    if (closed || interval <= 0) return;
    passTimer = setTimeout(() => {
      passRunning = findPending(PENDING_PASS_LIMIT)
        .then((pending) => {
          for (const conversationId of pending) if (!running.has(conversationId) && !retrying.has(conversationId)) schedule(conversationId);
        })
        .catch((error: unknown) => deps.logger.warn({ err: error }, 'could not look for unprocessed inbound messages; trying again shortly'))
        .finally(() => {
          passRunning = undefined;
          nextPass();
        });
    }, interval);
    passTimer.unref();
  }

  return {
    schedule,
    async resumePending() {
      if (deps.channels.length === 0) return;
      const pending = await findPending();
      if (pending.length) deps.logger.info({ conversations: pending.length }, 'resuming unprocessed inbound messages');
      for (const conversationId of pending) schedule(conversationId);
      nextPass();
    },
    idle,
    async close() {
      closed = true;
      clearTimeout(passTimer);
      for (const timer of retrying.values()) clearTimeout(timer);
      retrying.clear();
      await passRunning;
      await idle();
    },
  };
}
