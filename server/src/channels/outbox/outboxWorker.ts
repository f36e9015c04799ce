// Sends queued messages. Rows are claimed with a lease (status 'sending', lockedUntil), one
// statement taking the next due row with SKIP LOCKED, so two pollers never send the same row, and a send interrupted
// by a crash is picked up again once the lease runs out. A row Twilio accepted has its sid
// stored and is never claimed again; status callbacks Twilio sent before that sid was stored are
// applied as soon as it is. The one gap no queue can close without provider idempotency:
// a crash between Twilio's 201 and the write of its sid resends that message once. A database
// that is away at that moment (a restart, a failover) is not a crash: the sid is kept and its
// write retried for as long as the lease holds the row, so the message is recorded, not resent.
import { isDatabaseUnavailable, type PrismaClient, type SqlQuery } from '@complaints/db';
import { whatsAppDelivery, type MessageSender, type WhatsAppTemplate } from '@complaints/bot';
import type { Logger } from '../../config/logger.ts';
import type { Broadcaster } from '../../realtime/broadcaster.ts';
import { applyEarlyDeliveryStatuses } from './applyDeliveryStatus.ts';
import { exponentialBackoff } from './backoff.ts';
import { WHATSAPP_WINDOW_CLOSED } from './enqueueOutbound.ts';
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
  /** The driver (Database.query) for what runs for every reply: polling, claiming, recording the sid. */
  sql: SqlQuery;
  logger: Logger;
  broadcaster: Broadcaster;
  sender: MessageSender;
  options: OutboxWorkerOptions;
  /** TWILIO_WHATSAPP_TEMPLATE_SID: for WhatsApp sends after the 24-hour window has closed. */
  whatsappTemplateSid: string | undefined;
  /** Runs each send (acknowledgementsFirst: webhooks go first). */
  background?: <T>(step: () => Promise<T>) => Promise<T>;
}

const CHANNELS = ['sms', 'whatsapp'] as const;
/** Retrying the write of a sid Twilio gave while the database is away: first pause, longest pause. */
export const RECORD_RETRY_MS = { first: 250, max: 5_000 };
/** Stop retrying that write once this share of the lease has passed: after the lease another poller may send the row. */
const RECORD_WITHIN_LEASE = 0.9;

/** A claimed row with what sending it needs. */
interface Claimed {
  id: string;
  /** Including this one. */
  attempts: number;
  payload: unknown;
  /** int8 as text: the drivers differ on int8. */
  seq: string;
  messageId: string;
  conversationId: string;
  channel: (typeof CHANNELS)[number];
  body: string;
  address: string;
  optedOutAt: Date | null;
  lastInboundAt: Date | null;
  /** performance.now() when the claim was made: the lease runs from about then. */
  claimedAt: number;
}

