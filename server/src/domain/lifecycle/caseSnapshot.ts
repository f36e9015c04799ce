// The case as the engine sees it: one complaint with its stages and the records hanging off it.
// The service layer builds it from rows (loadCaseSnapshot.ts) and writes it back (saveCaseSnapshot.ts).
import type { CivilDate } from '../civilDate.ts';
import type { Stage } from '../deadlines.ts';
import type { ComplaintStatus, Decision, RefusalReason, RemedyKind } from './vocabulary.ts';

/** 5.6 (understanding, outcomes sought) and 5.7 (what the landlord is and is not responsible for). */
export interface ComplaintDefinition {
  understanding: string;
  outcomesSought: string;
  inResponsibility: string;
  outOfResponsibility: string;
}

export interface ExtensionRecord {
  id: string;
  previousDueOn: CivilDate;
  newDueOn: CivilDate;
  workingDays: number;
  reason: string;
  goodReason: string | null;
  updateIntervalDays: number | null;
  createdById: string | null;
  createdAt: Date;
}

/** One ComplaintStage row. */
export interface StageRecord {
  stage: Stage;
  handlerId: string | null;
  /** Stage 1: receipt of the complaint. Stage 2: the resident's escalation request (6.11). */
  startedAt: Date;
  escalationReason: string | null;
  definition: ComplaintDefinition | null;
  acknowledgementDueOn: CivilDate;
  acknowledgedAt: Date | null;
  responseDueOn: CivilDate | null;
  respondedAt: Date | null;
  decision: Decision | null;
  reasons: string | null;
  extensions: readonly ExtensionRecord[];
}

export interface RemedyRecord {
  id: string;
  stage: Stage;
  kind: RemedyKind;
  description: string;
  amountPence: number | null;
  dueOn: CivilDate;
  ownerId: string;
  doneAt: Date | null;
}

export interface OutstandingActionRecord {
  id: string;
  stage: Stage;
  description: string;
  dueOn: CivilDate;
  ownerId: string;
  doneAt: Date | null;
}

export interface RefusalRecord {
  id: string;
  reasonCode: RefusalReason;
  explanation: string;
  decidedById: string;
  decidedAt: Date;
}

export interface ClosureRecord {
  closedAt: Date;
  closedById: string | null;
  categoryId: string;
  learning: string;
}

export interface RelatedIssueRecord {
  description: string;
  raisedAt: Date;
}

export interface CaseSnapshot {
  id: string;
  reference: string;
  receivedAt: Date;
  stage: Stage;
  status: ComplaintStatus;
  stage1: StageRecord;
  stage2: StageRecord | null;
  remedies: readonly RemedyRecord[];
  outstandingActions: readonly OutstandingActionRecord[];
  refusal: RefusalRecord | null;
  closure: ClosureRecord | null;
  /** 6.8: related issues folded into the stage 1 complaint before its response. */
  relatedIssues: readonly RelatedIssueRecord[];
}
