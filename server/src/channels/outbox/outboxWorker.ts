// Sends queued messages. Rows are claimed with a lease (status 'sending', lockedUntil) by a
// compare-and-set on `attempts`, so two pollers never send the same row, and a send interrupted
// by a crash is picked up again once the lease runs out. A row Twilio accepted has its sid
// stored and is never claimed again. The one gap no queue can close without provider idempotency:
// a crash between Twilio's 201 and the write of its sid resends that message once.
import type { PrismaClient } from '@complaints/db';
import type { MessageSender, WhatsAppTemplate } from '@complaints/bot';
import type { Logger } from '../../config/logger.ts';
import type { Broadcaster } from '../../realtime/broadcaster.ts';
import { exponentialBackoff } from './backoff.ts';
import { messageDeliveryChanged } from './outboxEvents.ts';

export interface OutboxWorkerOptions {
  pollIntervalMs: number;
  /** Longer than the SDK's 30 s request timeout, so a slow send is not claimed twice. */
  leaseMs: number;
  batchSize: number;
  maxAttempts: number;
  backoff: (attempt: number) => number;
  now: () => Date;
}

export const DEFAULT_OUTBOX_OPTIONS: Omit<OutboxWorkerOptions, 'now'> = {
  pollIntervalMs: 2_000,
  leaseMs: 120_000,
  batchSize: 20,
  maxAttempts: 8,
  backoff: exponentialBackoff({ baseMs: 5_000, maxMs: 30 * 60_000 }),
};

export interface OutboxWorker {
  /** One pass over the due rows (tests call it directly). */
  runOnce(): Promise<void>;
  start(): void;
  /** Poll now: something was just queued. */
  kick(): void;
  stop(): Promise<void>;
}

interface Deps {
  prisma: PrismaClient;
  logger: Logger;
  broadcaster: Broadcaster;
  sender: MessageSender;
  options: OutboxWorkerOptions;
}

const CHANNELS = ['sms', 'whatsapp'] as const;

export function createOutboxWorker(deps: Deps): OutboxWorker {
  const { prisma, options } = deps;

  async function runOnce(): Promise<void> {
    const now = options.now();
    const due = await prisma.outboxMessage.findMany({
      where: {
        message: { channel: { in: [...CHANNELS] } },
        OR: [
          { status: 'pending', nextAttemptAt: { lte: now } },
          { status: 'sending', providerSid: null, lockedUntil: { lt: now } },
        ],
      },
      orderBy: [{ nextAttemptAt: 'asc' }, { messageSeq: 'asc' }],
      take: options.batchSize,
      select: { id: true, status: true, attempts: true },
    });
    for (const row of due) {
      const claimed = await prisma.outboxMessage.updateMany({
        where: { id: row.id, status: row.status, attempts: row.attempts, providerSid: null },
        data: { status: 'sending', attempts: row.attempts + 1, lockedUntil: new Date(now.getTime() + options.leaseMs) },
      });
      if (claimed.count === 1) await deliver(row.id, row.attempts + 1);
    }
  }

  async function deliver(outboxId: string, attempt: number): Promise<void> {
    const row = await prisma.outboxMessage.findUniqueOrThrow({
      where: { id: outboxId },
      include: { message: { include: { conversation: { include: { channelIdentity: true } } } } },
    });
    const message = row.message;
    const identity = message.conversation.channelIdentity;
    const ref = { messageId: message.id, conversationId: message.conversationId, channel: message.channel };
    const channel = message.channel as (typeof CHANNELS)[number];

    // The resident may have sent STOP after this was queued.
    if (identity.optedOutAt) {
      await prisma.$transaction([
        prisma.outboxMessage.update({ where: { id: row.id }, data: { status: 'cancelled', lockedUntil: null } }),
        prisma.message.update({ where: { seq: message.seq }, data: { deliveryStatus: 'suppressed', deliveryStatusAt: options.now() } }),
      ]);
      messageDeliveryChanged(deps.broadcaster, ref, 'suppressed', 'opted_out');
      return;
    }

    await prisma.message.update({ where: { seq: message.seq }, data: { deliveryStatus: 'sending', deliveryStatusAt: options.now() } });
    const template = (row.payload as { template?: WhatsAppTemplate } | null)?.template;
    const result = await deps.sender.send({ channel, to: identity.address, body: message.body, ...(template ? { template } : {}) });
    const at = options.now();

    if (result.outcome === 'accepted') {
      await prisma.$transaction([
        prisma.outboxMessage.update({ where: { id: row.id }, data: { status: 'sent', providerSid: result.providerSid, lockedUntil: null, lastError: null } }),
        prisma.message.update({ where: { seq: message.seq }, data: { providerMessageId: result.providerSid, deliveryStatus: 'sent', deliveryStatusAt: at } }),
      ]);
      deps.logger.info({ outboxId: row.id, attempt }, 'outbound message accepted by Twilio');
      // Staff in a live chat watch their reply go from queued to sent to delivered.
      messageDeliveryChanged(deps.broadcaster, ref, 'sent');
      return;
    }
    if (result.outcome === 'retry' && attempt < options.maxAttempts) {
      const nextAttemptAt = new Date(at.getTime() + options.backoff(attempt));
      await prisma.$transaction([
        prisma.outboxMessage.update({ where: { id: row.id }, data: { status: 'pending', nextAttemptAt, lockedUntil: null, lastError: result.error } }),
        prisma.message.update({ where: { seq: message.seq }, data: { deliveryStatus: 'queued', deliveryStatusAt: at } }),
      ]);
      deps.logger.warn({ outboxId: row.id, attempt, error: result.error, nextAttemptAt }, 'outbound message not sent; will retry');
      return;
    }
    await prisma.$transaction([
      prisma.outboxMessage.update({ where: { id: row.id }, data: { status: 'failed', lockedUntil: null, lastError: result.error } }),
      prisma.message.update({ where: { seq: message.seq }, data: { deliveryStatus: 'failed', deliveryStatusAt: at, deliveryError: result.error } }),
    ]);
    deps.logger.error({ outboxId: row.id, attempt, error: result.error }, 'outbound message failed');
    messageDeliveryChanged(deps.broadcaster, ref, 'failed', result.error);
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  let again = false;

  function schedule(delay: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delay);
  }

  function tick(): void {
    timer = undefined;
    running = runOnce()
      .catch((error: unknown) => deps.logger.error({ err: error }, 'outbox poll failed'))
      .finally(() => {
        running = undefined;
        schedule(again ? 0 : options.pollIntervalMs);
        again = false;
      });
  }

  return {
    runOnce,
    start: () => schedule(0),
    kick() {
      if (running) again = true;
      else if (timer) schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
