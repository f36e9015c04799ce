// Acknowledgements within 5 working days (6.2, 6.11), responses within 10 / 20 working days
// (6.3, 6.14), and how long responses took: of the steps taken in the period.
import type { Stage } from '../deadlines.ts';
import { STAGES } from '../deadlines.ts';
import type { AnalysedCase } from './analysedCase.ts';
import { inPeriod, type DateRange } from './period.ts';
import { mean, percentOf, percentile } from './timeliness.ts';

export interface AcknowledgementFigures {
  acknowledged: number;
  withinFiveWorkingDays: number;
  percent: number | null;
}

export interface ResponseFigures {
  responded: number;
  /** Within the Code's timescale including extensions that count (= CH02). */
  withinTimescale: number;
  /** Within 10 (stage 1) or 20 (stage 2) working days, no extension needed. */
  withoutExtension: number;
  late: number;
  /** Working days from the stage starting to the response. */
  meanWorkingDays: number | null;
  p90WorkingDays: number | null;
}

export type PerStage<T> = Record<Stage, T>;

const timelinessOf = (a: AnalysedCase, stage: Stage) => (stage === 'stage_1' ? a.stage1 : a.stage2);
const recordOf = (a: AnalysedCase, stage: Stage) => (stage === 'stage_1' ? a.c.stage1 : a.c.stage2);

export function acknowledgements(cases: readonly AnalysedCase[], period: DateRange): PerStage<AcknowledgementFigures> {
  const figures = {} as PerStage<AcknowledgementFigures>;
  for (const stage of STAGES) {
    let acknowledged = 0;
    let within = 0;
    for (const a of cases) {
      if (!inPeriod(recordOf(a, stage)?.acknowledgedOn, period)) continue;
      acknowledged += 1;
      if (timelinessOf(a, stage)?.acknowledgedInTime) within += 1;
    }
    figures[stage] = { acknowledged, withinFiveWorkingDays: within, percent: percentOf(within, acknowledged) };
  }
  return figures;
}

export function responseTimes(cases: readonly AnalysedCase[], period: DateRange): PerStage<ResponseFigures> {
  const figures = {} as PerStage<ResponseFigures>;
  for (const stage of STAGES) {
    const days: number[] = [];
    let withinTimescale = 0;
    let withoutExtension = 0;
    for (const a of cases) {
      if (!inPeriod(recordOf(a, stage)?.respondedOn, period)) continue;
      const t = timelinessOf(a, stage);
      if (!t) continue;
      days.push(t.workingDaysToRespond as number);
      if (t.respondedInTime) withinTimescale += 1;
      if (t.respondedWithoutExtension) withoutExtension += 1;
    }
    figures[stage] = {
      responded: days.length,
      withinTimescale,
      withoutExtension,
      late: days.length - withinTimescale,
      meanWorkingDays: mean(days),
      p90WorkingDays: percentile(days, 90),
    };
  }
  return figures;
}
