// A bot (or live staff) reply on a channel without an outbox (web chat, Bot Framework): stored first, staff told
// at once; the channel then delivers it (a socket push, the Bot Connector).
import type { PrismaClient } from '@complaints/db';
import { CONVERSATION_MESSAGE_SELECT, publishConversationMessage } from '../conversations/messageEvents.ts';
import type { Broadcaster } from '../realtime/broadcaster.ts';

export async function storeBotMessage(
  deps: { prisma: PrismaClient; broadcaster: Broadcaster },
  input: { conversationId: string; channel: 'webchat' | 'botframework'; body: string; deliveryStatus: 'sending' | 'sent'; at: Date; staffUserId?: string },
): Promise<{ messageId: string }> {
  const created = await deps.prisma.message.create({
    data: {
      conversationId: input.conversationId,
      channel: input.channel,
      direction: 'outbound',
      author: input.staffUserId ? 'staff' : 'bot',
      staffUserId: input.staffUserId ?? null,
      body: input.body,
      deliveryStatus: input.deliveryStatus,
      deliveryStatusAt: input.at,
      createdAt: input.at,
    },
    select: CONVERSATION_MESSAGE_SELECT,
  });
  publishConversationMessage(deps.broadcaster, created);
  return { messageId: created.id };
}
