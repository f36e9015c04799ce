// POST /api/conversations/:id/release: the conversation goes back to the bot, which answers the
// resident's next message afresh. The person holding it releases it; a complaints officer or an
// admin may release someone else's (they are away, or it has been left).
import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TConversationSummary, TStaffSessionUser } from '../schemas/index.ts';
import { publishConversationUpdated } from './conversationSummary.ts';

/** Roles that may release a conversation someone else holds. */
export const SUPERVISOR_ROLES = ['complaints_officer', 'admin'] as const;

export interface ReleaseConversationOptions {
  conversationId: string;
  actor: TStaffSessionUser;
}

export async function releaseConversation(ctx: ServerContext, options: ReleaseConversationOptions): Promise<TConversationSummary> {
  const { conversationId: id, actor } = options;
  const now = ctx.now();
  await ctx.prisma.$transaction(async (tx) => {
    const current = await tx.conversation.findUnique({
      where: { id },
      select: { state: true, claimedById: true, urgent: true, handoffReason: true, residentId: true, claimedBy: { select: { name: true } } },
    });
    if (!current) throw new AppError(AppErrorCode.NotFound, 'There is no conversation with that id.');
    if (!current.claimedById || !current.claimedBy) {
      throw new AppError(AppErrorCode.Conflict, 'Nobody is handling this conversation, so there is nothing to release. Claim it first.');
    }
    const supervisor = actor.roles.some((role) => (SUPERVISOR_ROLES as readonly string[]).includes(role));
    if (current.claimedById !== actor.id && !supervisor) {
      throw new AppError(AppErrorCode.Forbidden, `${current.claimedBy.name} is handling this conversation; only they or a complaints officer can hand it back to the bot.`);
    }
    const { count } = await tx.conversation.updateMany({
      where: { id, claimedById: current.claimedById },
      data: { state: 'bot', claimedById: null, claimedAt: null, urgent: false, handoffReason: null, handoffRequestedAt: null, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError(AppErrorCode.Conflict, 'Someone else changed this conversation just now. Reload it and try again.');
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: actor.id },
      action: 'conversation.released',
      entityType: 'Conversation',
      entityId: id,
      conversationId: id,
      ...(current.residentId ? { residentId: current.residentId } : {}),
      before: { state: current.state, claimedById: current.claimedById, urgent: current.urgent, handoffReason: current.handoffReason },
      after: { state: 'bot', claimedById: null },
      at: now,
    });
  });
  const summary = await publishConversationUpdated(ctx, id);
  if (!summary) throw new AppError(AppErrorCode.NotFound, 'There is no conversation with that id.');
  return summary;
}
