// What the console sees of a case (and what socket events carry): plain JSON, never Prisma rows.
// Deadlines, working days left and the operations allowed come from the engine.
import { availableOperations, civilDateFromDbDate, currentDeadline, hasOutstandingActions, summariseDeadline, civilDateInLondon } from '../domain/index.ts';
import type { CaseDeadline, CaseSnapshot, DeadlineSummary, OperationName, StageRecord, WorkingCalendar } from '../domain/index.ts';
import type { CaseRow } from './caseRow.ts';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export interface LetterSummaryDto {
  id: string;
  kind: string;
  stage: string;
  largePrint: boolean;
  language: string;
  createdAt: string;
}

function stageDto(s: StageRecord, today: string, calendar: WorkingCalendar) {
  return {
    stage: s.stage,
    handlerId: s.handlerId,
    startedAt: s.startedAt.toISOString(),
    escalationReason: s.escalationReason,
    definition: s.definition,
    acknowledgementDueOn: s.acknowledgementDueOn,
    acknowledgedAt: iso(s.acknowledgedAt),
    responseDueOn: s.responseDueOn,
    responseDeadline: s.responseDueOn ? summariseDeadline(s.responseDueOn, today as typeof s.responseDueOn, calendar) : null,
    respondedAt: iso(s.respondedAt),
    decision: s.decision,
    reasons: s.reasons,
    extensions: s.extensions.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
  };
}

export type StageDto = ReturnType<typeof stageDto>;

export interface RelatedIssueDto {
  id: string;
  description: string;
  raisedAt: string;
  channel: string | null;
  recordedById: string | null;
  createdAt: string;
}

export interface CaseLinkDto {
  id: string;
  reference: string;
}

type DtoRow = Pick<
  CaseRow,
  | 'id' | 'version' | 'channel' | 'summary' | 'residentId' | 'representativeId' | 'conversationId' | 'currentHandlerId' | 'categoryId'
  | 'issueStartedOn' | 'flaggedOverTwelveMonths' | 'relatedIssues' | 'relatedTo' | 'related'
>;

export interface ComplaintDto {
  id: string;
  reference: string;
  version: number;
  status: CaseSnapshot['status'];
  stage: CaseSnapshot['stage'];
  channel: string;
  receivedAt: string;
  summary: string;
  residentId: string;
  representativeId: string | null;
  conversationId: string | null;
  currentHandlerId: string | null;
  categoryId: string | null;
  stages: StageDto[];
  deadline: CaseDeadline | null;
  remedies: { id: string; stage: string; kind: string; description: string; amountPence: number | null; dueOn: string; ownerId: string; doneAt: string | null }[];
  outstandingActions: { id: string; stage: string; description: string; dueOn: string; ownerId: string; doneAt: string | null }[];
  refusal: { id: string; reasonCode: string; explanation: string; decidedById: string; decidedAt: string } | null;
  closure: { closedAt: string; closedById: string | null; categoryId: string; learning: string } | null;
  letters: LetterSummaryDto[];
  /** 2.3: when the resident says the problem started; flagged when over 12 months before receipt. */
  issueStartedOn: string | null;
  flaggedOverTwelveMonths: boolean;
  /** 6.8: issues folded into this complaint before its stage 1 response. */
  relatedIssues: RelatedIssueDto[];
  /** 6.8: the case this one was opened from, and the cases opened from this one. */
  relatedTo: CaseLinkDto | null;
  relatedCases: CaseLinkDto[];
  actionsOutstanding: boolean;
  availableOperations: OperationName[];
}

export function toComplaintDto(
  row: DtoRow,
  c: CaseSnapshot,
  letters: LetterSummaryDto[],
  now: Date,
  calendar: WorkingCalendar,
): ComplaintDto {
  const today = civilDateInLondon(now);
  return {
    id: c.id,
    reference: c.reference,
    version: row.version,
    status: c.status,
    stage: c.stage,
    channel: row.channel,
    receivedAt: c.receivedAt.toISOString(),
    summary: row.summary,
    residentId: row.residentId,
    representativeId: row.representativeId,
    conversationId: row.conversationId,
    currentHandlerId: row.currentHandlerId,
    categoryId: row.categoryId,
    stages: [c.stage1, ...(c.stage2 ? [c.stage2] : [])].map((s) => stageDto(s, today, calendar)),
    deadline: currentDeadline(c, now, calendar),
    remedies: c.remedies.map((r) => ({ ...r, doneAt: iso(r.doneAt) })),
    outstandingActions: c.outstandingActions.map((a) => ({ ...a, doneAt: iso(a.doneAt) })),
    refusal: c.refusal && { ...c.refusal, decidedAt: c.refusal.decidedAt.toISOString() },
    closure: c.closure && { ...c.closure, closedAt: c.closure.closedAt.toISOString() },
    letters,
    issueStartedOn: row.issueStartedOn ? civilDateFromDbDate(row.issueStartedOn) : null,
    flaggedOverTwelveMonths: row.flaggedOverTwelveMonths,
    relatedIssues: row.relatedIssues.map((i) => ({
      id: i.id,
      description: i.description,
      raisedAt: i.raisedAt.toISOString(),
      channel: i.channel,
      recordedById: i.recordedById,
      createdAt: i.createdAt.toISOString(),
    })),
    relatedTo: row.relatedTo,
    relatedCases: row.related,
    actionsOutstanding: hasOutstandingActions(c),
    availableOperations: availableOperations(c),
  };
}

export type { DeadlineSummary };
