// The Code's two-stage complaint lifecycle as pure functions. Each operation takes the case as
// it is, a command, and an OperationContext (the time, the working calendar, who is acting, an id
// source); it returns the case as it becomes plus the domain events to record, or throws a
// CodeRuleViolation naming the provision it would break. Nothing here reads the clock or a database.
// Explicit lists: the internal helpers (guards, event builders, withCurrentStage) stay private.
export { CASE_WORK, COMPLAINT_STATUSES, DECISIONS, OPERATION_NAMES, REFUSAL_REASONS, REMEDY_KINDS } from './vocabulary.ts';
export type { ComplaintStatus, Decision, RefusalReason, RemedyKind } from './vocabulary.ts';
export type {
  CaseSnapshot,
  ClosureRecord,
  ComplaintDefinition,
  ExtensionRecord,
  OutstandingActionRecord,
  RefusalRecord,
  RelatedIssueRecord,
  RemedyRecord,
  StageRecord,
} from './caseSnapshot.ts';
export type { OperationContext, Transition } from './operation.ts';
export type { ChangeEvent, ChangeEventType, DomainEvent, EntityType, JsonValue, LetterRequiredEvent } from './events.ts';
export { CodeRuleViolation, isCodeRuleViolation } from './violations.ts';
export type { CodeRuleCode } from './violations.ts';
export { currentStageRecord } from './stageAccess.ts';
export { openCase } from './openCase.ts';
export type { OpenCaseInput } from './openCase.ts';
export { acknowledge } from './acknowledge.ts';
export type { AcknowledgeInput } from './acknowledge.ts';
export { assignHandler } from './assignHandler.ts';
export type { AssignHandlerInput } from './assignHandler.ts';
export { extend, extensionAllowance } from './extend.ts';
export type { ExtendInput, ExtensionAllowance } from './extend.ts';
export { respond } from './respond.ts';
export type { OutstandingActionInput, RemedyInput, RespondInput } from './respond.ts';
export { escalate } from './escalate.ts';
export type { EscalateInput } from './escalate.ts';
export { refuse } from './refuse.ts';
export type { RefuseInput } from './refuse.ts';
export { close } from './close.ts';
export type { CloseInput } from './close.ts';
export { addRelatedIssue, routeNewIssue } from './relatedIssue.ts';
export type { AddRelatedIssueInput, NewIssue, NewIssueRoute } from './relatedIssue.ts';
export { completeAction } from './completeAction.ts';
export type { CompleteActionInput } from './completeAction.ts';
export { availableOperations, currentDeadline, currentDueOn, hasOutstandingActions, outstandingItems } from './derived.ts';
export type { CaseDeadline, OperationName, OutstandingItem } from './derived.ts';
export type { CaseWork } from './vocabulary.ts';
export { issueOverTwelveMonths } from './twelveMonths.ts';
