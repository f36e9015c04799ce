// The Code deadline the case is working to, as the engine summarised it (never recomputed here):
// in words first, with the colour only repeating what the words say.
import type { TComplaintView } from '@complaints/server/schemas';
import { formatCivilDate } from './format.ts';

type Deadline = NonNullable<TComplaintView['deadline']>;

const STATUS_WORDS: Record<Deadline['status'], string> = { on_track: 'On track', due_soon: 'Due within 2 working days', overdue: 'Overdue' };

export function daysLeftText(deadline: Pick<Deadline, 'workingDaysLeft'>): string {
  const n = deadline.workingDaysLeft;
  if (n < 0) return `${-n} working day${n === -1 ? '' : 's'} overdue`;
  if (n === 0) return 'Due today';
  return `${n} working day${n === 1 ? '' : 's'} left`;
}

export function DeadlineBadge({ deadline }: { deadline: TComplaintView['deadline'] }) {
  if (!deadline) return <p className="deadline deadline-none">No Code deadline running now.</p>;
  const what = deadline.kind === 'acknowledgement' ? 'Acknowledgement' : 'Response';
  return (
    <p className={`deadline deadline-${deadline.status}`}>
      <span className="deadline-status">{STATUS_WORDS[deadline.status]}</span>{' '}
      <span className="deadline-days">{daysLeftText(deadline)}</span>
      <span className="deadline-due">
        {' '}
        — {what} due {formatCivilDate(deadline.dueOn)}
      </span>
    </p>
  );
}
