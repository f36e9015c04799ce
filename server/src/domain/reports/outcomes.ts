// Outcomes of the responses issued in the period (upheld, partly upheld, not upheld) and the
// remedies of 7.1: offered in the period by kind, and financial remedies paid in the period.
import { STAGES } from '../deadlines.ts';
import { DECISIONS, REMEDY_KINDS } from '../lifecycle/vocabulary.ts';
import type { Decision, RemedyKind } from '../lifecycle/vocabulary.ts';
import type { PerStage } from './handlingTimes.ts';
import { inPeriod, type DateRange } from './period.ts';
import type { ReportCase } from './reportCase.ts';

export type DecisionCounts = Record<Decision, number>;

export interface RemedyFigures {
  /** Remedies offered in the period, by kind (7.1). */
  offeredByKind: Record<RemedyKind, number>;
  offered: number;
  financialOffered: number;
  financialOfferedPence: number;
  /** Financial remedies marked done (paid) in the period, whenever offered. */
  compensationPaid: number;
  compensationPaidPence: number;
}

export function outcomes(cases: readonly ReportCase[], period: DateRange): PerStage<DecisionCounts> {
  const result = {} as PerStage<DecisionCounts>;
  for (const stage of STAGES) {
    const counts = Object.fromEntries(DECISIONS.map((d) => [d, 0])) as DecisionCounts;
    for (const c of cases) {
      const s = stage === 'stage_1' ? c.stage1 : c.stage2;
      if (s && s.decision && inPeriod(s.respondedOn, period)) counts[s.decision] += 1;
    }
    result[stage] = counts;
  }
  return result;
}

export function remedies(cases: readonly ReportCase[], period: DateRange): RemedyFigures {
  const figures: RemedyFigures = {
    offeredByKind: Object.fromEntries(REMEDY_KINDS.map((k) => [k, 0])) as Record<RemedyKind, number>,
    offered: 0,
    financialOffered: 0,
    financialOfferedPence: 0,
    compensationPaid: 0,
    compensationPaidPence: 0,
  };
  for (const c of cases) {
    for (const r of c.remedies) {
      const pence = r.kind === 'financial' ? (r.amountPence ?? 0) : 0;
      if (inPeriod(r.offeredOn, period)) {
        figures.offered += 1;
        figures.offeredByKind[r.kind] += 1;
        if (r.kind === 'financial') {
          figures.financialOffered += 1;
          figures.financialOfferedPence += pence;
        }
      }
      if (r.kind === 'financial' && inPeriod(r.doneOn, period)) {
        figures.compensationPaid += 1;
        figures.compensationPaidPence += pence;
      }
    }
  }
  return figures;
}
