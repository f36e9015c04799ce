// Complaints still waiting for their stage's response at a day (the end of the period, or today
// while it runs), and how many of them were past the Code's due date then.
import type { CivilDate } from '../civilDate.ts';
import { STAGES } from '../deadlines.ts';
import type { AnalysedCase } from './analysedCase.ts';
import type { PerStage } from './handlingTimes.ts';

export interface OpenFigures {
  open: number;
  /** Past the acknowledgement due date (not yet acknowledged) or the response due date. */
  overdue: number;
}

export function openAt(cases: readonly AnalysedCase[], asOf: CivilDate): PerStage<OpenFigures> {
  const result = {} as PerStage<OpenFigures>;
  for (const stage of STAGES) {
    const figures: OpenFigures = { open: 0, overdue: 0 };
    for (const a of cases) {
      const s = stage === 'stage_1' ? a.c.stage1 : a.c.stage2;
      const t = stage === 'stage_1' ? a.stage1 : a.stage2;
      if (!s || !t || s.startedOn > asOf) continue;
      if (s.respondedOn !== null && s.respondedOn <= asOf) continue;
      if (a.c.refusal && a.c.refusal.stage === stage && a.c.refusal.decidedOn <= asOf) continue;
      figures.open += 1;
      const acknowledged = s.acknowledgedOn !== null && s.acknowledgedOn <= asOf;
      const dueOn = acknowledged ? t.responseDueOn : t.acknowledgementDueOn;
      if (dueOn !== null && dueOn < asOf) figures.overdue += 1;
    }
    result[stage] = figures;
  }
  return result;
}
