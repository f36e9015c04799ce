// Twilio's status callbacks. The update is a compare-and-set on the current status, so late or
// concurrent callbacks can only move a message forward (see deliveryStatus.ts).
//
// Twilio can call back before the outbox has stored the sid its 201 gave (the callback races the
// outbox's write). Such a status is kept in EarlyDeliveryStatus and applied when the sid is
// stored. Each side writes first and then reads the other's table — the callback keeps the
// status, then looks for the message; the outbox stores the sid, then takes the kept statuses —
// so whichever runs second sees the other's write, and the DELETE … RETURNING that takes them
// lets only one side apply each.
import type { PrismaClient } from '@complaints/db';
import type { Broadcaster } from '../../realtime/broadcaster.ts';
import { fromTwilioStatus, statusesBefore } from './deliveryStatus.ts';
import { messageDeliveryChanged } from './outboxEvents.ts';

export type StatusOutcome = 'applied' | 'ignored' | 'unknown_message' | 'kept_early';

export interface StatusCallback {
  providerSid: string;
  twilioStatus: string;
  errorCode: string | undefined;
  at: Date;
}

interface Deps {
  prisma: PrismaClient;
  broadcaster: Broadcaster;
}

interface OutboundRef {
  seq: bigint;
  id: string;
  conversationId: string;
  channel: string;
}

/** A kept status not matched within this long never will be: its message went under another sid. */
export const EARLY_STATUS_KEPT_MS = 60 * 60_000;

export async function applyDeliveryStatus(deps: Deps, input: StatusCallback): Promise<StatusOutcome> {
  // Statuses that say nothing about delivery are not worth keeping either.
  if (!fromTwilioStatus(input.twilioStatus)) return 'ignored';
  const message = await findOutbound(deps.prisma, input.providerSid);
  if (message === 'inbound') return 'unknown_message';
  if (message) return (await applyToMessage(deps, message, input)) ? 'applied' : 'ignored';

  await keepEarlyStatus(deps.prisma, input);
  // The outbox may have stored the sid since we looked, and taken the kept statuses before ours
  // was there: look again now that ours is written.
  const stored = await findOutbound(deps.prisma, input.providerSid);
  if (stored && stored !== 'inbound') await applyEarlyDeliveryStatuses(deps, stored, input.providerSid);
  return stored ? 'applied' : 'kept_early';
}

/**
 * Called by the outbox right after it stored `providerSid` on the message: applies, in arrival
 * order, the statuses whose callbacks came first. One indexed DELETE when there are none.
 */
export async function applyEarlyDeliveryStatuses(deps: Deps, message: OutboundRef, providerSid: string): Promise<void> {
  const early = await deps.prisma.$queryRaw<{ twilioStatus: string; errorCode: string | null; receivedAt: Date }[]>`
    DELETE FROM "EarlyDeliveryStatus" WHERE "providerSid" = ${providerSid}
    RETURNING "twilioStatus", "errorCode", "receivedAt"`;
  early.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  for (const status of early) {
    await applyToMessage(deps, message, { providerSid, twilioStatus: status.twilioStatus, errorCode: status.errorCode ?? undefined, at: status.receivedAt });
  }
}

async function findOutbound(prisma: PrismaClient, providerSid: string): Promise<OutboundRef | 'inbound' | null> {
  const message = await prisma.message.findUnique({
    where: { providerMessageId: providerSid },
    select: { seq: true, id: true, conversationId: true, channel: true, direction: true },
  });
  if (!message) return null;
  if (message.direction !== 'outbound') return 'inbound';
  return { seq: message.seq, id: message.id, conversationId: message.conversationId, channel: message.channel };
}

/** Kept, and any kept status too old to be matched now deleted, in one statement. */
async function keepEarlyStatus(prisma: PrismaClient, input: StatusCallback): Promise<void> {
  await prisma.$executeRaw`
    WITH stale AS (
      DELETE FROM "EarlyDeliveryStatus" WHERE "receivedAt" < ${new Date(input.at.getTime() - EARLY_STATUS_KEPT_MS)}
    )
    INSERT INTO "EarlyDeliveryStatus" ("id", "providerSid", "twilioStatus", "errorCode", "receivedAt")
    VALUES (gen_random_uuid(), ${input.providerSid}, ${input.twilioStatus}, ${input.errorCode ?? null}, ${input.at})`;
}

async function applyToMessage(deps: Deps, message: OutboundRef, input: StatusCallback): Promise<boolean> {
  const next = fromTwilioStatus(input.twilioStatus);
  if (!next) return false;
  const failed = next === 'failed' || next === 'undelivered';
  const { count } = await deps.prisma.message.updateMany({
    where: { seq: message.seq, deliveryStatus: { in: statusesBefore(next) } },
    data: {
      deliveryStatus: next,
      deliveryStatusAt: input.at,
      ...(failed ? { deliveryError: input.errorCode ? `Twilio error ${input.errorCode}` : `Twilio status ${input.twilioStatus}` } : {}),
    },
  });
  if (count === 0) return false;
  messageDeliveryChanged(deps.broadcaster, { messageId: message.id, conversationId: message.conversationId, channel: message.channel }, next);
  return true;
}
