// A Code deadline as the engine summarised it (never recomputed here): in words first, with the
// colour only repeating what the words say.
import { DEADLINE_STATUS_LABELS, type TComplaintView, type TDeadlineSummary } from '@complaints/server/schemas';
import { formatCivilDate as shortDate } from '../dates.ts';
import { formatCivilDate as longDate } from './format.ts';

const days = (n: number) => `${n} working day${n === 1 ? '' : 's'}`;

/** "3 working days left", "Due today", "Overdue by 2 working days". */
export function deadlineText(deadline: Pick<TDeadlineSummary, 'workingDaysLeft'>): string {
  if (deadline.workingDaysLeft < 0) return `Overdue by ${days(-deadline.workingDaysLeft)}`;
  if (deadline.workingDaysLeft === 0) return 'Due today';
  return `${days(deadline.workingDaysLeft)} left`;
}

/** In a list or a panel: the words and the due date. */
export function DeadlineBadge({ deadline }: { deadline: TDeadlineSummary | null }) {
  if (!deadline) return <span className="muted">No deadline running</span>;
  return (
    <span className={`deadline deadline-${deadline.status}`}>
      <span className="strong">{deadlineText(deadline)}</span>
      <span className="deadline-date"> (due {shortDate(deadline.dueOn)})</span>
    </span>
  );
}

/** The case view's header: which deadline, its status, the days and the date. */
export function CaseDeadline({ deadline }: { deadline: TComplaintView['deadline'] }) {
  if (!deadline) return <p className="deadline deadline-none">No Code deadline running now.</p>;
  const what = deadline.kind === 'acknowledgement' ? 'Acknowledgement' : 'Response';
  return (
    <p className={`deadline deadline-${deadline.status}`}>
      <span className="deadline-status">{DEADLINE_STATUS_LABELS[deadline.status]}</span>{' '}
      <span className="deadline-days">{deadlineText(deadline)}</span>
      <span className="deadline-due">
        {' '}
        — {what} due {longDate(deadline.dueOn)}
      </span>
    </p>
  );
}
