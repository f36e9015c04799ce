// GET /api/triage: what needs a person now. Handoffs and unanswered complaint offers come from
// the conversations; complaints awaiting acknowledgement carry the Code engine's deadline summary
// (working days left), never a count the browser works out.
import type { ServerContext } from '../context.ts';
import { getWorkingCalendar } from '../calendar/workingCalendar.ts';
import { civilDateFromDbDate, civilDateInLondon, summariseDeadline } from '../domain/index.ts';
import { compareTriageConversations, type TAwaitingAcknowledgement, type TTriageQueue } from '../schemas/index.ts';
import { CONVERSATION_SUMMARY_INCLUDE, residentName, toConversationSummary } from './conversationSummary.ts';

/** A queue longer than this is a staffing problem the screen cannot solve; it shows the first ones. */
export const TRIAGE_LIMIT = 200;

export async function getTriageQueue(ctx: ServerContext): Promise<TTriageQueue> {
  const [conversations, complaints, calendar] = await Promise.all([
    ctx.prisma.conversation.findMany({
      where: { OR: [{ state: { in: ['awaiting_staff', 'with_staff'] } }, { state: 'bot', complaintOfferedAt: { not: null } }] },
      orderBy: [{ urgent: 'desc' }, { handoffRequestedAt: { sort: 'asc', nulls: 'last' } }, { complaintOfferedAt: 'asc' }, { id: 'asc' }],
      take: TRIAGE_LIMIT,
      include: CONVERSATION_SUMMARY_INCLUDE,
    }),
    ctx.prisma.complaint.findMany({
      where: { status: 'received', currentDueOn: { not: null } },
      orderBy: [{ currentDueOn: 'asc' }, { receivedAt: 'asc' }, { id: 'asc' }],
      take: TRIAGE_LIMIT,
      include: { resident: { select: { id: true, fullName: true, preferredName: true } } },
    }),
    getWorkingCalendar(ctx.prisma),
  ]);
  const handlerIds = [...new Set(complaints.map((c) => c.currentHandlerId).filter((id): id is string => id !== null))];
  const handlers = handlerIds.length ? await ctx.prisma.staffUser.findMany({ where: { id: { in: handlerIds } }, select: { id: true, name: true } }) : [];
  const handlerById = new Map(handlers.map((h) => [h.id, h]));
  const today = civilDateInLondon(ctx.now());
  return {
    conversations: conversations.map(toConversationSummary).sort(compareTriageConversations),
    awaitingAcknowledgement: complaints.map(
      (c): TAwaitingAcknowledgement => ({
        complaintId: c.id,
        reference: c.reference,
        stage: c.stage,
        channel: c.channel,
        receivedAt: c.receivedAt.toISOString(),
        resident: { id: c.resident.id, name: residentName(c.resident) },
        handler: (c.currentHandlerId && handlerById.get(c.currentHandlerId)) || null,
        // currentDueOn is the acknowledgement deadline while the complaint is `received` (6.2, 6.11).
        deadline: summariseDeadline(civilDateFromDbDate(c.currentDueOn!), today, calendar),
      }),
    ),
  };
}
