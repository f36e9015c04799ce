// STOP and START. On WhatsApp we are the only ones who honour them; on SMS Twilio does and we
// mirror it so the outbox suppresses instead of failing. Opting out cancels what is still
// queued; staff see the change (a resident who stopped messages needs another way to be reached).
import type { PrismaClient } from '@complaints/db';
import { recordAudit } from '../audit/recordAudit.ts';
import type { Broadcaster } from '../realtime/broadcaster.ts';

export async function setOptedOut(
  deps: { prisma: PrismaClient; broadcaster: Broadcaster },
  input: { conversationId: string; optedOut: boolean; at: Date },
): Promise<void> {
  const conversation = await deps.prisma.conversation.findUniqueOrThrow({
    where: { id: input.conversationId },
    select: { channelIdentityId: true, channel: true, residentId: true },
  });
  const identityId = conversation.channelIdentityId;
  const cancelled = await deps.prisma.$transaction(async (tx) => {
    await tx.channelIdentity.update({ where: { id: identityId }, data: { optedOutAt: input.optedOut ? input.at : null } });
    let count = 0;
    if (input.optedOut) {
      const queued = { status: 'pending' as const, message: { conversation: { channelIdentityId: identityId } } };
      const rows = await tx.outboxMessage.findMany({ where: queued, select: { messageSeq: true } });
      count = (await tx.outboxMessage.updateMany({ where: queued, data: { status: 'cancelled' } })).count;
      await tx.message.updateMany({
        where: { seq: { in: rows.map((r) => r.messageSeq) } },
        data: { deliveryStatus: 'suppressed', deliveryStatusAt: input.at },
      });
    }
    await recordAudit(tx, {
      actor: { type: 'resident' },
      action: input.optedOut ? 'channel_identity.opted_out' : 'channel_identity.opted_in',
      entityType: 'ChannelIdentity',
      entityId: identityId,
      conversationId: input.conversationId,
      ...(conversation.residentId ? { residentId: conversation.residentId } : {}),
      after: { channel: conversation.channel },
      at: input.at,
    });
    return count;
  });
  deps.broadcaster.toStaff({
    type: input.optedOut ? 'channel.opted_out' : 'channel.opted_in',
    payload: {
      channelIdentityId: identityId,
      channel: conversation.channel,
      conversationId: input.conversationId,
      residentId: conversation.residentId,
      at: input.at.toISOString(),
      cancelledMessages: cancelled,
    },
  });
}
