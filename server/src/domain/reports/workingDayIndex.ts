// The landlord's working calendar, tabulated for a range of days so that a report over 100,000
// cases counts working days by subtraction instead of walking the calendar day by day. Outside
// the range it falls back to the calendar itself, so answers never depend on the range chosen.
import type { CivilDate } from '../civilDate.ts';
import type { WorkingCalendar } from '../workingDays.ts';

const MS_PER_DAY = 86_400_000;

function dayNumber(day: CivilDate): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / MS_PER_DAY;
}

function fromDayNumber(n: number): CivilDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10) as CivilDate;
}

export interface WorkingDayIndex {
  /** As WorkingCalendar.workingDaysBetween. */
  workingDaysBetween(from: CivilDate, to: CivilDate): number;
  /** As WorkingCalendar.addWorkingDays. */
  addWorkingDays(from: CivilDate, n: number): CivilDate;
}

export function createWorkingDayIndex(calendar: WorkingCalendar, range: { from: CivilDate; to: CivilDate }): WorkingDayIndex {
  const first = dayNumber(range.from);
  const last = Math.max(first, dayNumber(range.to));
  // upTo[i]: working days in [first, first + i]; working[k]: the day number of the (k+1)-th.
  const upTo = new Int32Array(last - first + 1);
  const working: number[] = [];
  const names: CivilDate[] = [];
  for (let n = first, count = 0; n <= last; n += 1) {
    const name = fromDayNumber(n);
    names.push(name);
    if (calendar.isWorkingDay(name)) {
      count += 1;
      working.push(n);
    }
    upTo[n - first] = count;
  }
  const covers = (n: number) => n >= first && n <= last;

  return {
    workingDaysBetween(from, to) {
      const a = dayNumber(from);
      const b = dayNumber(to);
      if (!covers(a) || !covers(b)) return calendar.workingDaysBetween(from, to);
      return (upTo[b - first] as number) - (upTo[a - first] as number);
    },
    addWorkingDays(from, n) {
      const a = dayNumber(from);
      if (n === 0) return from;
      const target = covers(a) && n > 0 ? working[(upTo[a - first] as number) + n - 1] : undefined;
      if (target === undefined) return calendar.addWorkingDays(from, n);
      return covers(target) ? (names[target - first] as CivilDate) : fromDayNumber(target);
    },
  };
}
