// The Code's two-stage complaint lifecycle as pure functions. Each operation takes the case as
// it is, a command, and an OperationContext (the time, the working calendar, who is acting, an id
// source); it returns the case as it becomes plus the domain events to record, or throws a
// CodeRuleViolation naming the provision it would break. Nothing here reads the clock or a database.
import { civilDateInLondon } from './civilDate.ts';
import type { CivilDate } from './civilDate.ts';
import type { DeadlineSummary, Stage } from './deadlines.ts';
import {
  CODE_TIMESCALES,
  acknowledgementDueOn,
  latestDueOnWithoutGoodReason,
  responseDueOn,
  summariseDeadline,
} from './deadlines.ts';
import type { LetterRequest } from './letters/index.ts';
import type { WorkingCalendar } from './workingDays.ts';

// ---------------------------------------------------------------------------------------------
// Vocabulary (mirrors the Prisma enums)
// ---------------------------------------------------------------------------------------------

export const COMPLAINT_STATUSES = ['received', 'acknowledged', 'responded', 'refused', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const DECISIONS = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The acceptable exclusions of 2.2, plus "other" (which still needs its explanation, 2.4). */
export const REFUSAL_REASONS = ['over_12_months', 'legal_proceedings', 'previously_considered', 'other'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** The ways of putting things right listed in 7.1. */
export const REMEDY_KINDS = [
  'apology',
  'acknowledgement',
  'explanation',
  'action_on_delay',
  'reconsidered_decision',
  'amended_record',
  'financial',
  'policy_change',
  'other',
] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];

// ---------------------------------------------------------------------------------------------
// The case snapshot
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Operation plumbing: context, result, events, violations
// ---------------------------------------------------------------------------------------------

export interface OperationContext {
  now: Date;
  calendar: WorkingCalendar;
  /** The member of staff acting; null for the bot or a scheduled job. */
  actorId: string | null;
  /** Ids for new rows (extensions, remedies, actions, refusals); the service passes randomUUID. */
  newId: () => string;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type ChangeEventType =
  | 'complaint.received'
  | 'complaint.acknowledged'
  | 'complaint.handler_assigned'
  | 'complaint.extended'
  | 'complaint.responded'
  | 'complaint.escalated'
  | 'complaint.refused'
  | 'complaint.closed'
  | 'complaint.related_issue_added'
  | 'complaint.actions_completed'
  | 'remedy.added'
  | 'remedy.completed'
  | 'action.added'
  | 'action.completed';

export type EntityType = 'complaint' | 'extension' | 'remedy' | 'outstanding_action' | 'refusal';

interface EventBase {
  complaintId: string;
  stage: Stage;
  occurredAt: Date;
  actorId: string | null;
}

/** One audit row (5.12): what changed, before and after, as JSON. */
export interface ChangeEvent extends EventBase {
  type: ChangeEventType;
  entityType: EntityType;
  entityId: string;
  before: { [key: string]: JsonValue } | null;
  after: { [key: string]: JsonValue } | null;
}

/** The resident must be sent this letter; the service renders it with renderLetterRequest. */
export interface LetterRequiredEvent extends EventBase {
  type: 'letter.required';
  letter: LetterRequest;
}

export type DomainEvent = ChangeEvent | LetterRequiredEvent;

export interface Transition {
  snapshot: CaseSnapshot;
  events: DomainEvent[];
}

export type CodeRuleCode =
  | 'invalid_transition'
  | 'definition_incomplete'
  | 'handler_required'
  | 'handler_not_independent'
  | 'extension_reason_required'
  | 'extension_invalid'
  | 'extension_needs_good_reason'
  | 'response_incomplete'
  | 'remedy_incomplete'
  | 'action_incomplete'
  | 'remedy_required'
  | 'two_stages_only'
  | 'escalation_invalid'
  | 'refusal_not_automatic'
  | 'refusal_incomplete'
  | 'refusal_not_allowed'
  | 'closure_incomplete'
  | 'new_case_required'
  | 'item_not_found'
  | 'item_already_done'
  | 'receipt_invalid';

/** A command the Code does not allow. The message starts with the provision, e.g. "6.13: …". */
export class CodeRuleViolation extends Error {
  override readonly name = 'CodeRuleViolation';
  readonly code: CodeRuleCode;
  readonly provision: string;

  constructor(code: CodeRuleCode, provision: string, detail: string) {
    super(`${provision}: ${detail}`);
    this.code = code;
    this.provision = provision;
  }
}

export function isCodeRuleViolation(error: unknown): error is CodeRuleViolation {
  return error instanceof CodeRuleViolation;
}

function violate(code: CodeRuleCode, provision: string, detail: string): never {
  throw new CodeRuleViolation(code, provision, detail);
}

const isBlank = (value: string | null | undefined): boolean => value == null || value.trim() === '';

function toJson(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

function fields(source: object): { [key: string]: JsonValue } {
  return toJson(source) as { [key: string]: JsonValue };
}

function stageProvision(stage: Stage, stage1: string, stage2: string): string {
  return stage === 'stage_1' ? stage1 : stage2;
}

/** The record of the stage the case is at. */
export function currentStageRecord(c: CaseSnapshot): StageRecord {
  if (c.stage === 'stage_1') return c.stage1;
  if (!c.stage2) throw new Error(`Case ${c.reference} is at stage 2 but has no stage 2 record`);
  return c.stage2;
}

function withCurrentStage(c: CaseSnapshot, record: StageRecord): CaseSnapshot {
  return c.stage === 'stage_1' ? { ...c, stage1: record } : { ...c, stage2: record };
}

function base(c: CaseSnapshot, ctx: OperationContext): EventBase {
  return { complaintId: c.id, stage: c.stage, occurredAt: ctx.now, actorId: ctx.actorId };
}

function change(
  c: CaseSnapshot,
  ctx: OperationContext,
  type: ChangeEventType,
  before: object | null,
  after: object | null,
  entity: { type: EntityType; id: string } = { type: 'complaint', id: c.id },
): ChangeEvent {
  return {
    ...base(c, ctx),
    type,
    entityType: entity.type,
    entityId: entity.id,
    before: before && fields(before),
    after: after && fields(after),
  };
}

function letterEvent(c: CaseSnapshot, ctx: OperationContext, letter: LetterRequest): LetterRequiredEvent {
  return { ...base(c, ctx), type: 'letter.required', letter };
}

// ---------------------------------------------------------------------------------------------
// Guards shared by several operations
// ---------------------------------------------------------------------------------------------

function assertDefinition(definition: ComplaintDefinition | null | undefined): asserts definition is ComplaintDefinition {
  if (!definition || isBlank(definition.understanding) || isBlank(definition.outcomesSought)) {
    violate(
      'definition_incomplete',
      '5.6',
      "the complaint definition needs the landlord's understanding of the complaint and the outcomes the resident is seeking (ask the resident if either is unclear)",
    );
  }
  if (isBlank(definition.inResponsibility) || isBlank(definition.outOfResponsibility)) {
    violate(
      'definition_incomplete',
      '5.7',
      'say which aspects of the complaint the landlord is responsible for and which it is not (write "none" if every aspect is ours)',
    );
  }
}

function trimDefinition(d: ComplaintDefinition): ComplaintDefinition {
  return {
    understanding: d.understanding.trim(),
    outcomesSought: d.outcomesSought.trim(),
    inResponsibility: d.inResponsibility.trim(),
    outOfResponsibility: d.outOfResponsibility.trim(),
  };
}

/** 6.13: nobody who considered stage 1 may handle or decide stage 2. */
function assertIndependentOfStage1(c: CaseSnapshot, personId: string | null | undefined, role: string): void {
  if (personId != null && personId === c.stage1.handlerId) {
    violate('handler_not_independent', '6.13', `the stage 2 ${role} must not be the stage 1 handler`);
  }
}

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

export interface OpenCaseInput {
  id: string;
  reference: string;
  /** When dissatisfaction was first expressed: the clock starts here (6.2). */
  receivedAt: Date;
  handlerId?: string | null;
}

/** A new stage 1 complaint, with its acknowledgement due date (6.2). */
export function openCase(input: OpenCaseInput, ctx: OperationContext): Transition {
  if (Number.isNaN(input.receivedAt.getTime()) || input.receivedAt > ctx.now) {
    violate('receipt_invalid', '6.2', 'the date the complaint was received cannot be in the future');
  }
  const snapshot: CaseSnapshot = {
    id: input.id,
    reference: input.reference,
    receivedAt: input.receivedAt,
    stage: 'stage_1',
    status: 'received',
    stage1: {
      stage: 'stage_1',
      handlerId: input.handlerId ?? null,
      startedAt: input.receivedAt,
      escalationReason: null,
      definition: null,
      acknowledgementDueOn: acknowledgementDueOn('stage_1', input.receivedAt, ctx.calendar),
      acknowledgedAt: null,
      responseDueOn: null,
      respondedAt: null,
      decision: null,
      reasons: null,
      extensions: [],
    },
    stage2: null,
    remedies: [],
    outstandingActions: [],
    refusal: null,
    closure: null,
    relatedIssues: [],
  };
  const after = {
    stage: snapshot.stage,
    status: snapshot.status,
    receivedAt: snapshot.receivedAt,
    acknowledgementDueOn: snapshot.stage1.acknowledgementDueOn,
    handlerId: snapshot.stage1.handlerId,
  };
  return { snapshot, events: [change(snapshot, ctx, 'complaint.received', null, after)] };
}

export interface AcknowledgeInput {
  definition: ComplaintDefinition;
  /** Defaults to the stage's handler, then to the member of staff acknowledging. */
  handlerId?: string | null;
}

/** 6.2 / 6.11: acknowledge, define (5.6, 5.7) and log; the response clock starts (6.3 / 6.14). */
export function acknowledge(c: CaseSnapshot, input: AcknowledgeInput, ctx: OperationContext): Transition {
  const s = currentStageRecord(c);
  const provision = stageProvision(c.stage, '6.2', '6.11');
  if (c.status !== 'received') {
    violate('invalid_transition', provision, `only a complaint waiting to be acknowledged can be acknowledged; this one is ${c.status}`);
  }
  assertDefinition(input.definition);
  const handlerId = input.handlerId ?? s.handlerId ?? ctx.actorId;
  if (handlerId == null) {
    violate('handler_required', '6.13', 'record who handles the complaint at this stage (stage 2 must go to someone else)');
  }
  if (c.stage === 'stage_2') {
    assertIndependentOfStage1(c, handlerId, 'handler');
    assertIndependentOfStage1(c, ctx.actorId, 'person defining the complaint');
  }
  const acknowledgedOn = civilDateInLondon(ctx.now);
  const updated: StageRecord = {
    ...s,
    handlerId,
    definition: trimDefinition(input.definition),
    acknowledgedAt: ctx.now,
    responseDueOn: responseDueOn(c.stage, acknowledgedOn, ctx.calendar),
  };
  const snapshot: CaseSnapshot = { ...withCurrentStage(c, updated), status: 'acknowledged' };
  const late = acknowledgedOn > s.acknowledgementDueOn;
  return {
    snapshot,
    events: [
      change(
        c,
        ctx,
        'complaint.acknowledged',
        { status: c.status, handlerId: s.handlerId, definition: s.definition, acknowledgedAt: null, responseDueOn: null },
        {
          status: snapshot.status,
          handlerId,
          definition: updated.definition,
          acknowledgedAt: ctx.now,
          responseDueOn: updated.responseDueOn,
          acknowledgedLate: late,
        },
      ),
      letterEvent(c, ctx, {
        kind: 'acknowledgement',
        stage: c.stage,
        reference: c.reference,
        startedOn: civilDateInLondon(s.startedAt),
        definition: updated.definition as ComplaintDefinition,
        responseDueOn: updated.responseDueOn as CivilDate,
      }),
    ],
  };
}

export interface AssignHandlerInput {
  handlerId: string;
}

/** Reassign the current stage; 6.13 holds for every assignment, not just at escalation. */
export function assignHandler(c: CaseSnapshot, input: AssignHandlerInput, ctx: OperationContext): Transition {
  if (c.status === 'closed' || c.status === 'refused') {
    violate('invalid_transition', '5.12', `a ${c.status} complaint cannot be reassigned`);
  }
  if (isBlank(input.handlerId)) violate('handler_required', '6.13', 'choose who will handle the complaint');
  if (c.stage === 'stage_2') assertIndependentOfStage1(c, input.handlerId, 'handler');
  const s = currentStageRecord(c);
  const snapshot = withCurrentStage(c, { ...s, handlerId: input.handlerId });
  return {
    snapshot,
    events: [change(c, ctx, 'complaint.handler_assigned', { handlerId: s.handlerId }, { handlerId: input.handlerId })],
  };
}

export interface ExtendInput {
  /** Working days to add to the current due date; give this or newDueOn. */
  workingDays?: number | null;
  newDueOn?: CivilDate | null;
  reason: string;
  /** Required when the stage's total extension passes 10 (stage 1) or 20 (stage 2) working days. */
  goodReason?: string | null;
  /** 5.9: how often, in days, the resident will be kept informed meanwhile. */
  updateIntervalDays?: number | null;
}

/**
 * 6.4 / 6.15: extend the response timescale, with the reason, and tell the resident with the
 * Ombudsman's contact details (6.5 / 6.16). The "without good reason" limit is measured from the
 * stage's original due date, so several short extensions cannot add up past it unexplained.
 */
export function extend(c: CaseSnapshot, input: ExtendInput, ctx: OperationContext): Transition {
  const s = currentStageRecord(c);
  const provision = stageProvision(c.stage, '6.4', '6.15');
  if (c.status !== 'acknowledged' || s.responseDueOn === null) {
    violate(
      'invalid_transition',
      provision,
      `a response timescale can be extended only after acknowledgement and before the response; this complaint is ${c.status}`,
    );
  }
  if (isBlank(input.reason)) {
    violate('extension_reason_required', provision, 'give the reason for the extension; it will be explained to the resident');
  }
  const hasDays = input.workingDays != null;
  const hasDate = input.newDueOn != null;
  if (hasDays === hasDate) {
    violate('extension_invalid', provision, 'give either the number of extra working days or the new due date, not both');
  }
  const currentDueOn = s.responseDueOn;
  let newDueOn: CivilDate;
  let workingDays: number;
  if (hasDays) {
    workingDays = input.workingDays as number;
    if (!Number.isInteger(workingDays) || workingDays < 1) {
      violate('extension_invalid', provision, 'an extension must be a whole number of working days, at least 1');
    }
    newDueOn = ctx.calendar.addWorkingDays(currentDueOn, workingDays);
  } else {
    newDueOn = input.newDueOn as CivilDate;
    if (newDueOn <= currentDueOn || !ctx.calendar.isWorkingDay(newDueOn)) {
      violate('extension_invalid', provision, `the new due date must be a working day after the current due date (${currentDueOn})`);
    }
    workingDays = ctx.calendar.workingDaysBetween(currentDueOn, newDueOn);
  }
  if (input.updateIntervalDays != null && (!Number.isInteger(input.updateIntervalDays) || input.updateIntervalDays < 1)) {
    violate('extension_invalid', '5.9', 'the interval for keeping the resident informed must be a whole number of days');
  }
  const originalDueOn = s.extensions[0]?.previousDueOn ?? currentDueOn;
  const limit = CODE_TIMESCALES[c.stage].extensionLimit.workingDays;
  if (newDueOn > latestDueOnWithoutGoodReason(c.stage, originalDueOn, ctx.calendar) && isBlank(input.goodReason)) {
    violate(
      'extension_needs_good_reason',
      provision,
      `${newDueOn} is more than ${limit} working days after the original due date (${originalDueOn}); an extension that long needs a good reason, explained to the resident`,
    );
  }
  const extension: ExtensionRecord = {
    id: ctx.newId(),
    previousDueOn: currentDueOn,
    newDueOn,
    workingDays,
    reason: input.reason.trim(),
    goodReason: isBlank(input.goodReason) ? null : (input.goodReason as string).trim(),
    updateIntervalDays: input.updateIntervalDays ?? null,
    createdById: ctx.actorId,
    createdAt: ctx.now,
  };
  const snapshot = withCurrentStage(c, { ...s, responseDueOn: newDueOn, extensions: [...s.extensions, extension] });
  return {
    snapshot,
    events: [
      change(c, ctx, 'complaint.extended', { responseDueOn: currentDueOn }, { responseDueOn: newDueOn, extension }, {
        type: 'extension',
        id: extension.id,
      }),
      letterEvent(c, ctx, {
        kind: 'extension_notice',
        stage: c.stage,
        reference: c.reference,
        previousDueOn: currentDueOn,
        newDueOn,
        reason: extension.reason,
        goodReason: extension.goodReason,
        updateIntervalDays: extension.updateIntervalDays,
      }),
    ],
  };
}

export interface RemedyInput {
  kind: RemedyKind;
  description: string;
  amountPence?: number | null;
  dueOn: CivilDate;
  ownerId: string;
  /** Already done when the response is issued (an apology in the letter itself). */
  done?: boolean;
}

export interface OutstandingActionInput {
  description: string;
  dueOn: CivilDate;
  ownerId: string;
}

export interface RespondInput {
  decision: Decision;
  reasons: string;
  remedies: readonly RemedyInput[];
  outstandingActions: readonly OutstandingActionInput[];
}

/**
 * Issue the stage 1 response (6.9) or the stage 2 final response (6.19). The letter carries the
 * stage, the definition and how to escalate; this guard makes sure the rest is there. The
 * response goes when the answer is known, with unfinished work as outstanding actions (6.6).
 */
export function respond(c: CaseSnapshot, input: RespondInput, ctx: OperationContext): Transition {
  const s = currentStageRecord(c);
  const p = stageProvision(c.stage, '6.9', '6.19');
  if (c.status !== 'acknowledged') {
    violate(
      'invalid_transition',
      stageProvision(c.stage, '6.3', '6.14'),
      `a response follows the acknowledgement and is given once; this complaint is ${c.status}`,
    );
  }
  if (!s.definition) violate('definition_incomplete', `${p}(b)`, 'the response must restate the complaint definition');
  if (!(DECISIONS as readonly string[]).includes(input.decision)) {
    violate('response_incomplete', `${p}(c)`, 'the response must give the decision: upheld, partly upheld or not upheld');
  }
  if (isBlank(input.reasons)) violate('response_incomplete', `${p}(d)`, 'the response must give the reasons for the decision');
  const today = civilDateInLondon(ctx.now);
  for (const remedy of input.remedies) {
    if (!(REMEDY_KINDS as readonly string[]).includes(remedy.kind)) {
      violate('remedy_incomplete', '7.1', `unknown kind of remedy: ${String(remedy.kind)}`);
    }
    if (isBlank(remedy.description) || isBlank(remedy.ownerId) || !remedy.dueOn) {
      violate('remedy_incomplete', '7.3', 'each remedy must say what will happen, by when, and who is responsible for it');
    }
    if (!remedy.done && remedy.dueOn < today) {
      violate('remedy_incomplete', '7.3', `a remedy's date (${remedy.dueOn}) cannot be in the past`);
    }
    if (remedy.kind === 'financial' && !(Number.isInteger(remedy.amountPence) && (remedy.amountPence as number) > 0)) {
      violate('remedy_incomplete', '7.1', 'a financial remedy must state the amount');
    }
  }
  for (const action of input.outstandingActions) {
    const ap = stageProvision(c.stage, '6.6', '6.17');
    if (isBlank(action.description) || isBlank(action.ownerId) || !action.dueOn) {
      violate('action_incomplete', ap, 'each outstanding action must say what will be done, by when, and who is responsible for it');
    }
    if (action.dueOn < today) violate('action_incomplete', ap, `an outstanding action's date (${action.dueOn}) cannot be in the past`);
  }
  if (input.decision !== 'not_upheld' && input.remedies.length === 0) {
    violate(
      'remedy_required',
      '7.1',
      'where something has gone wrong the response must set out how it will be put right: add at least one remedy (an apology or acknowledgement counts)',
    );
  }
  if (c.stage === 'stage_2') assertIndependentOfStage1(c, ctx.actorId, 'decision-maker');

  const remedies: RemedyRecord[] = input.remedies.map((r) => ({
    id: ctx.newId(),
    stage: c.stage,
    kind: r.kind,
    description: r.description.trim(),
    amountPence: r.amountPence ?? null,
    dueOn: r.dueOn,
    ownerId: r.ownerId,
    doneAt: r.done ? ctx.now : null,
  }));
  const actions: OutstandingActionRecord[] = input.outstandingActions.map((a) => ({
    id: ctx.newId(),
    stage: c.stage,
    description: a.description.trim(),
    dueOn: a.dueOn,
    ownerId: a.ownerId,
    doneAt: null,
  }));
  const updated: StageRecord = { ...s, respondedAt: ctx.now, decision: input.decision, reasons: input.reasons.trim() };
  const snapshot: CaseSnapshot = {
    ...withCurrentStage(c, updated),
    status: 'responded',
    remedies: [...c.remedies, ...remedies],
    outstandingActions: [...c.outstandingActions, ...actions],
  };
  const late = s.responseDueOn !== null && today > s.responseDueOn;
  return {
    snapshot,
    events: [
      change(
        c,
        ctx,
        'complaint.responded',
        { status: c.status, respondedAt: null, decision: null, reasons: null },
        { status: snapshot.status, respondedAt: ctx.now, decision: input.decision, reasons: updated.reasons, respondedLate: late },
      ),
      ...remedies.map((r) => change(c, ctx, 'remedy.added', null, r, { type: 'remedy', id: r.id })),
      ...actions.map((a) => change(c, ctx, 'action.added', null, a, { type: 'outstanding_action', id: a.id })),
      letterEvent(c, ctx, {
        kind: c.stage === 'stage_1' ? 'stage_1_response' : 'final_response',
        stage: c.stage,
        reference: c.reference,
        definition: s.definition,
        decision: input.decision,
        reasons: updated.reasons as string,
        remedies: remedies.map((r) => ({ ...r, done: r.doneAt !== null })),
        outstandingActions: actions,
      }),
    ],
  };
}

export interface EscalateInput {
  /** The stage 2 handler; may be assigned later when the bot records the request. */
  handlerId?: string | null;
  /** When the resident asked (defaults to now); the stage 2 clock starts here (6.11). */
  requestedAt?: Date | null;
  /** 6.12: optional, never required. */
  reason?: string | null;
}

/**
 * 6.10: the resident asks for stage 2 after the stage 1 response (also after the case was closed
 * without escalation, which reopens it). Exactly two stages (5.2): never from stage 2.
 */
export function escalate(c: CaseSnapshot, input: EscalateInput, ctx: OperationContext): Transition {
  if (c.stage === 'stage_2') {
    violate('two_stages_only', '5.2', 'there are only two stages; after the final response the resident can go to the Housing Ombudsman');
  }
  if (c.refusal) {
    violate('escalation_invalid', '2.4', 'a refused complaint does not go to stage 2; the resident can take the refusal to the Housing Ombudsman');
  }
  if (c.stage1.respondedAt === null) {
    violate('escalation_invalid', '6.10', 'a complaint goes to stage 2 once the stage 1 response has been issued');
  }
  const requestedAt = input.requestedAt ?? ctx.now;
  if (requestedAt > ctx.now || requestedAt < c.stage1.respondedAt) {
    violate('escalation_invalid', '6.11', 'the escalation request must date from after the stage 1 response and not be in the future');
  }
  assertIndependentOfStage1(c, input.handlerId, 'handler');
  const stage2: StageRecord = {
    stage: 'stage_2',
    handlerId: input.handlerId ?? null,
    startedAt: requestedAt,
    escalationReason: isBlank(input.reason) ? null : (input.reason as string).trim(),
    definition: null,
    acknowledgementDueOn: acknowledgementDueOn('stage_2', requestedAt, ctx.calendar),
    acknowledgedAt: null,
    responseDueOn: null,
    respondedAt: null,
    decision: null,
    reasons: null,
    extensions: [],
  };
  const snapshot: CaseSnapshot = { ...c, stage: 'stage_2', status: 'received', stage2, closure: null };
  return {
    snapshot,
    events: [
      {
        ...change(
          c,
          ctx,
          'complaint.escalated',
          { stage: c.stage, status: c.status, closure: c.closure },
          {
            stage: 'stage_2',
            status: 'received',
            closure: null,
            requestedAt,
            handlerId: stage2.handlerId,
            escalationReason: stage2.escalationReason,
            acknowledgementDueOn: stage2.acknowledgementDueOn,
          },
        ),
        stage: 'stage_2',
      },
    ],
  };
}

export interface RefuseInput {
  reasonCode: RefusalReason;
  explanation: string;
  /** 2.3: for over_12_months, whether discretion to accept it anyway was considered. */
  discretionConsidered?: boolean;
}

/**
 * 2.1-2.5: decline a complaint, by a person, never automatically. Allowed while the current stage
 * has no response yet: at stage 1 (not accepted into the process) and at stage 2 (2.2 lets a
 * policy say when a matter will not be escalated, e.g. legal proceedings started since). Once a
 * stage's response is issued, the complaint was accepted at that stage, so refusing is too late.
 */
export function refuse(c: CaseSnapshot, input: RefuseInput, ctx: OperationContext): Transition {
  if (ctx.actorId == null) {
    violate('refusal_not_automatic', '2.5', 'a refusal is never automatic: a member of staff must decide it on the complaint\u2019s own circumstances');
  }
  if (c.status !== 'received' && c.status !== 'acknowledged') {
    violate('refusal_not_allowed', '2.1', `a complaint can be refused only before the response at its stage; this one is ${c.status}`);
  }
  if (!(REFUSAL_REASONS as readonly string[]).includes(input.reasonCode)) {
    violate('refusal_incomplete', '2.2', 'give the reason for the refusal from the policy\u2019s exclusions');
  }
  if (isBlank(input.explanation)) {
    violate('refusal_incomplete', '2.4', 'explain in writing why the matter is not suitable for the complaints process');
  }
  if (input.reasonCode === 'over_12_months' && input.discretionConsidered !== true) {
    violate('refusal_incomplete', '2.3', 'consider whether there are good reasons to use discretion and accept a complaint made after 12 months');
  }
  const refusal: RefusalRecord = {
    id: ctx.newId(),
    reasonCode: input.reasonCode,
    explanation: input.explanation.trim(),
    decidedById: ctx.actorId,
    decidedAt: ctx.now,
  };
  const snapshot: CaseSnapshot = { ...c, status: 'refused', refusal };
  return {
    snapshot,
    events: [
      change(c, ctx, 'complaint.refused', { status: c.status }, { status: 'refused', refusal }, { type: 'refusal', id: refusal.id }),
      letterEvent(c, ctx, {
        kind: 'refusal',
        stage: c.stage,
        reference: c.reference,
        reasonCode: refusal.reasonCode,
        explanation: refusal.explanation,
      }),
    ],
  };
}

export interface CloseInput {
  categoryId: string;
  /** 9.1: what the landlord learns from the complaint beyond the individual case. */
  learning: string;
}

/**
 * Close after a response (the stage 1 response when the resident does not escalate, or the final
 * response) or after a refusal. Remedies and actions still open stay tracked (7.3) after closing.
 */
export function close(c: CaseSnapshot, input: CloseInput, ctx: OperationContext): Transition {
  if (c.status !== 'responded' && c.status !== 'refused') {
    violate(
      'invalid_transition',
      stageProvision(c.stage, '6.9', '6.19'),
      `a complaint can be closed only after its response has been issued or it was refused; this one is ${c.status}`,
    );
  }
  if (isBlank(input.categoryId) || isBlank(input.learning)) {
    violate('closure_incomplete', '9.1', 'record the category and the learning from this complaint before closing it');
  }
  const closure: ClosureRecord = {
    closedAt: ctx.now,
    closedById: ctx.actorId,
    categoryId: input.categoryId,
    learning: input.learning.trim(),
  };
  const snapshot: CaseSnapshot = { ...c, status: 'closed', closure };
  return {
    snapshot,
    events: [change(c, ctx, 'complaint.closed', { status: c.status, closure: null }, { status: 'closed', closure })],
  };
}

export interface NewIssue {
  /** Is the new issue related to the issues already being investigated? */
  related: boolean;
  /** Would adding it unreasonably delay the stage 1 response? */
  wouldUnreasonablyDelay?: boolean;
}

export type NewIssueRoute =
  | { route: 'add_to_case' }
  | { route: 'new_case'; relatedToId: string | null; reason: string };

/**
 * 6.8: a related issue raised before the stage 1 response joins the complaint; after it, or if
 * unrelated, or if it would unreasonably delay the response, it is a new complaint (linked to
 * this one when related).
 */
export function routeNewIssue(c: CaseSnapshot, issue: NewIssue): NewIssueRoute {
  const beforeStage1Response = c.stage === 'stage_1' && (c.status === 'received' || c.status === 'acknowledged');
  if (!issue.related) return { route: 'new_case', relatedToId: null, reason: 'the new issue is not related to this complaint' };
  if (!beforeStage1Response) {
    return { route: 'new_case', relatedToId: c.id, reason: 'the stage 1 response has already been issued (or the case is refused)' };
  }
  if (issue.wouldUnreasonablyDelay) {
    return { route: 'new_case', relatedToId: c.id, reason: 'adding it would unreasonably delay the stage 1 response' };
  }
  return { route: 'add_to_case' };
}

export interface AddRelatedIssueInput extends NewIssue {
  description: string;
  raisedAt?: Date | null;
  /** Once acknowledged, the definition must be updated to cover the new issue (5.6). */
  definition?: ComplaintDefinition | null;
}

export function addRelatedIssue(c: CaseSnapshot, input: AddRelatedIssueInput, ctx: OperationContext): Transition {
  const route = routeNewIssue(c, input);
  if (route.route === 'new_case') {
    violate('new_case_required', '6.8', `log this as a new complaint${route.relatedToId ? ' linked to this one' : ''}: ${route.reason}`);
  }
  if (isBlank(input.description)) violate('new_case_required', '6.8', 'describe the new issue');
  const s = c.stage1;
  let definition = s.definition;
  if (c.status === 'acknowledged') {
    if (!input.definition) {
      violate('definition_incomplete', '5.6', 'update the complaint definition so that it covers the new issue');
    }
    assertDefinition(input.definition);
    definition = trimDefinition(input.definition);
  }
  const issue: RelatedIssueRecord = { description: input.description.trim(), raisedAt: input.raisedAt ?? ctx.now };
  const snapshot: CaseSnapshot = {
    ...c,
    stage1: { ...s, definition },
    relatedIssues: [...c.relatedIssues, issue],
  };
  return {
    snapshot,
    events: [
      change(c, ctx, 'complaint.related_issue_added', { definition: s.definition }, { definition, issue }),
    ],
  };
}

export interface CompleteActionInput {
  /** The id of a remedy or an outstanding action. */
  itemId: string;
}

/** 7.3 / 6.6: remedies and outstanding actions are followed through to completion. */
export function completeAction(c: CaseSnapshot, input: CompleteActionInput, ctx: OperationContext): Transition {
  const remedy = c.remedies.find((r) => r.id === input.itemId);
  const action = remedy ? undefined : c.outstandingActions.find((a) => a.id === input.itemId);
  const item = remedy ?? action;
  if (!item) violate('item_not_found', '7.3', `this complaint has no remedy or outstanding action ${input.itemId}`);
  if (item.doneAt !== null) violate('item_already_done', '7.3', 'this has already been marked as done');
  const snapshot: CaseSnapshot = remedy
    ? { ...c, remedies: c.remedies.map((r) => (r.id === remedy.id ? { ...r, doneAt: ctx.now } : r)) }
    : {
        ...c,
        outstandingActions: c.outstandingActions.map((a) => (a.id === item.id ? { ...a, doneAt: ctx.now } : a)),
      };
  const events: DomainEvent[] = [
    change(c, ctx, remedy ? 'remedy.completed' : 'action.completed', { doneAt: null }, { doneAt: ctx.now }, {
      type: remedy ? 'remedy' : 'outstanding_action',
      id: item.id,
    }),
  ];
  if (!hasOutstandingActions(snapshot)) {
    events.push(change(c, ctx, 'complaint.actions_completed', { actionsOutstanding: true }, { actionsOutstanding: false }));
  }
  return { snapshot, events };
}

// ---------------------------------------------------------------------------------------------
// Derived views
// ---------------------------------------------------------------------------------------------

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

export type OperationName =
  | 'acknowledge'
  | 'assignHandler'
  | 'extend'
  | 'respond'
  | 'escalate'
  | 'refuse'
  | 'close'
  | 'addRelatedIssue'
  | 'completeAction';

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
