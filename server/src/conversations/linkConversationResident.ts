// POST /api/conversations/:id/resident: says whose conversation this is. Audited (5.12): it
// decides whose record the chat, and anything logged from it, joins.
import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { Db } from '../complaints/caseRow.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TConversationSummary } from '../schemas/index.ts';
import { publishConversationUpdated } from './conversationSummary.ts';

export interface LinkConversationResidentOptions {
  conversationId: string;
  residentId: string;
  actorId: string;
}

/** Loads the conversation (404 when missing) and links the resident inside the caller's transaction. */
export async function linkResidentInTx(tx: Db, options: LinkConversationResidentOptions, now: Date) {
  const conversation = await tx.conversation.findUnique({
    where: { id: options.conversationId },
    select: { id: true, channel: true, residentId: true, complaintOfferedAt: true },
  });
  if (!conversation) throw new AppError(AppErrorCode.NotFound, 'There is no conversation with that id.');
  const resident = await tx.resident.findUnique({ where: { id: options.residentId }, select: { id: true, anonymisedAt: true } });
  if (!resident || resident.anonymisedAt) throw new AppError(AppErrorCode.InvalidRequest, 'residentId: There is no resident with that id. Search again or add the resident.');
  if (conversation.residentId !== options.residentId) {
    await tx.conversation.update({ where: { id: conversation.id }, data: { residentId: options.residentId, version: { increment: 1 } } });
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: options.actorId },
      action: 'conversation.resident_linked',
      entityType: 'Conversation',
      entityId: conversation.id,
      conversationId: conversation.id,
      residentId: options.residentId,
      before: { residentId: conversation.residentId },
      after: { residentId: options.residentId },
      at: now,
    });
  }
  return conversation;
}

export async function linkConversationResident(ctx: ServerContext, options: LinkConversationResidentOptions): Promise<TConversationSummary> {
  await ctx.prisma.$transaction((tx) => linkResidentInTx(tx, options, ctx.now()));
  const summary = await publishConversationUpdated(ctx, options.conversationId);
  if (!summary) throw new AppError(AppErrorCode.NotFound, 'There is no conversation with that id.');
  return summary;
}
