// GET /api/conversations/:id: the conversation with its messages (oldest first), who on the staff
// wrote in it, a short summary of the resident, and the prefill for logging it as a complaint.
import type { ServerContext } from '../context.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TConversationDetail, TResidentCard } from '../schemas/index.ts';
import { CONVERSATION_MESSAGE_SELECT, toConversationMessage } from './messageEvents.ts';
import { CONVERSATION_SUMMARY_INCLUDE, residentName, toConversationSummary } from './conversationSummary.ts';
import { complaintDraft } from './triageRules.ts';

/** The most recent messages shown; a longer history stays in the database and the audit trail. */
export const CONVERSATION_MESSAGE_LIMIT = 500;
const CARD_ITEMS = 10;

export async function getConversation(ctx: ServerContext, options: { id: string }): Promise<TConversationDetail> {
  const row = await ctx.prisma.conversation.findUnique({ where: { id: options.id }, include: CONVERSATION_SUMMARY_INCLUDE });
  if (!row) throw new AppError(AppErrorCode.NotFound, 'There is no conversation with that id.');
  const newestFirst = await ctx.prisma.message.findMany({
    where: { conversationId: row.id },
    orderBy: { seq: 'desc' },
    take: CONVERSATION_MESSAGE_LIMIT,
    select: { ...CONVERSATION_MESSAGE_SELECT, classification: true, staffUser: { select: { name: true } } },
  });
  const messages = newestFirst.reverse();
  const staffNames: Record<string, string> = {};
  for (const m of messages) if (m.staffUserId && m.staffUser) staffNames[m.staffUserId] = m.staffUser.name;
  if (row.claimedBy) staffNames[row.claimedBy.id] = row.claimedBy.name;
  const draft = complaintDraft(messages, row);
  return {
    conversation: toConversationSummary(row),
    messages: messages.map(({ classification: _c, staffUser: _s, ...m }) => toConversationMessage(m)),
    staffNames,
    resident: row.residentId ? await residentCard(ctx, row.residentId) : null,
    complaintDraft: { summary: draft.summary, receivedAt: draft.receivedAt.toISOString() },
  };
}

async function residentCard(ctx: ServerContext, residentId: string): Promise<TResidentCard | null> {
  const resident = await ctx.prisma.resident.findUnique({
    where: { id: residentId },
    select: {
      id: true,
      fullName: true,
      preferredName: true,
      postcode: true,
      tenancyReference: true,
      complaints: { orderBy: { receivedAt: 'desc' }, take: CARD_ITEMS, select: { id: true, reference: true, status: true, stage: true } },
      serviceRequests: { orderBy: { receivedAt: 'desc' }, take: CARD_ITEMS, select: { id: true, reference: true, status: true } },
    },
  });
  if (!resident) return null;
  return {
    id: resident.id,
    name: residentName(resident),
    postcode: resident.postcode,
    tenancyReference: resident.tenancyReference,
    complaints: resident.complaints,
    serviceRequests: resident.serviceRequests,
  };
}
