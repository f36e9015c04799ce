// 2.2 / 2.3: a complaint about an issue that arose more than 12 months before it was made may be
// refused, but only after considering discretion; never automatically. So this only flags it.
import { civilDateInLondon } from '../civilDate.ts';
import type { CivilDate } from '../civilDate.ts';

/** The same calendar date a year earlier; 29 February becomes 28 February. */
function oneYearBefore(day: CivilDate): CivilDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = String(y - 1).padStart(4, '0');
  const leap = (y - 1) % 4 === 0 && ((y - 1) % 100 !== 0 || (y - 1) % 400 === 0);
  const dayOfMonth = m === 2 && d === 29 && !leap ? 28 : d;
  return `${year}-${String(m).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}` as CivilDate;
}

/** True when the issue started more than 12 months before the London date of receipt. */
export function issueOverTwelveMonths(issueStartedOn: CivilDate, receivedAt: Date): boolean {
  return issueStartedOn < oneYearBefore(civilDateInLondon(receivedAt));
}
