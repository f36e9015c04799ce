// The case list filters by deadline status in the database, so the engine turns each status into
// the range of due dates that has it today. The ranges agree with summariseDeadline by
// construction (a property test checks it): due soon is "due today or within the next
// DUE_SOON_WORKING_DAYS working days", so its end is the working day after those.
import type { CivilDate } from './civilDate.ts';
import { DUE_SOON_WORKING_DAYS } from './deadlines.ts';
import type { DeadlineStatus } from './deadlines.ts';
import type { WorkingCalendar } from './workingDays.ts';


/** Due dates `from` (inclusive) up to `before` (exclusive); a missing end is open. */
export interface DueDateRange {
  from?: CivilDate;
  before?: CivilDate;
}

export function dueDateRange(status: DeadlineStatus, today: CivilDate, calendar: WorkingCalendar): DueDateRange {
  const endOfDueSoon = calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS + 1);
  if (status === 'overdue') return { before: today };
  if (status === 'due_soon') return { from: today, before: endOfDueSoon };
  return { from: endOfDueSoon };
}
