// 8.1(b) and 2.1-2.5: complaints refused in the period, by the reason the policy allows.
import { REFUSAL_REASONS } from '../lifecycle/vocabulary.ts';
import type { RefusalReason } from '../lifecycle/vocabulary.ts';
import { inPeriod, type DateRange } from './period.ts';
import type { ReportCase } from './reportCase.ts';

/** Longer than the refusal form's labels: the annual report names the provision (8.1b). */
export const REFUSAL_REASON_REPORT_LABELS: Record<RefusalReason, string> = {
  over_12_months: 'The issue arose more than 12 months before it was raised (2.3)',
  legal_proceedings: 'Legal proceedings had started (2.3)',
  previously_considered: 'The matter had already been considered under the complaints policy (2.3)',
  other: 'Another reason set out in the policy (2.2), explained to the resident',
};

export interface RefusalFigures {
  total: number;
  atStage1: number;
  /** Escalations declined (2.2). */
  atStage2: number;
  byReason: Record<RefusalReason, number>;
}

export function refusals(cases: readonly ReportCase[], period: DateRange): RefusalFigures {
  const figures: RefusalFigures = {
    total: 0,
    atStage1: 0,
    atStage2: 0,
    byReason: Object.fromEntries(REFUSAL_REASONS.map((r) => [r, 0])) as Record<RefusalReason, number>,
  };
  for (const c of cases) {
    if (!c.refusal || !inPeriod(c.refusal.decidedOn, period)) continue;
    figures.total += 1;
    if (c.refusal.stage === 'stage_1') figures.atStage1 += 1;
    else figures.atStage2 += 1;
    figures.byReason[c.refusal.reasonCode] += 1;
  }
  return figures;
}
