// 5.10 / 5.14: a review of an adjustment, disclosure or restriction still in force - it was looked
// at today and stays, until the next review date. The note (what was considered) goes in the audit.
import type { ServerContext } from '../context.ts';
import { civilDateInLondon, civilDateToDbDate, nextReviewProblem, restrictionDatesProblem } from '../domain/index.ts';
import type { TResidentPanel, TReviewRecord } from '../schemas/index.ts';
import { loadRecordInForce, REVIEWED_RECORDS, type ReviewedRecordKind } from './residentRecordKinds.ts';
import { assertNoProblem, auditResidentChange, publishResidentPanel, staleRecordError } from './residentChanges.ts';

export async function reviewResidentRecord(
  ctx: ServerContext,
  options: TReviewRecord & { kind: ReviewedRecordKind; residentId: string; itemId: string; actorId: string },
): Promise<TResidentPanel> {
  const spec = REVIEWED_RECORDS[options.kind];
  const now = ctx.now();
  const today = civilDateInLondon(now);
  await ctx.prisma.$transaction(async (tx) => {
    const before = await loadRecordInForce(tx, spec, { ...options, whenEnded: 'has ended, so there is nothing to review.' });
    assertNoProblem(before.startsOn ? restrictionDatesProblem(before.startsOn, options.nextReviewOn, today) : nextReviewProblem(spec.provision, options.nextReviewOn, today));
    const changed = await spec.review(tx, options.itemId, options.version, { reviewOn: civilDateToDbDate(options.nextReviewOn), reviewedAt: now });
    if (changed === 0) throw await staleRecordError(tx, spec.entityType, options.itemId, spec.what);
    const after = await spec.load(tx, options.itemId);
    await auditResidentChange(tx, {
      actorId: options.actorId,
      residentId: options.residentId,
      action: `${spec.auditAction}.reviewed`,
      entityType: spec.entityType,
      entityId: options.itemId,
      before: before.dto(today),
      after: { ...(after?.dto(today) as object), reviewNote: options.note ?? null },
      at: now,
    });
  });
  return publishResidentPanel(ctx, options.residentId);
}
