// 5.10: a reasonable adjustment the resident asked for; agreed ones carry a review date.
import type { ServerContext } from '../context.ts';
import { agreedAdjustmentProblem, civilDateInLondon, civilDateToDbDate, nextReviewProblem } from '../domain/index.ts';
import type { TCreateAdjustment, TResidentPanel } from '../schemas/index.ts';
import { adjustmentDto } from './residentPanelDto.ts';
import { assertNoProblem, assertResidentExists, auditResidentChange, publishResidentPanel } from './residentChanges.ts';

export async function addReasonableAdjustment(ctx: ServerContext, options: TCreateAdjustment & { residentId: string; actorId: string }): Promise<TResidentPanel> {
  const now = ctx.now();
  const today = civilDateInLondon(now);
  assertNoProblem(agreedAdjustmentProblem(options.status, options.reviewOn ?? null));
  if (options.reviewOn) assertNoProblem(nextReviewProblem('5.10', options.reviewOn, today));
  await ctx.prisma.$transaction(async (tx) => {
    await assertResidentExists(tx, options.residentId);
    const created = await tx.reasonableAdjustment.create({
      data: {
        residentId: options.residentId,
        kind: options.kind,
        details: options.details,
        status: options.status,
        agreedAt: options.status === 'agreed' ? now : null,
        reviewOn: options.reviewOn ? civilDateToDbDate(options.reviewOn) : null,
        recordedBy: 'staff',
      },
    });
    await auditResidentChange(tx, {
      actorId: options.actorId,
      residentId: options.residentId,
      action: 'reasonable_adjustment.added',
      entityType: 'ReasonableAdjustment',
      entityId: created.id,
      after: adjustmentDto(created, today),
      at: now,
    });
  });
  return publishResidentPanel(ctx, options.residentId);
}
