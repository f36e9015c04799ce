// POST /api/conversations/:id/typing: the member of staff holding a web chat conversation is
// writing, so the resident sees "typing…" as they do while the bot answers. Other channels have
// no typing indicator; the call is accepted and does nothing for them.
import type { ServerContext } from '../context.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import { assertHeldBy, type LiveChatSender } from './replyToConversation.ts';

export async function showStaffTyping(
  ctx: ServerContext,
  sender: LiveChatSender | undefined,
  options: { conversationId: string; actorId: string; typing: boolean },
): Promise<void> {
  await assertHeldBy(ctx, options.conversationId, options.actorId);
  if (!sender) throw new AppError(AppErrorCode.Unavailable, 'Live chat is not available on this server.');
  await sender.showTypingToResident(options.conversationId, options.typing);
}
