// POST /api/conversations/:id/messages: a live reply from the member of staff holding the
// conversation, sent through the resident's own channel (SMS and WhatsApp through the outbox, web
// chat pushed to their socket). Opt-out is honoured where the message is queued: a resident who
// sent STOP gets nothing, and staff see the reply stored as suppressed.
import type { ServerContext } from '../context.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TConversationMessage } from '../schemas/index.ts';
import { heldByError } from './claimConversation.ts';
import { CONVERSATION_MESSAGE_SELECT, toConversationMessage } from './messageEvents.ts';

/** The channel runtime's side of live chat: stores and delivers a staff reply (returning the stored message ids), and shows staff typing to a web chat resident. */
export interface LiveChatSender {
  sendStaffReply(conversationId: string, text: string, staffUserId: string): Promise<string[]>;
  showTypingToResident(conversationId: string, typing: boolean): Promise<void>;
}

export interface ReplyToConversationOptions {
  conversationId: string;
  actorId: string;
  text: string;
}

export async function replyToConversation(
  ctx: ServerContext,
  sender: LiveChatSender | undefined,
  options: ReplyToConversationOptions,
): Promise<{ messages: TConversationMessage[] }> {
  await assertHeldBy(ctx, options.conversationId, options.actorId);
  if (!sender) throw new AppError(AppErrorCode.Unavailable, 'Live replies are not available on this server.');
  const ids = await sender.sendStaffReply(options.conversationId, options.text, options.actorId);
  const stored = await ctx.prisma.message.findMany({ where: { id: { in: ids } }, orderBy: { seq: 'asc' }, select: CONVERSATION_MESSAGE_SELECT });
  return { messages: stored.map(toConversationMessage) };
}

/** Only the person holding a conversation speaks in it (the bot is silent while they do). */
export async function assertHeldBy(ctx: ServerContext, conversationId: string, actorId: string): Promise<void> {
  const conversation = await ctx.prisma.conversation.findUnique({
    where: { id: conversationId },
    select: { claimedById: true, claimedBy: { select: { name: true } } },
  });
  if (!conversation) throw new AppError(AppErrorCode.NotFound, 'There is no conversation with that id.');
  if (conversation.claimedById === actorId) return;
  if (conversation.claimedBy) throw heldByError(conversation.claimedBy.name);
  throw new AppError(AppErrorCode.Conflict, 'Claim this conversation before replying, so the bot stays silent and others can see you are answering.');
}
