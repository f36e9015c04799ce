// Persistence for Bot Framework replies (the ConnectorOutbox port). A reply is stored as
// 'sending' and staff are told at once; the adapter then posts it through the Bot Connector and
// this records the outcome, telling staff of a failure the same way as for SMS and WhatsApp.
import { Prisma, type PrismaClient } from '@complaints/db';
import type { ConnectorOutbox, OutboundText } from '@complaints/bot';
import type { Broadcaster } from '../../realtime/broadcaster.ts';
import { isUniqueViolation } from '../inbound/acceptInboundMessage.ts';
import { messageDeliveryChanged } from '../outbox/outboxEvents.ts';
import { storeBotMessage } from '../storeBotMessage.ts';

export function createConnectorOutbox(deps: { prisma: PrismaClient; broadcaster: Broadcaster; now: () => Date }): ConnectorOutbox {
  const { prisma } = deps;

  async function record(messageId: string, data: { deliveryStatus: 'sent' | 'failed'; deliveryError?: string; providerMessageId?: string }) {
    const message = await prisma.message.update({
      where: { id: messageId },
      data: { ...data, deliveryStatusAt: deps.now() },
      select: { id: true, conversationId: true, channel: true },
    });
    messageDeliveryChanged(deps.broadcaster, { messageId: message.id, conversationId: message.conversationId, channel: message.channel }, data.deliveryStatus, data.deliveryError);
  }

  return {
    enqueue: (text: OutboundText) => storeBotMessage(deps, { conversationId: text.conversationId, channel: 'botframework', body: text.body, deliveryStatus: 'sending', at: deps.now(), staffUserId: text.staffUserId }),

    async referenceFor(conversationId) {
      const latest = await prisma.message.findFirst({
        where: { conversationId, direction: 'inbound', conversationReference: { not: Prisma.DbNull } },
        orderBy: { seq: 'desc' },
        select: { conversationReference: true },
      });
      const reference = latest?.conversationReference;
      return reference && typeof reference === 'object' && !Array.isArray(reference) ? (reference as Record<string, unknown>) : null;
    },

    async recordSent(messageId, providerMessageId) {
      try {
        await record(messageId, { deliveryStatus: 'sent', ...(providerMessageId ? { providerMessageId } : {}) });
      } catch (error) {
        // A channel reusing an id must not turn a delivered reply into an error: keep it sent.
        if (!providerMessageId || !isUniqueViolation(error)) throw error;
        await record(messageId, { deliveryStatus: 'sent' });
      }
    },

    recordFailed: (messageId, error) => record(messageId, { deliveryStatus: 'failed', deliveryError: error }),
  };
}
