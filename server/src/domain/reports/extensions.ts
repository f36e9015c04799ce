// 6.4 / 6.15: extensions made in the period, how long, whether they went past the Code's limit
// (10 / 20 working days in total for the stage, allowed only with a good reason) and why.
import { CODE_TIMESCALES, STAGES } from '../deadlines.ts';
import type { AnalysedCase } from './analysedCase.ts';
import type { PerStage } from './handlingTimes.ts';
import { inPeriod, type DateRange } from './period.ts';

export interface ExtensionFigures {
  extensions: number;
  /** Cases with at least one extension made in the period. */
  cases: number;
  workingDays: number;
  /** Extensions that took the stage past 10 / 20 working days in total. */
  beyondLimit: number;
  withGoodReason: number;
}

export interface ExtensionReason {
  reason: string;
  count: number;
}

export interface ExtensionsReport {
  byStage: PerStage<ExtensionFigures>;
  /** Why: each distinct reason given, most used first (ties alphabetical). */
  reasons: ExtensionReason[];
}

export function extensionsUsed(cases: readonly AnalysedCase[], period: DateRange): ExtensionsReport {
  const reasons = new Map<string, number>();
  const byStage = {} as PerStage<ExtensionFigures>;
  for (const stage of STAGES) {
    const limit = CODE_TIMESCALES[stage].extensionLimit.workingDays;
    const figures: ExtensionFigures = { extensions: 0, cases: 0, workingDays: 0, beyondLimit: 0, withGoodReason: 0 };
    for (const a of cases) {
      const s = stage === 'stage_1' ? a.c.stage1 : a.c.stage2;
      if (!s) continue;
      let total = 0;
      let counted = false;
      for (const e of s.extensions) {
        total += e.workingDays;
        if (!inPeriod(e.createdOn, period)) continue;
        counted = true;
        figures.extensions += 1;
        figures.workingDays += e.workingDays;
        if (total > limit) figures.beyondLimit += 1;
        if (e.goodReason !== null) figures.withGoodReason += 1;
        reasons.set(e.reason, (reasons.get(e.reason) ?? 0) + 1);
      }
      if (counted) figures.cases += 1;
    }
    byStage[stage] = figures;
  }
  return {
    byStage,
    reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}
