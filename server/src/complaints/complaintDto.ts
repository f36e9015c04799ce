// What the console sees of a case (and what socket events carry): plain JSON, never Prisma rows,
// typed by the shared schema (schemas/caseView.ts ZComplaintViewSchema). Deadlines, working days
// left, the extension allowance and the operations allowed come from the engine.
import {
  availableOperations,
  civilDateFromDbDate,
  civilDateInLondon,
  currentDeadline,
  extensionAllowance,
  hasOutstandingActions,
  summariseDeadline,
} from '../domain/index.ts';
import type { CaseSnapshot, CivilDate, DeadlineSummary, StageRecord, WorkingCalendar } from '../domain/index.ts';
import type { TComplaintView } from '../schemas/index.ts';
import type { CaseRow } from './caseRow.ts';
import { definitionEditable } from './definitionEditable.ts';
import { permittedRoles } from './stageOwnership.ts';

export type ComplaintDto = TComplaintView;
export type LetterSummaryDto = TComplaintView['letters'][number];
export type StageDto = TComplaintView['stages'][number];

const iso = (value: Date | null) => (value ? value.toISOString() : null);

function stageDto(s: StageRecord, today: CivilDate, calendar: WorkingCalendar): StageDto {
  return {
    stage: s.stage,
    handlerId: s.handlerId,
    startedAt: s.startedAt.toISOString(),
    escalationReason: s.escalationReason,
    definition: s.definition,
    acknowledgementDueOn: s.acknowledgementDueOn,
    acknowledgedAt: iso(s.acknowledgedAt),
    responseDueOn: s.responseDueOn,
    responseDeadline: s.responseDueOn ? summariseDeadline(s.responseDueOn, today, calendar) : null,
    respondedAt: iso(s.respondedAt),
    decision: s.decision,
    reasons: s.reasons,
    extensions: s.extensions.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    extensionAllowance: extensionAllowance(s, calendar),
  };
}

type DtoRow = Pick<
  CaseRow,
  | 'id' | 'version' | 'channel' | 'summary' | 'residentId' | 'representativeId' | 'conversationId' | 'currentHandlerId' | 'categoryId'
  | 'issueStartedOn' | 'flaggedOverTwelveMonths' | 'relatedIssues' | 'relatedTo' | 'related' | 'remedies' | 'actions'
>;

/** What the DTO says about people, read beside the case (getComplaint.ts). */
export interface CasePeople {
  resident: TComplaintView['resident'];
  representative: TComplaintView['representative'];
  staffNames: Record<string, string>;
  lastChange: TComplaintView['lastChange'];
}

/** Every member of staff the case mentions, so the console can name them. */
export function staffIdsIn(c: CaseSnapshot): string[] {
  const ids = [
    c.stage1.handlerId,
    c.stage2?.handlerId,
    ...[c.stage1, c.stage2].flatMap((s) => s?.extensions.map((e) => e.createdById) ?? []),
    ...c.remedies.map((r) => r.ownerId),
    ...c.outstandingActions.map((a) => a.ownerId),
    c.refusal?.decidedById,
    c.closure?.closedById,
  ];
  return [...new Set(ids.filter((value): value is string => Boolean(value)))];
}

export function toComplaintDto(
  row: DtoRow,
  c: CaseSnapshot,
  letters: LetterSummaryDto[],
  people: CasePeople,
  now: Date,
  calendar: WorkingCalendar,
): ComplaintDto {
  const today = civilDateInLondon(now);
  const itemVersion = new Map([...row.remedies, ...row.actions].map((item) => [item.id, item.version]));
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
    // Completing a remedy or action names the item's own version (completeOutstandingAction.ts).
    remedies: c.remedies.map((r) => ({ ...r, doneAt: iso(r.doneAt), version: itemVersion.get(r.id) ?? 1 })),
    outstandingActions: c.outstandingActions.map((a) => ({ ...a, doneAt: iso(a.doneAt), version: itemVersion.get(a.id) ?? 1 })),
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
    permittedRoles: permittedRoles(c.stage),
    definitionEditable: definitionEditable(c),
    ...people,
  };
}

export type { DeadlineSummary };
