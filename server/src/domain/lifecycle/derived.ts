// Views derived from a case: deadlines, outstanding work and the operations its state allows.
import { civilDateInLondon } from '../civilDate.ts';
import type { CivilDate } from '../civilDate.ts';
import { summariseDeadline } from '../deadlines.ts';
import type { DeadlineSummary, Stage } from '../deadlines.ts';
import type { WorkingCalendar } from '../workingDays.ts';
import type { CaseSnapshot, OutstandingActionRecord, RemedyRecord } from './caseSnapshot.ts';
import { currentStageRecord } from './stageAccess.ts';
import type { OperationName } from './vocabulary.ts';

export type OutstandingItem =
  | ({ type: 'remedy' } & RemedyRecord)
  | ({ type: 'outstanding_action' } & OutstandingActionRecord);

/** Remedies and outstanding actions not yet done, earliest first. */
export function outstandingItems(c: CaseSnapshot): OutstandingItem[] {
  const items: OutstandingItem[] = [
    ...c.remedies.filter((r) => r.doneAt === null).map((r) => ({ type: 'remedy' as const, ...r })),
    ...c.outstandingActions.filter((a) => a.doneAt === null).map((a) => ({ type: 'outstanding_action' as const, ...a })),
  ];
  return items.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}

/** "Actions outstanding" on the case until every remedy and action is done (6.6, 7.3). */
export function hasOutstandingActions(c: CaseSnapshot): boolean {
  return c.remedies.some((r) => r.doneAt === null) || c.outstandingActions.some((a) => a.doneAt === null);
}

export interface CaseDeadline extends DeadlineSummary {
  kind: 'acknowledgement' | 'response';
  stage: Stage;
}

/** The Code deadline the case is working to now (Complaint.currentDueOn), or null when none. */
export function currentDeadline(c: CaseSnapshot, now: Date, calendar: WorkingCalendar): CaseDeadline | null {
  const s = currentStageRecord(c);
  const today = civilDateInLondon(now);
  if (c.status === 'received') {
    return { kind: 'acknowledgement', stage: c.stage, ...summariseDeadline(s.acknowledgementDueOn, today, calendar) };
  }
  if (c.status === 'acknowledged' && s.responseDueOn) {
    return { kind: 'response', stage: c.stage, ...summariseDeadline(s.responseDueOn, today, calendar) };
  }
  return null;
}

/** The due date to denormalise onto Complaint.currentDueOn. */
export function currentDueOn(c: CaseSnapshot): CivilDate | null {
  const s = currentStageRecord(c);
  if (c.status === 'received') return s.acknowledgementDueOn;
  if (c.status === 'acknowledged') return s.responseDueOn;
  return null;
}

export type { OperationName } from './vocabulary.ts';

/** Which operations the case's state allows (inputs are still checked by each operation). */
export function availableOperations(c: CaseSnapshot): OperationName[] {
  const ops: OperationName[] = [];
  const open = c.status === 'received' || c.status === 'acknowledged';
  if (c.status === 'received') ops.push('acknowledge');
  if (c.status !== 'closed' && c.status !== 'refused') ops.push('assignHandler');
  if (c.status === 'acknowledged') ops.push('extend', 'respond');
  if (c.stage === 'stage_1' && !c.refusal && c.stage1.respondedAt !== null) ops.push('escalate');
  if (open) ops.push('refuse');
  if (c.status === 'responded' || c.status === 'refused') ops.push('close');
  if (c.stage === 'stage_1' && open) ops.push('addRelatedIssue');
  if (hasOutstandingActions(c)) ops.push('completeAction');
  return ops;
}
