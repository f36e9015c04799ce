// Twilio's status callbacks. The update is a compare-and-set on the current status, so late or
// concurrent callbacks can only move a message forward (see deliveryStatus.ts).
import type { PrismaClient } from '@complaints/db';
import type { Broadcaster } from '../../realtime/broadcaster.ts';
import { fromTwilioStatus, statusesBefore } from './deliveryStatus.ts';
import { messageDeliveryChanged } from './outboxEvents.ts';

export type StatusOutcome = 'applied' | 'ignored' | 'unknown_message';

export async function applyDeliveryStatus(
  deps: { prisma: PrismaClient; broadcaster: Broadcaster },
  input: { providerSid: string; twilioStatus: string; errorCode: string | undefined; at: Date },
): Promise<StatusOutcome> {
  const message = await deps.prisma.message.findUnique({
    where: { providerMessageId: input.providerSid },
    select: { seq: true, id: true, conversationId: true, channel: true, direction: true },
  });
  if (!message || message.direction !== 'outbound') return 'unknown_message';
  const next = fromTwilioStatus(input.twilioStatus);
  if (!next) return 'ignored';
  const failed = next === 'failed' || next === 'undelivered';
  const { count } = await deps.prisma.message.updateMany({
    where: { seq: message.seq, deliveryStatus: { in: statusesBefore(next) } },
    data: {
      deliveryStatus: next,
      deliveryStatusAt: input.at,
      ...(failed ? { deliveryError: input.errorCode ? `Twilio error ${input.errorCode}` : `Twilio status ${input.twilioStatus}` } : {}),
    },
  });
  if (count === 0) return 'ignored';
  messageDeliveryChanged(deps.broadcaster, { messageId: message.id, conversationId: message.conversationId, channel: message.channel }, next);
  return 'applied';
}
