// The OutboundQueue behind the web chat adapter. Web chat has no provider and no outbox worker:
// the reply is delivered by the socket push right after this commit, so the row is stored as
// 'sent' at once. It is still stored first so that a resident who was offline gets it on replay.
import type { PrismaClient } from '@complaints/db';
import type { OutboundQueue, OutboundText } from '@complaints/bot';
import { CONVERSATION_MESSAGE_SELECT, publishConversationMessage } from '../../conversations/messageEvents.ts';
import type { Broadcaster } from '../../realtime/broadcaster.ts';

export function createWebChatOutbound(deps: { prisma: PrismaClient; broadcaster: Broadcaster; now: () => Date }): OutboundQueue {
  return {
    async enqueue(text: OutboundText) {
      const now = deps.now();
      const created = await deps.prisma.message.create({
        data: {
          conversationId: text.conversationId,
          channel: 'webchat',
          direction: 'outbound',
          author: text.staffUserId ? 'staff' : 'bot',
          staffUserId: text.staffUserId ?? null,
          body: text.body,
          deliveryStatus: 'sent',
          deliveryStatusAt: now,
          createdAt: now,
        },
        select: CONVERSATION_MESSAGE_SELECT,
      });
      publishConversationMessage(deps.broadcaster, created);
      return { messageId: created.id };
    },
  };
}
