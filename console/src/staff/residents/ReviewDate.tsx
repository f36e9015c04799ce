import { formatCivilDate } from '../dates.ts';

/** 5.10 / 5.14: the review date, with an overdue review said in words (not colour alone). */
export function ReviewDate({ reviewOn, overdue, inForce }: { reviewOn: string | null; overdue: boolean; inForce: boolean }) {
  if (!inForce) return null;
  if (!reviewOn) return <p className="muted">No review date set.</p>;
  if (overdue) {
    return (
      <p className="review-overdue">
        <span aria-hidden="true">⚠ </span>
        <strong>Review overdue since {formatCivilDate(reviewOn)}</strong>
      </p>
    );
  }
  return <p>Next review: {formatCivilDate(reviewOn)}</p>;
}
