// A case with its stages' timeliness worked out once, so each figure reads the same answer.
import type { ReportCase } from './reportCase.ts';
import { stageTimeliness, type StageTimeliness } from './timeliness.ts';
import type { WorkingDayIndex } from './workingDayIndex.ts';

export interface AnalysedCase {
  c: ReportCase;
  stage1: StageTimeliness;
  stage2: StageTimeliness | null;
}

export function analyseCase(c: ReportCase, index: WorkingDayIndex): AnalysedCase {
  return { c, stage1: stageTimeliness(c.stage1, index), stage2: c.stage2 ? stageTimeliness(c.stage2, index) : null };
}
