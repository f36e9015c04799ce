// 5.10 and 5.14: reasonable adjustments, disclosed disabilities and contact restrictions are kept
// under review. A review date in the past on a record still in force is overdue, and staff see it.
// These rules return the problem (provision first) rather than throwing, so the service decides
// how to report it; null means the record may be saved.
import type { CivilDate } from './civilDate.ts';

/** Overdue from the day after the review date: a review due today is not yet late. */
export function reviewOverdue(reviewOn: CivilDate | null, today: CivilDate, inForce: boolean): boolean {
  return inForce && reviewOn !== null && reviewOn < today;
}

/** A review date being set now (on adding, agreeing or reviewing) cannot already have passed. */
export function nextReviewProblem(provision: string, reviewOn: CivilDate, today: CivilDate): string | null {
  return reviewOn < today ? `${provision}: the next review date cannot be in the past (today is ${today}).` : null;
}

/** 5.10: an adjustment that is agreed is kept under active review, so it needs a review date. */
export function agreedAdjustmentProblem(status: string, reviewOn: CivilDate | null): string | null {
  return status === 'agreed' && reviewOn === null
    ? '5.10: an agreed reasonable adjustment needs a review date, so it is kept under active review.'
    : null;
}

/**
 * 5.14: a restriction on contact is evidenced and reviewed regularly; its review date falls after
 * it starts. (Evidence and reason are required by the request schema.)
 */
export function restrictionDatesProblem(startsOn: CivilDate, reviewOn: CivilDate, today: CivilDate): string | null {
  if (reviewOn <= startsOn) return `5.14: the review date (${reviewOn}) must be after the restriction starts (${startsOn}).`;
  return nextReviewProblem('5.14', reviewOn, today);
}
