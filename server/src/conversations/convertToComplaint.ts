// POST /api/conversations/:id/complaint: staff log the conversation as a complaint (1.3, 3.1). In
// one transaction: the resident is linked (audited), the complaint opened by the Code engine with
// the conversation's channel, and the bot's open offer closed (the resident has been answered).
import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { getWorkingCalendar } from '../calendar/workingCalendar.ts';
import type { ComplaintDto } from '../complaints/complaintDto.ts';
import { insertComplaint } from '../complaints/createComplaint.ts';
import { getComplaint } from '../complaints/getComplaint.ts';
import type { TConvertToComplaint } from '../schemas/index.ts';
import { publishConversationUpdated } from './conversationSummary.ts';
import { linkResidentInTx } from './linkConversationResident.ts';

export interface ConvertToComplaintOptions extends TConvertToComplaint {
  conversationId: string;
  actorId: string;
}

export async function convertToComplaint(ctx: ServerContext, options: ConvertToComplaintOptions): Promise<ComplaintDto> {
  const { conversationId, actorId, ...complaint } = options;
  const now = ctx.now();
  const calendar = await getWorkingCalendar(ctx.prisma);
  const complaintId = await ctx.prisma.$transaction(async (tx) => {
    const conversation = await linkResidentInTx(tx, { conversationId, residentId: complaint.residentId, actorId }, now);
    const id = await insertComplaint(tx, ctx, { ...complaint, channel: conversation.channel, conversationId, actorId }, { now, calendar });
    if (conversation.complaintOfferedAt) {
      await tx.conversation.update({ where: { id: conversationId }, data: { complaintOfferedAt: null, version: { increment: 1 } } });
    }
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: actorId },
      action: 'conversation.logged_as_complaint',
      entityType: 'Conversation',
      entityId: conversationId,
      conversationId,
      complaintId: id,
      residentId: complaint.residentId,
      after: { complaintId: id, offerClosed: conversation.complaintOfferedAt !== null },
      at: now,
    });
    return id;
  });
  const dto = await getComplaint(ctx, { id: complaintId });
  ctx.broadcaster.toStaff({ type: 'complaint.created', payload: { complaint: dto } });
  await publishConversationUpdated(ctx, conversationId);
  return dto;
}
