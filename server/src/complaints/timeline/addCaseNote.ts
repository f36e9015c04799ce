// 5.12: staff notes on a case, part of its record. Notes are append-only like the audit (a
// correction is a new note), do not change the case's version (so a note never makes someone's
// unsaved edit stale), and reach everyone with the case open at once.
import { recordAudit } from '../../audit/recordAudit.ts';
import type { ServerContext } from '../../context.ts';
import { AppError, AppErrorCode } from '../../http/appError.ts';
import { CASE_NOTE_ADDED_EVENT, type TAddCaseNote, type TTimelineItem } from '../../schemas/index.ts';
import { CASE_NOTE_AUDIT_ACTION } from '../staleVersion.ts';
import { toNoteItem } from './getTimeline.ts';

export interface AddCaseNoteOptions extends TAddCaseNote {
  complaintId: string;
  actorId: string;
}

export async function addCaseNote(ctx: ServerContext, options: AddCaseNoteOptions): Promise<TTimelineItem> {
  const now = ctx.now();
  const note = await ctx.prisma.$transaction(async (tx) => {
    const complaint = await tx.complaint.findUnique({ where: { id: options.complaintId }, select: { id: true, residentId: true } });
    if (!complaint) throw new AppError(AppErrorCode.NotFound, 'There is no complaint with that id.');
    const created = await tx.caseNote.create({
      data: { complaintId: complaint.id, authorId: options.actorId, body: options.body, createdAt: now },
      select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
    });
    // The audit row says a note was added, not what it says: the note itself is the record.
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: options.actorId },
      action: CASE_NOTE_AUDIT_ACTION,
      entityType: 'case_note',
      entityId: created.id,
      complaintId: complaint.id,
      residentId: complaint.residentId,
      after: { length: created.body.length },
      at: now,
    });
    return created;
  });
  const item = toNoteItem(note);
  ctx.broadcaster.toStaff({ type: CASE_NOTE_ADDED_EVENT, payload: { complaintId: options.complaintId, item } });
  return item;
}
