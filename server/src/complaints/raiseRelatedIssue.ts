// 6.8: "New related issues raised before the stage 1 response go into it; otherwise they are a new
// complaint." The engine's routeNewIssue decides; the version check makes sure it decided on the
// case as the caller saw it, so the branch taken here is the one the caller was shown.
import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { getWorkingCalendar } from '../calendar/workingCalendar.ts';
import { addRelatedIssue, routeNewIssue } from '../domain/index.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TRaiseRelatedIssue } from '../schemas/index.ts';
import { applyCaseOperation, type CaseActor } from './applyCaseOperation.ts';
import type { ComplaintDto } from './complaintDto.ts';
import { insertComplaint } from './createComplaint.ts';
import { getComplaint } from './getComplaint.ts';
import { loadCaseSnapshot } from './loadCaseSnapshot.ts';
import { assertVersion, staleVersionError } from './staleVersion.ts';
import { assertMayDoCaseWork } from './stageOwnership.ts';

export interface RaiseRelatedIssueOptions extends TRaiseRelatedIssue, CaseActor {
  complaintId: string;
}

export type RaiseRelatedIssueResult =
  | { outcome: 'added_to_case'; complaint: ComplaintDto }
  | { outcome: 'new_case'; complaint: ComplaintDto; relatedTo: string };

export async function raiseRelatedIssue(ctx: ServerContext, options: RaiseRelatedIssueOptions): Promise<RaiseRelatedIssueResult> {
  const now = ctx.now();
  if (options.raisedAt && options.raisedAt > now) {
    throw new AppError(AppErrorCode.InvalidRequest, 'raisedAt: The new issue cannot have been raised in the future');
  }
  const { snapshot } = await loadCaseSnapshot(ctx.prisma, options.complaintId);
  // Either branch is work on this case, by whoever owns its stage.
  assertMayDoCaseWork(options.actorRoles, 'addRelatedIssue', snapshot.stage);
  if (options.raisedAt && options.raisedAt < snapshot.receivedAt) {
    throw new AppError(AppErrorCode.InvalidRequest, 'raisedAt: A new issue cannot have been raised before the complaint was received');
  }
  const issue = { related: true, wouldUnreasonablyDelay: options.wouldUnreasonablyDelay ?? false };
  const route = routeNewIssue(snapshot, issue);
  if (route.route === 'add_to_case') {
    const complaint = await applyCaseOperation(ctx, {
      complaintId: options.complaintId,
      version: options.version,
      actorId: options.actorId,
      actorRoles: options.actorRoles,
      work: 'addRelatedIssue',
      eventType: 'complaint.related_issue_added',
      issueChannel: options.channel ?? null,
      operate: (s, opCtx) =>
        addRelatedIssue(s, { ...issue, description: options.description, raisedAt: options.raisedAt ?? null, definition: options.definition ?? null }, opCtx),
    });
    return { outcome: 'added_to_case', complaint };
  }
  return openLinkedCase(ctx, options, route.reason);
}

/** After the stage 1 response: a new complaint for the same resident, linked to the first, audited on both. */
async function openLinkedCase(ctx: ServerContext, options: RaiseRelatedIssueOptions, reason: string): Promise<RaiseRelatedIssueResult> {
  const now = ctx.now();
  const calendar = await getWorkingCalendar(ctx.prisma);
  const { newId, first } = await ctx.prisma.$transaction(async (tx) => {
    const { row } = await loadCaseSnapshot(tx, options.complaintId);
    assertMayDoCaseWork(options.actorRoles, 'addRelatedIssue', row.stage);
    await assertVersion(tx, row.id, row.version, options.version);
    // The first case gains a linked case, so its version moves on like any other change to it.
    const bumped = await tx.complaint.updateMany({ where: { id: row.id, version: row.version }, data: { version: { increment: 1 } } });
    if (bumped.count !== 1) throw await staleVersionError(tx, row.id);
    const newId = await insertComplaint(
      tx,
      ctx,
      {
        residentId: row.residentId,
        representativeId: row.representativeId ?? undefined,
        channel: options.channel ?? row.channel,
        // 6.2: the new complaint's clock starts when the issue was raised.
        receivedAt: options.raisedAt ?? now,
        summary: options.description,
        actorId: options.actorId,
        relatedToId: row.id,
      },
      { now, calendar },
    );
    const newRow = await tx.complaint.findUniqueOrThrow({ where: { id: newId }, select: { reference: true } });
    const actor = { type: 'staff' as const, staffId: options.actorId };
    await recordAudit(tx, {
      actor, action: 'complaint.related_case_opened', entityType: 'complaint', entityId: row.id, complaintId: row.id, residentId: row.residentId,
      after: { relatedCaseId: newId, relatedCaseReference: newRow.reference, description: options.description, reason }, at: now,
    });
    await recordAudit(tx, {
      actor, action: 'complaint.linked', entityType: 'complaint', entityId: newId, complaintId: newId, residentId: row.residentId,
      after: { relatedToId: row.id, relatedToReference: row.reference, reason }, at: now,
    });
    return { newId, first: { id: row.id, reference: row.reference } };
  });
  const complaint = await getComplaint(ctx, { id: newId });
  ctx.broadcaster.toStaff({ type: 'complaint.created', payload: { complaint } });
  const firstDto = await getComplaint(ctx, { id: first.id });
  ctx.broadcaster.toStaff({ type: 'complaint.related_case_opened', payload: { complaint: firstDto } });
  return { outcome: 'new_case', complaint, relatedTo: first.reference };
}
