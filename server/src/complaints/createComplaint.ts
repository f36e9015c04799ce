import { randomUUID } from 'node:crypto';
import type { ServerContext } from '../context.ts';
import { getWorkingCalendar } from '../calendar/workingCalendar.ts';
import { civilDateInLondon, civilDateToDbDate, issueOverTwelveMonths, openCase } from '../domain/index.ts';
import type { WorkingCalendar } from '../domain/index.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TCreateComplaint } from '../schemas/index.ts';
import { allocateComplaintReference } from './allocateReference.ts';
import type { Db } from './caseRow.ts';
import type { ComplaintDto } from './complaintDto.ts';
import { getComplaint } from './getComplaint.ts';
import { recordCaseEvents } from './recordCaseEvents.ts';
import { underCodeRules } from './ruleErrors.ts';

export interface CreateComplaintOptions extends TCreateComplaint {
  actorId: string;
  /** 6.8: the case this one was opened from (a related issue raised after its stage 1 response). */
  relatedToId?: string | null;
}

async function assertLinksExist(tx: Db, options: CreateComplaintOptions): Promise<void> {
  const missing = (what: string) => new AppError(AppErrorCode.InvalidRequest, `There is no ${what} with that id.`);
  if (!(await tx.resident.findUnique({ where: { id: options.residentId }, select: { id: true } }))) throw missing('resident');
  if (options.representativeId) {
    const rep = await tx.representative.findUnique({ where: { id: options.representativeId }, select: { residentId: true } });
    if (rep?.residentId !== options.residentId) throw missing('representative of this resident');
  }
  if (options.conversationId && !(await tx.conversation.findUnique({ where: { id: options.conversationId }, select: { id: true } }))) {
    throw missing('conversation');
  }
  if (options.serviceRequestId && !(await tx.serviceRequest.findUnique({ where: { id: options.serviceRequestId }, select: { id: true } }))) {
    throw missing('service request');
  }
  if (options.handlerId && !(await tx.staffUser.findFirst({ where: { id: options.handlerId, active: true }, select: { id: true } }))) {
    throw missing('active member of staff');
  }
}

/** 2.3: the start of the issue is flagged when over 12 months old; refusing stays a person's decision. */
function twelveMonthFlag(options: CreateComplaintOptions): boolean {
  if (!options.issueStartedOn) return false;
  if (options.issueStartedOn > civilDateInLondon(options.receivedAt)) {
    throw new AppError(AppErrorCode.InvalidRequest, 'issueStartedOn: The problem cannot have started after the complaint was received');
  }
  return issueOverTwelveMonths(options.issueStartedOn, options.receivedAt);
}

/** Inserts the complaint and its audit rows inside the caller's transaction; returns its id. */
export async function insertComplaint(
  tx: Db,
  ctx: ServerContext,
  options: CreateComplaintOptions,
  clock: { now: Date; calendar: WorkingCalendar },
): Promise<string> {
  const { now, calendar } = clock;
  await assertLinksExist(tx, options);
  const flaggedOverTwelveMonths = twelveMonthFlag(options);
  const reference = await allocateComplaintReference(tx, options.receivedAt);
  const { snapshot, events } = underCodeRules(() =>
    openCase(
      { id: randomUUID(), reference, receivedAt: options.receivedAt, handlerId: options.handlerId ?? null },
      { now, calendar, actorId: options.actorId, newId: randomUUID },
    ),
  );
  const s = snapshot.stage1;
  await tx.complaint.create({
    data: {
      id: snapshot.id,
      reference,
      residentId: options.residentId,
      representativeId: options.representativeId ?? null,
      conversationId: options.conversationId ?? null,
      serviceRequestId: options.serviceRequestId ?? null,
      relatedToId: options.relatedToId ?? null,
      channel: options.channel,
      receivedAt: options.receivedAt,
      issueStartedOn: options.issueStartedOn ? civilDateToDbDate(options.issueStartedOn) : null,
      flaggedOverTwelveMonths,
      summary: options.summary,
      stage: snapshot.stage,
      status: snapshot.status,
      currentHandlerId: s.handlerId,
      currentDueOn: civilDateToDbDate(s.acknowledgementDueOn),
      createdAt: now,
      stages: {
        create: { stage: 'stage_1', handlerId: s.handlerId, startedAt: s.startedAt, acknowledgementDueOn: civilDateToDbDate(s.acknowledgementDueOn) },
      },
    },
  });
  // The engine's receipt event knows nothing of the 12-month flag; the audit row should (5.12).
  const audited = events.map((e) =>
    e.type === 'complaint.received' && e.after ? { ...e, after: { ...e.after, flaggedOverTwelveMonths } } : e,
  );
  await recordCaseEvents(tx, { events: audited, after: snapshot, residentId: options.residentId, letters: ctx.config.letters, now });
  return snapshot.id;
}

/**
 * A complaint logged by staff from a call, letter, email, visit or a conversation (3.1, 1.3). The
 * clock starts when dissatisfaction was expressed (receivedAt), not when it was typed in (6.2).
 */
export async function createComplaint(ctx: ServerContext, options: CreateComplaintOptions): Promise<ComplaintDto> {
  const now = ctx.now();
  const calendar = await getWorkingCalendar(ctx.prisma);
  const id = await ctx.prisma.$transaction((tx) => insertComplaint(tx, ctx, options, { now, calendar }));
  const dto = await getComplaint(ctx, { id });
  ctx.broadcaster.toStaff({ type: 'complaint.created', payload: { complaint: dto } });
  return dto;
}
