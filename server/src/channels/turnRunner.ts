// Runs the bot for stored inbound messages: per conversation one at a time and in arrival order
// (Message.seq), marking each processed only after its turn. A message stored but not processed
// when the process stopped is found again by resumePending() at start-up. A turn that throws is
// logged and marked processed, so one bad message cannot block the conversation behind it.
import type { Channel, PrismaClient } from '@complaints/db';
import { createTurnSerialiser } from '@complaints/bot';
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

export function createTurnRunner(deps: {
  prisma: PrismaClient;
  logger: Logger;
  now: () => Date;
  channels: Channel[];
  runTurn: (message: PendingInbound) => Promise<void>;
}): TurnRunner {
  const serialiser = createTurnSerialiser();
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  async function drain(conversationId: string): Promise<void> {
    while (!closed) {
      const next = await deps.prisma.message.findFirst({
        where: { conversationId, direction: 'inbound', processedAt: null, channel: { in: deps.channels } },
        orderBy: { seq: 'asc' },
        include: { media: true, conversation: { include: { channelIdentity: true } } },
      });
      if (!next) return;
      const identity = next.conversation.channelIdentity;
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
    }
  }

  function schedule(conversationId: string): void {
    if (closed || deps.channels.length === 0) return;
    const run = serialiser
      .run(conversationId, () => drain(conversationId))
      .catch((error: unknown) => deps.logger.error({ err: error, conversationId }, 'could not process inbound messages'));
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  }

  async function idle(): Promise<void> {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
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
