// Working days for the Code: not Saturdays, Sundays, England and Wales bank holidays (this
// Ombudsman's jurisdiction) or the landlord's own closure days. Day 1 of any timescale is the
// first working day after the day of receipt, even when receipt itself fell on a non-working day.
import Holidays from 'date-holidays';
import { addCalendarDays, isCivilDate, isWeekend, yearOf } from './civilDate.ts';
import type { CivilDate } from './civilDate.ts';

export interface BankHoliday {
  date: CivilDate;
  name: string;
}

/** Bank holidays for one year; replaceable so tests and other jurisdictions can supply their own. */
export type BankHolidaySource = (year: number) => readonly BankHoliday[];

export type NonWorkingReason = 'weekend' | 'bank_holiday' | 'closure_day';

export interface CalendarDay {
  date: CivilDate;
  working: boolean;
  /** Why the day is not a working day; null on working days. */
  reason: NonWorkingReason | null;
  /** The bank holiday's name, when it is one. */
  name: string | null;
}

export interface WorkingCalendar {
  isWorkingDay(day: CivilDate): boolean;
  nonWorkingReason(day: CivilDate): NonWorkingReason | null;
  /**
   * The n-th working day after `from` (day 1 is the first working day after it), so
   * addWorkingDays(receipt, 5) is the stage 1 acknowledgement due date. n = 0 returns `from`.
   */
  addWorkingDays(from: CivilDate, n: number): CivilDate;
  /**
   * Working days in (from, to] when `to` is later, minus the working days in (to, from] when it is
   * earlier; the inverse of addWorkingDays: workingDaysBetween(d, addWorkingDays(d, n)) === n.
   */
  workingDaysBetween(from: CivilDate, to: CivilDate): number;
  /**
   * Working days left until `dueOn` as seen on `today`: 0 when due today, negative once the due
   * date has passed (at least -1, even over a weekend, so the sign alone says "overdue").
   */
  workingDaysLeft(dueOn: CivilDate, today: CivilDate): number;
  /** The first working day strictly after `day`. */
  nextWorkingDay(day: CivilDate): CivilDate;
  bankHolidays(year: number): readonly BankHoliday[];
  /** `count` consecutive days from `from` (inclusive), for the console's calendar view. */
  describeDays(from: CivilDate, count: number): CalendarDay[];
}

export interface WorkingCalendarOptions {
  /** The landlord's closure days (ClosureDay rows), e.g. the days between Christmas and New Year. */
  closureDays?: Iterable<CivilDate>;
  bankHolidays?: BankHolidaySource;
}

// date-holidays also returns observances (Mother's Day, Easter Sunday); only public and bank
// holidays stop the clock. Its `date` field is already the local date, whatever the process TZ.
const BANK_HOLIDAY_TYPES = new Set(['public', 'bank']);

let englandAndWales: Holidays | undefined;
const bankHolidayCache = new Map<number, readonly BankHoliday[]>();

/** England and Wales bank holidays, including substitute days (e.g. 28 December 2026). */
export const englandAndWalesBankHolidays: BankHolidaySource = (year) => {
  const cached = bankHolidayCache.get(year);
  if (cached) return cached;
  englandAndWales ??= new Holidays('GB', 'ENG');
  const seen = new Set<string>();
  const list: BankHoliday[] = [];
  for (const holiday of englandAndWales.getHolidays(year) || []) {
    if (!BANK_HOLIDAY_TYPES.has(holiday.type)) continue;
    const date = holiday.date.slice(0, 10);
    if (!isCivilDate(date) || seen.has(date)) continue;
    seen.add(date);
    list.push({ date, name: holiday.name });
  }
  list.sort((a, b) => (a.date < b.date ? -1 : 1));
  const frozen = Object.freeze(list);
  bankHolidayCache.set(year, frozen);
  return frozen;
};

function assertWholeNonNegative(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number of 0 or more: ${n}`);
}

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const source = options.bankHolidays ?? englandAndWalesBankHolidays;
  const closures = new Set<string>(options.closureDays ?? []);
  const byYear = new Map<number, Map<string, string>>();

  const holidayName = (day: CivilDate): string | null => {
    const year = yearOf(day);
    let names = byYear.get(year);
    if (!names) {
      names = new Map(source(year).map((h) => [h.date, h.name]));
      byYear.set(year, names);
    }
    return names.get(day) ?? null;
  };

  const nonWorkingReason = (day: CivilDate): NonWorkingReason | null => {
    if (isWeekend(day)) return 'weekend';
    if (holidayName(day) !== null) return 'bank_holiday';
    if (closures.has(day)) return 'closure_day';
    return null;
  };

  const isWorkingDay = (day: CivilDate): boolean => nonWorkingReason(day) === null;

  const addWorkingDays = (from: CivilDate, n: number): CivilDate => {
    assertWholeNonNegative(n, 'Working days');
    let day = from;
    for (let counted = 0; counted < n; ) {
      day = addCalendarDays(day, 1);
      if (isWorkingDay(day)) counted += 1;
    }
    return day;
  };

  const countInHalfOpen = (from: CivilDate, to: CivilDate): number => {
    let count = 0;
    for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
      if (isWorkingDay(day)) count += 1;
    }
    return count;
  };

  const workingDaysBetween = (from: CivilDate, to: CivilDate): number => {
    if (from === to) return 0;
    return from < to ? countInHalfOpen(from, to) : -countInHalfOpen(to, from);
  };

  return {
    isWorkingDay,
    nonWorkingReason,
    addWorkingDays,
    workingDaysBetween,
    workingDaysLeft(dueOn, today) {
      if (today <= dueOn) return workingDaysBetween(today, dueOn);
      return Math.min(-1, -countInHalfOpen(dueOn, today));
    },
    nextWorkingDay: (day) => addWorkingDays(day, 1),
    bankHolidays: (year) => source(year),
    describeDays(from, count) {
      assertWholeNonNegative(count, 'Days');
      const days: CalendarDay[] = [];
      for (let i = 0; i < count; i += 1) {
        const date = addCalendarDays(from, i);
        const reason = nonWorkingReason(date);
        days.push({ date, working: reason === null, reason, name: holidayName(date) });
      }
      return days;
    },
  };
}
