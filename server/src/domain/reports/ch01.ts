// TSM CH01, complaints relative to the size of the landlord: stage 1 and stage 2 complaints
// received in the period per 1,000 homes (README, "Reports: definitions").
//
// Received in the period: stage 1 counts on the London date the complaint was received (the
// Code's clock starts there), stage 2 on the date the resident asked for it (6.11). A complaint
// refused at that stage (2.1-2.5: not accepted into the procedure) is not a complaint received
// at that stage; refusals are reported on their own (8.1b).
import type { Stage } from '../deadlines.ts';
import { inPeriod, type DateRange } from './period.ts';
import { refusedAt, stageRecord, type ReportCase } from './reportCase.ts';
import { roundTo } from './timeliness.ts';

export interface Ch01Stage {
  received: number;
  /** To one decimal place; null until the number of homes is set. */
  perThousandHomes: number | null;
}

export interface Ch01 {
  homes: number | null;
  stage1: Ch01Stage;
  stage2: Ch01Stage;
}

export function receivedAtStage(c: ReportCase, stage: Stage, period: DateRange): boolean {
  const s = stageRecord(c, stage);
  return s !== null && inPeriod(s.startedOn, period) && !refusedAt(c, stage);
}

export function perThousandHomes(count: number, homes: number | null): number | null {
  return homes === null || homes <= 0 ? null : roundTo((count / homes) * 1000, 1);
}

export function ch01(cases: readonly ReportCase[], period: DateRange, homes: number | null): Ch01 {
  let stage1 = 0;
  let stage2 = 0;
  for (const c of cases) {
    if (receivedAtStage(c, 'stage_1', period)) stage1 += 1;
    if (receivedAtStage(c, 'stage_2', period)) stage2 += 1;
  }
  return {
    homes,
    stage1: { received: stage1, perThousandHomes: perThousandHomes(stage1, homes) },
    stage2: { received: stage2, perThousandHomes: perThousandHomes(stage2, homes) },
  };
}
