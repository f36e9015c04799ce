// The OutboundQueue behind the web chat adapter. Web chat has no provider and no outbox worker:
// the reply is delivered by the socket push right after this commit, so the row is stored as
// 'sent' at once. It is still stored first so that a resident who was offline gets it on replay.
import type { PrismaClient } from '@complaints/db';
import type { OutboundQueue, OutboundText } from '@complaints/bot';
import type { Broadcaster } from '../../realtime/broadcaster.ts';
import { storeBotMessage } from '../storeBotMessage.ts';

export function createWebChatOutbound(deps: { prisma: PrismaClient; broadcaster: Broadcaster; now: () => Date }): OutboundQueue {
  return {
    enqueue: (text: OutboundText) =>
      storeBotMessage(deps, { conversationId: text.conversationId, channel: 'webchat', body: text.body, deliveryStatus: 'sent', at: deps.now(), staffUserId: text.staffUserId }),
  };
}
