// 5.10: reasonable adjustments in place and reviews overdue, as at a day (the end of the period,
// or today while the period is still running). Uses each adjustment's current status.
import type { CivilDate } from '../civilDate.ts';
import type { AdjustmentKind, ReportAdjustment } from './reportCase.ts';

export const ADJUSTMENT_KINDS: readonly AdjustmentKind[] = [
  'large_print',
  'language',
  'text_only',
  'call_times',
  'support_worker',
  'easy_read',
  'braille',
  'audio',
  'sign_language',
  'other',
];

export interface AdjustmentFigures {
  asOf: CivilDate;
  inPlace: number;
  byKind: Record<AdjustmentKind, number>;
  reviewsOverdue: number;
  withoutReviewDate: number;
}

export function adjustments(list: readonly ReportAdjustment[], asOf: CivilDate): AdjustmentFigures {
  const figures: AdjustmentFigures = {
    asOf,
    inPlace: 0,
    byKind: Object.fromEntries(ADJUSTMENT_KINDS.map((k) => [k, 0])) as Record<AdjustmentKind, number>,
    reviewsOverdue: 0,
    withoutReviewDate: 0,
  };
  for (const a of list) {
    if (a.status !== 'agreed' || (a.agreedOn !== null && a.agreedOn > asOf)) continue;
    figures.inPlace += 1;
    figures.byKind[a.kind] += 1;
    if (a.reviewOn === null) figures.withoutReviewDate += 1;
    else if (a.reviewOn < asOf) figures.reviewsOverdue += 1;
  }
  return figures;
}
