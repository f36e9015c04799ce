// 5.10: agree or decline a requested adjustment, change what it is, or move its review date.
import type { ServerContext } from '../context.ts';
import { agreedAdjustmentProblem, civilDateFromDbDate, civilDateInLondon, civilDateToDbDate, nextReviewProblem } from '../domain/index.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TResidentPanel, TUpdateAdjustment } from '../schemas/index.ts';
import { adjustmentDto, adjustmentInForce } from './residentPanelDto.ts';
import { assertNoProblem, auditResidentChange, notFound, publishResidentPanel, staleRecordError } from './residentChanges.ts';

export async function updateReasonableAdjustment(
  ctx: ServerContext,
  options: TUpdateAdjustment & { residentId: string; adjustmentId: string; actorId: string },
): Promise<TResidentPanel> {
  const now = ctx.now();
  const today = civilDateInLondon(now);
  await ctx.prisma.$transaction(async (tx) => {
    const before = await tx.reasonableAdjustment.findUnique({ where: { id: options.adjustmentId } });
    if (before?.residentId !== options.residentId) throw notFound('reasonable adjustment');
    if (before.version !== options.version) throw await staleRecordError(tx, 'ReasonableAdjustment', before.id, 'reasonable adjustment');
    if (!adjustmentInForce(before)) throw new AppError(AppErrorCode.InvalidRequest, 'This adjustment has ended. Record a new one if it is needed again.');
    const status = options.status ?? before.status;
    const reviewOn = options.reviewOn ?? (before.reviewOn ? civilDateFromDbDate(before.reviewOn) : null);
    assertNoProblem(agreedAdjustmentProblem(status, reviewOn));
    if (options.reviewOn) assertNoProblem(nextReviewProblem('5.10', options.reviewOn, today));
    const { count } = await tx.reasonableAdjustment.updateMany({
      where: { id: before.id, version: options.version },
      data: {
        ...(options.kind ? { kind: options.kind } : {}),
        ...(options.details ? { details: options.details } : {}),
        status,
        agreedAt: status === 'agreed' ? (before.agreedAt ?? now) : null,
        reviewOn: reviewOn ? civilDateToDbDate(reviewOn) : null,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw await staleRecordError(tx, 'ReasonableAdjustment', before.id, 'reasonable adjustment');
    const after = await tx.reasonableAdjustment.findUniqueOrThrow({ where: { id: before.id } });
    await auditResidentChange(tx, {
      actorId: options.actorId,
      residentId: options.residentId,
      action: 'reasonable_adjustment.updated',
      entityType: 'ReasonableAdjustment',
      entityId: before.id,
      before: adjustmentDto(before, today),
      after: adjustmentDto(after, today),
      at: now,
    });
  });
  return publishResidentPanel(ctx, options.residentId);
}
