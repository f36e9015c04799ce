// The OutboundQueue the adapters write to: the outbound Message and its OutboxMessage are created
// in one transaction, so a reply is either fully queued or not at all. Whether it may be sent at
// all is decided here, where the identity is read: an opted-out resident's messages are kept as
// suppressed (and staff told), and a WhatsApp message outside the 24-hour window goes by template.
import type { Prisma, PrismaClient } from '@complaints/db';
import { whatsAppDelivery, type OutboundQueue, type OutboundText } from '@complaints/bot';
import type { Broadcaster } from '../../realtime/broadcaster.ts';
import { CONVERSATION_MESSAGE_SELECT, publishConversationMessage } from '../../conversations/messageEvents.ts';
import { messageDeliveryChanged } from './outboxEvents.ts';

export interface OutboundQueueDeps {
  prisma: PrismaClient;
  broadcaster: Broadcaster;
  now: () => Date;
  whatsappTemplateSid: string | undefined;
  /** Called after commit so the worker sends at once instead of at its next poll. */
  onQueued: () => void;
}

const NO_TEMPLATE = 'outside the WhatsApp 24-hour window and no TWILIO_WHATSAPP_TEMPLATE_SID is configured';

export function createOutboundQueue(deps: OutboundQueueDeps): OutboundQueue {
  return {
    async enqueue(text: OutboundText) {
      const now = deps.now();
      const created = await deps.prisma.$transaction(async (tx) => {
        const identity = await tx.channelIdentity.findUnique({
          where: { channel_address: { channel: text.channel, address: text.address } },
          select: { optedOutAt: true, lastInboundAt: true },
        });
        let outcome: 'queued' | 'suppressed' | 'failed' = identity?.optedOutAt ? 'suppressed' : 'queued';
        let payload: Prisma.InputJsonValue | undefined;
        if (outcome === 'queued' && text.channel === 'whatsapp') {
          const delivery = whatsAppDelivery({ body: text.body, lastInboundAt: identity?.lastInboundAt ?? null, now, templateSid: deps.whatsappTemplateSid });
          if (delivery.kind === 'template') payload = { template: { contentSid: delivery.template.contentSid, variables: delivery.template.variables } };
          if (delivery.kind === 'no_template') outcome = 'failed';
        }
        return tx.message.create({
          data: {
            conversationId: text.conversationId,
            channel: text.channel,
            direction: 'outbound',
            author: text.staffUserId ? 'staff' : 'bot',
            staffUserId: text.staffUserId ?? null,
            body: text.body,
            deliveryStatus: outcome,
            deliveryStatusAt: now,
            deliveryError: outcome === 'failed' ? NO_TEMPLATE : null,
            outbox: {
              create: {
                status: outcome === 'queued' ? 'pending' : outcome === 'suppressed' ? 'cancelled' : 'failed',
                nextAttemptAt: now,
                lastError: outcome === 'failed' ? NO_TEMPLATE : null,
                ...(payload ? { payload } : {}),
              },
            },
          },
          select: CONVERSATION_MESSAGE_SELECT,
        });
      });
      publishConversationMessage(deps.broadcaster, created);
      const ref = { messageId: created.id, conversationId: text.conversationId, channel: text.channel };
      if (created.deliveryStatus === 'queued') deps.onQueued();
      else messageDeliveryChanged(deps.broadcaster, ref, created.deliveryStatus, created.deliveryStatus === 'suppressed' ? 'opted_out' : 'whatsapp_window_closed');
      return { messageId: created.id };
    },
  };
}
