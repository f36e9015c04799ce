// TSM CH02, complaints responded to within Complaint Handling Code timescales: of the stage 1
// (stage 2) responses issued in the period, whatever the date the complaint came in, the share
// issued by the Code's due date (timeliness.ts: from the acknowledgement, never later than the
// acknowledgement was due, plus extensions made in time and within the Code's limits).
import type { Stage } from '../deadlines.ts';
import type { AnalysedCase } from './analysedCase.ts';
import { inPeriod, type DateRange } from './period.ts';
import { percentOf } from './timeliness.ts';

export interface Ch02Stage {
  responded: number;
  withinTimescale: number;
  /** To one decimal place; null when nothing was responded to. */
  percent: number | null;
}

export interface Ch02 {
  stage1: Ch02Stage;
  stage2: Ch02Stage;
}

export function respondedAtStage(a: AnalysedCase, stage: Stage, period: DateRange): boolean {
  const s = stage === 'stage_1' ? a.c.stage1 : a.c.stage2;
  return s !== null && inPeriod(s.respondedOn, period);
}

function stageFigures(cases: readonly AnalysedCase[], stage: Stage, period: DateRange): Ch02Stage {
  let responded = 0;
  let withinTimescale = 0;
  for (const a of cases) {
    if (!respondedAtStage(a, stage, period)) continue;
    responded += 1;
    const t = stage === 'stage_1' ? a.stage1 : a.stage2;
    if (t?.respondedInTime) withinTimescale += 1;
  }
  return { responded, withinTimescale, percent: percentOf(withinTimescale, responded) };
}

export function ch02(cases: readonly AnalysedCase[], period: DateRange): Ch02 {
  return { stage1: stageFigures(cases, 'stage_1', period), stage2: stageFigures(cases, 'stage_2', period) };
}
