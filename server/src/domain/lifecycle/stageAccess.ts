// Reading and replacing the record of the stage a case is at (stage 1 or stage 2).
import type { CaseSnapshot, StageRecord } from './caseSnapshot.ts';

/** The record of the stage the case is at. */
export function currentStageRecord(c: CaseSnapshot): StageRecord {
  if (c.stage === 'stage_1') return c.stage1;
  if (!c.stage2) throw new Error(`Case ${c.reference} is at stage 2 but has no stage 2 record`);
  return c.stage2;
}

export function withCurrentStage(c: CaseSnapshot, record: StageRecord): CaseSnapshot {
  return c.stage === 'stage_1' ? { ...c, stage1: record } : { ...c, stage2: record };
}
