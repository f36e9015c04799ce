// Runs the bot for stored inbound messages: per conversation one at a time and in arrival order
// (Message.seq), marking each processed only after its turn. A message stored but not processed
// when the process stopped is found again by resumePending() at start-up. A turn that throws is
// logged and marked processed, so one bad message cannot block the conversation behind it.
//
// At most `concurrency` conversations run turns at once. Turns are the expensive part of a
// message (dozens of queries against the one acknowledgement insert), so during a storm they
// must not take every database connection and the event loop from the webhooks, which only
// store and acknowledge: the backlog waits safely in the table (processedAt null) instead.
// Conversations take turns in batches, so one resident sending fifty messages in a row does not
// hold up everybody else.
import type { Channel, PrismaClient } from '@complaints/db';
import type { Logger } from '../config/logger.ts';

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
  resumePending(): Promise<void>;
  /** Resolves when nothing is scheduled (tests, shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Conversations running turns at once; the pool has 10 connections by default. */
export const DEFAULT_TURN_CONCURRENCY = 2;
/** Messages of one conversation taken per go before other conversations get theirs. */
const BATCH = 10;

export function createTurnRunner(deps: {
  prisma: PrismaClient;
  logger: Logger;
  now: () => Date;
  channels: Channel[];
  runTurn: (message: PendingInbound) => Promise<void>;
  concurrency?: number;
  /** Runs each turn (acknowledgementsFirst: webhooks go first). */
  background?: <T>(step: () => Promise<T>) => Promise<T>;
}): TurnRunner {
  const concurrency = deps.concurrency ?? DEFAULT_TURN_CONCURRENCY;
  // Conversations waiting for a slot, oldest first (a Set keeps insertion order).
  const waiting = new Set<string>();
  const running = new Set<string>();
  // Scheduled while running: something may have arrived after the running batch was read.
  const again = new Set<string>();
  let idleWaiters: (() => void)[] = [];
  let closed = false;

  /** Runs up to one batch of the conversation's turns; true when more may be waiting. */
  async function runBatch(conversationId: string): Promise<boolean> {
    const batch = await deps.prisma.message.findMany({
      where: { conversationId, direction: 'inbound', processedAt: null, channel: { in: deps.channels } },
      orderBy: { seq: 'asc' },
      take: BATCH,
      include: { media: true },
    });
    const background = deps.background ?? ((step) => step());
    for (const next of batch) {
      if (closed) return false;
      await background(async () => {
        if (closed) return;
        // Read for every turn: a STOP earlier in the batch changes how the next one is handled.
        const identity = await deps.prisma.channelIdentity.findFirstOrThrow({
          where: { conversations: { some: { id: conversationId } } },
          select: { address: true, optedOutAt: true },
        });
        try {
          await deps.runTurn({
            messageId: next.id,
            providerMessageId: next.providerMessageId,
            conversationId,
            channel: next.channel,
            address: identity.address,
            optedOut: identity.optedOutAt !== null,
            text: next.body,
            media: next.media.map((m) => ({ url: m.url, contentType: m.contentType })),
            receivedAt: next.createdAt,
          });
        } catch (error) {
          deps.logger.error({ err: error, messageId: next.id, conversationId }, 'bot turn failed; message marked processed');
        }
        await deps.prisma.message.update({ where: { seq: next.seq }, data: { processedAt: deps.now() } });
      });
    }
    return batch.length === BATCH;
  }

  function pump(): void {
    while (!closed && running.size < concurrency && waiting.size > 0) {
      const conversationId = waiting.values().next().value as string;
      waiting.delete(conversationId);
      running.add(conversationId);
      void runBatch(conversationId)
        .catch((error: unknown) => {
          deps.logger.error({ err: error, conversationId }, 'could not process inbound messages');
          return false;
        })
        .then((more) => {
          running.delete(conversationId);
          // To the back of the queue: the others waiting go first.
          if (again.delete(conversationId) || more) waiting.add(conversationId);
          pump();
        });
    }
    if (running.size === 0 && (waiting.size === 0 || closed)) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  function schedule(conversationId: string): void {
    if (closed || deps.channels.length === 0) return;
    if (running.has(conversationId)) again.add(conversationId);
    else waiting.add(conversationId);
    pump();
  }

  function idle(): Promise<void> {
    if (running.size === 0 && (waiting.size === 0 || closed)) return Promise.resolve();
    return new Promise((resolve) => idleWaiters.push(resolve));
  }

  return {
    schedule,
    async resumePending() {
      if (deps.channels.length === 0) return;
      const pending = await deps.prisma.message.findMany({
        where: { direction: 'inbound', processedAt: null, channel: { in: deps.channels } },
        distinct: ['conversationId'],
        select: { conversationId: true },
      });
      if (pending.length) deps.logger.info({ conversations: pending.length }, 'resuming unprocessed inbound messages');
      for (const { conversationId } of pending) schedule(conversationId);
    },
    idle,
    async close() {
      closed = true;
      await idle();
    },
  };
}
