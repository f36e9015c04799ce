// POST /api/conversations/:id/claim: a member of staff takes the conversation. The bot stays silent
// while they hold it, and everyone else's queue shows it taken. Two people pressing "claim" at once
// cannot both win: the update only matches while nobody holds it.
import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TConversationSummary } from '../schemas/index.ts';
import { loadConversationSummary, publishConversationUpdated } from './conversationSummary.ts';

export interface ClaimConversationOptions {
  conversationId: string;
  actorId: string;
}

export function heldByError(name: string): AppError {
  return new AppError(AppErrorCode.Conflict, `${name} is already handling this conversation. Ask them, or a complaints officer, if it needs someone else.`);
}

export async function claimConversation(ctx: ServerContext, options: ClaimConversationOptions): Promise<TConversationSummary> {
  const { conversationId: id, actorId } = options;
  const now = ctx.now();
  const claimed = await ctx.prisma.$transaction(async (tx) => {
    const current = await tx.conversation.findUnique({
      where: { id },
      select: { state: true, claimedById: true, residentId: true, claimedBy: { select: { name: true } } },
    });
    if (!current) throw new AppError(AppErrorCode.NotFound, 'There is no conversation with that id.');
    if (current.claimedById === actorId) return false;
    if (current.claimedBy) throw heldByError(current.claimedBy.name);
    if (current.state === 'closed') throw new AppError(AppErrorCode.Conflict, 'This conversation has ended, so it cannot be claimed.');
    const { count } = await tx.conversation.updateMany({
      where: { id, claimedById: null, state: { not: 'closed' } },
      data: { state: 'with_staff', claimedById: actorId, claimedAt: now, version: { increment: 1 } },
    });
    if (count === 0) {
      // Someone claimed it between our read and our write.
      const winner = await tx.conversation.findUnique({ where: { id }, select: { claimedBy: { select: { name: true } } } });
      throw heldByError(winner?.claimedBy?.name ?? 'Someone else');
    }
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: actorId },
      action: 'conversation.claimed',
      entityType: 'Conversation',
      entityId: id,
      conversationId: id,
      ...(current.residentId ? { residentId: current.residentId } : {}),
      before: { state: current.state, claimedById: null },
      after: { state: 'with_staff', claimedById: actorId },
      at: now,
    });
    return true;
  });
  // Claiming again what you already hold changes nothing and tells nobody.
  const summary = claimed ? await publishConversationUpdated(ctx, id) : await loadConversationSummary(ctx.database.query, id);
  if (!summary) throw new AppError(AppErrorCode.NotFound, 'There is no conversation with that id.');
  return summary;
}
