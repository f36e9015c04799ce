// The lifecycle's vocabulary; the values mirror the Prisma enums. Browser-safe: the request
// schemas (and so the console) import these constants.

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

/** The operations a case's state can allow (see derived.ts availableOperations). */
export const OPERATION_NAMES = [
  'acknowledge',
  'assignHandler',
  'extend',
  'respond',
  'escalate',
  'refuse',
  'close',
  'addRelatedIssue',
  'completeAction',
] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

/** The work a case view offers: the operations, editing the definition and adding a note (who may: complaints/stageOwnership.ts). */
export const CASE_WORK = ['define', 'addNote', ...OPERATION_NAMES] as const;
export type CaseWork = (typeof CASE_WORK)[number];
