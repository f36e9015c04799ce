// The domain events an operation returns: audit changes (5.12) and letters the resident must be sent.
import type { Stage } from '../deadlines.ts';
import type { LetterRequest } from '../letters/index.ts';

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

export interface EventBase {
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