export function createOutboxWorker(deps: Deps): OutboxWorker {
  const { prisma, options } = deps;

  async function runOnce(): Promise<void> {
    const now = options.now();
    const background = deps.background ?? ((step) => step());
    for (let sent = 0; sent < options.batchSize; sent++) {
      const more = await background(async () => {
        const claimed = await claimNext(now);
        if (claimed) await deliver(claimed);
        return claimed !== undefined;
      });
      if (!more) return;
    }
    // A full batch means more may be due: poll again at once rather than after the interval.
    again = true;
  }

  /**
   * Takes the next due row for this worker, marks its message as sending and reads what sending
   * needs, in one statement: this runs for every reply. Rows another poller is taking are
   * skipped (SKIP LOCKED), so several processes share the outbox without claiming a row twice.
   */
  async function claimNext(now: Date): Promise<Claimed | undefined> {
    const claimedAt = performance.now();
    const [claimed] = await deps.sql<Omit<Claimed, 'claimedAt'>>(CLAIM_NEXT, [CHANNELS, now, new Date(now.getTime() + options.leaseMs), options.now()]);
    return claimed && { ...claimed, claimedAt };
  }

  /**
   * Twilio has the message: until its sid is stored the row looks unsent and would go again once
   * its lease runs out. So a write that fails (the database restarting) is tried again, with
   * growing pauses, while the lease still keeps other pollers off the row; nothing else can be
   * sent meanwhile anyway. Given up only near the lease's end or on shutdown.
   */
  async function recordAccepted(row: Claimed, write: () => Promise<unknown>): Promise<void> {
    const giveUpAt = row.claimedAt + options.leaseMs * RECORD_WITHIN_LEASE;
    for (let tries = 1, wait = RECORD_RETRY_MS.first; ; tries++, wait = Math.min(wait * 2, RECORD_RETRY_MS.max)) {
      try {
        await write();
        if (tries > 1) deps.logger.info({ outboxId: row.id, tries }, 'recorded an outbound message Twilio accepted while the database was unavailable');
        return;
      } catch (error) {
        if (stopped || performance.now() + wait > giveUpAt) {
          deps.logger.error({ err: error, outboxId: row.id, tries }, 'Twilio accepted an outbound message but the database could not record it: it will be sent again when its lease runs out');
          throw error;
        }
        if (tries === 1) deps.logger.warn({ err: error, outboxId: row.id }, 'Twilio accepted an outbound message but the database could not record it; trying again');
        await pause(wait);
      }
    }
  }

  async function deliver(row: Claimed): Promise<void> {
    const attempt = row.attempts;
    const ref = { messageId: row.messageId, conversationId: row.conversationId, channel: row.channel };
    // The resident may have sent STOP after this was queued.
    if (row.optedOutAt) {
      await prisma.$transaction([
        prisma.outboxMessage.update({ where: { id: row.id }, data: { status: 'cancelled', lockedUntil: null } }),
        prisma.message.update({ where: { seq: BigInt(row.seq) }, data: { deliveryStatus: 'suppressed', deliveryStatusAt: options.now() } }),
      ]);
      messageDeliveryChanged(deps.broadcaster, ref, 'suppressed', 'opted_out');
      return;
    }
    const payload = (row.payload ?? {}) as { template?: WhatsAppTemplate };
    let template = payload.template;
    if (row.channel === 'whatsapp') {
      // The window is judged now, not when the message was queued: a retry (or a backlog after
      // a restart) can go out after it has closed, and Twilio refuses free text then (63016).
      const delivery = whatsAppDelivery({ body: row.body, lastInboundAt: row.lastInboundAt, now: options.now(), templateSid: deps.whatsappTemplateSid });
      if (delivery.kind === 'no_template') {
        await prisma.$transaction([
          prisma.outboxMessage.update({ where: { id: row.id }, data: { status: 'failed', lockedUntil: null, lastError: WHATSAPP_WINDOW_CLOSED } }),
          prisma.message.update({ where: { seq: BigInt(row.seq) }, data: { deliveryStatus: 'failed', deliveryStatusAt: options.now(), deliveryError: WHATSAPP_WINDOW_CLOSED } }),
        ]);
        deps.logger.warn({ outboxId: row.id, attempt }, 'WhatsApp message not sent: the 24-hour window has closed and no template is configured');
        messageDeliveryChanged(deps.broadcaster, ref, 'failed', 'whatsapp_window_closed');
        return;
      }
      template = delivery.kind === 'template' ? delivery.template : undefined;
    }
    const result = await deps.sender.send({ channel: row.channel, to: row.address, body: row.body, ...(template ? { template } : {}) });
    const at = options.now();
    if (result.outcome === 'accepted') {
      // What was sent: the template, if the window had closed by now.
      const sentPayload: { template?: WhatsAppTemplate } = { ...payload };
      if (template) sentPayload.template = template;
      else delete sentPayload.template;
      // Both rows in one statement: atomic without a transaction's extra round trips.
      await recordAccepted(row, () =>
        deps.sql(RECORD_ACCEPTED, [row.id, result.providerSid, at, Object.keys(sentPayload).length > 0 ? JSON.stringify(sentPayload) : null, row.seq]),
      );
      deps.logger.info({ outboxId: row.id, attempt }, 'outbound message accepted by Twilio');
      // Staff in a live chat watch their reply go from queued to sent to delivered.
      messageDeliveryChanged(deps.broadcaster, ref, 'sent');
      // Only after the write above has committed: a callback kept before it is taken here, one
      // kept after it finds the sid itself (applyDeliveryStatus.ts).
      await applyEarlyDeliveryStatuses(deps, { seq: BigInt(row.seq), id: row.messageId, conversationId: row.conversationId, channel: row.channel }, result.providerSid);
      return;
    }
    if (result.outcome === 'retry' && attempt < options.maxAttempts) {
      const nextAttemptAt = new Date(at.getTime() + options.backoff(attempt));
      await prisma.$transaction([
        prisma.outboxMessage.update({ where: { id: row.id }, data: { status: 'pending', nextAttemptAt, lockedUntil: null, lastError: result.error } }),
        prisma.message.update({ where: { seq: BigInt(row.seq) }, data: { deliveryStatus: 'queued', deliveryStatusAt: at } }),
      ]);
      deps.logger.warn({ outboxId: row.id, attempt, error: result.error, nextAttemptAt }, 'outbound message not sent; will retry');
      return;
    }
    await prisma.$transaction([
      prisma.outboxMessage.update({ where: { id: row.id }, data: { status: 'failed', lockedUntil: null, lastError: result.error } }),
      prisma.message.update({ where: { seq: BigInt(row.seq) }, data: { deliveryStatus: 'failed', deliveryStatusAt: at, deliveryError: result.error } }),
    ]);
    deps.logger.error({ outboxId: row.id, attempt, error: result.error }, 'outbound message failed');
    messageDeliveryChanged(deps.broadcaster, ref, 'failed', result.error);
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  let again = false;
  /** Pauses in progress, cut short by stop(). */
  const pauses = new Set<() => void>();

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timeout);
        pauses.delete(end);
        resolve();
      };
      const timeout = setTimeout(end, ms);
      pauses.add(end);
    });
  }

  function schedule(delay: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delay);
  }

  function tick(): void {
    timer = undefined;
    running = runOnce()
      .catch((error: unknown) =>
        isDatabaseUnavailable(error) ? deps.logger.warn({ err: error }, 'outbox poll failed: the database is unavailable') : deps.logger.error({ err: error }, 'outbox poll failed'),
      )
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
      for (const end of pauses) end();
      await running;
    },
  };
}

