import type { TCaseListItem } from '@complaints/server/schemas';
import { formatCivilDate } from '../dates.ts';

type Deadline = NonNullable<TCaseListItem['deadline']>;

const days = (n: number) => `${n} working day${n === 1 ? '' : 's'}`;

/** The engine's summary in words; the colour only repeats what the words say. */
export function deadlineText(deadline: Deadline): string {
  if (deadline.status === 'overdue') return `Overdue by ${days(-deadline.workingDaysLeft)}`;
  if (deadline.workingDaysLeft === 0) return 'Due today';
  return `${days(deadline.workingDaysLeft)} left`;
}

export function DeadlineBadge({ deadline }: { deadline: TCaseListItem['deadline'] }) {
  if (!deadline) return <span className="muted">No deadline running</span>;
  return (
    <span className={`deadline deadline-${deadline.status}`}>
      <span className="strong">{deadlineText(deadline)}</span>
      <span className="deadline-date"> (due {formatCivilDate(deadline.dueOn)})</span>
    </span>
  );
}
