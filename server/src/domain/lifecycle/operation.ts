// What every operation takes besides the case (the time, the calendar, the actor, an id source)
// and what it gives back. The engine never reads the clock itself.
import type { WorkingCalendar } from '../workingDays.ts';
import type { CaseSnapshot } from './caseSnapshot.ts';
import type { DomainEvent } from './events.ts';

export interface OperationContext {
  now: Date;
  calendar: WorkingCalendar;
  /** The member of staff acting; null for the bot or a scheduled job. */
  actorId: string | null;
  /** Ids for new rows (extensions, remedies, actions, refusals); the service passes randomUUID. */
  newId: () => string;
}

export interface Transition {
  snapshot: CaseSnapshot;
  events: DomainEvent[];
}