// Plain SQL on the driver: these run for every reply, and Prisma's query compiler costs several
// times the statements.

/**
 * $1 channels, $2 now, $3 lease end, $4 status time. The oldest row due — or whose sender's lease
 * ran out before Twilio's sid was stored — taken by this worker: status sending, one more attempt.
 * A row just taken by another poller is locked (skipped) or, once committed, no longer due.
 */
const CLAIM_NEXT = `
  WITH picked AS (
    SELECT o."id" FROM "OutboxMessage" o
    JOIN "Message" m ON m."seq" = o."messageSeq"
    WHERE m."channel"::text = ANY($1::text[])
      AND ((o."status" = 'pending' AND o."nextAttemptAt" <= $2) OR (o."status" = 'sending' AND o."providerSid" IS NULL AND o."lockedUntil" < $2))
    ORDER BY o."nextAttemptAt", o."messageSeq" LIMIT 1
    FOR UPDATE OF o SKIP LOCKED
  ), claimed AS (
    UPDATE "OutboxMessage" o SET "status" = 'sending', "attempts" = o."attempts" + 1, "lockedUntil" = $3, "updatedAt" = $2
    FROM picked WHERE o."id" = picked."id"
    RETURNING o."id", o."messageSeq", o."attempts", o."payload"
  ), message AS (
    UPDATE "Message" m SET "deliveryStatus" = 'sending', "deliveryStatusAt" = $4
    FROM claimed WHERE m."seq" = claimed."messageSeq"
    RETURNING m."seq", m."id", m."conversationId", m."channel", m."body"
  )
  SELECT claimed."id", claimed."attempts", claimed."payload", message."seq"::text AS "seq", message."id" AS "messageId", message."conversationId",
    message."channel"::text AS "channel", message."body", identity."address", identity."optedOutAt", identity."lastInboundAt"
  FROM claimed
  JOIN message ON message."seq" = claimed."messageSeq"
  JOIN "Conversation" conversation ON conversation."id" = message."conversationId"
  JOIN "ChannelIdentity" identity ON identity."id" = conversation."channelIdentityId"`;

/** $1 outbox id, $2 sid, $3 at, $4 payload sent, $5 message seq. Both rows in one statement: atomic without a transaction. */
const RECORD_ACCEPTED = `
  WITH sent AS (
    UPDATE "OutboxMessage" SET "status" = 'sent', "providerSid" = $2, "lockedUntil" = NULL, "lastError" = NULL, "updatedAt" = $3, "payload" = $4::jsonb
    WHERE "id" = $1::uuid
  )
  UPDATE "Message" SET "providerMessageId" = $2, "deliveryStatus" = 'sent', "deliveryStatusAt" = $3 WHERE "seq" = $5::int8`;
