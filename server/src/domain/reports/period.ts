// The period a report covers: whole civil days in Europe/London, both ends included. Quarters
// are calendar quarters; a "year" is the social housing reporting year, 1 April to 31 March,
// which the Regulator of Social Housing's Tenant Satisfaction Measures use.
import { addCalendarDays, calendarDaysBetween, isCivilDate, yearOf } from '../civilDate.ts';
import type { CivilDate } from '../civilDate.ts';

export const PERIOD_PRESETS = ['this_quarter', 'last_quarter', 'this_year', 'last_year', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** Longest custom period: five reporting years is enough for any trend the board asks for. */
export const MAX_PERIOD_DAYS = 5 * 366;

/** Both ends included. */
export interface DateRange {
  from: CivilDate;
  to: CivilDate;
}

export interface ReportPeriod {
  preset: PeriodPreset;
  from: CivilDate;
  to: CivilDate;
  label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const date = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as CivilDate;
const monthOf = (day: CivilDate) => Number(day.slice(5, 7));

/** 1 April 2026 → "1 Apr 2026". */
export function formatDay(day: CivilDate): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[monthOf(day) - 1]} ${yearOf(day)}`;
}

function lastDayOfMonth(y: number, m: number): CivilDate {
  return addCalendarDays(m === 12 ? date(y + 1, 1, 1) : date(y, m + 1, 1), -1);
}

function quarterStarting(y: number, firstMonth: number): { from: CivilDate; to: CivilDate } {
  return { from: date(y, firstMonth, 1), to: lastDayOfMonth(y, firstMonth + 2) };
}

/** The reporting year (1 April to 31 March) that starts in `startYear`. */
export function reportingYear(startYear: number): { from: CivilDate; to: CivilDate; label: string } {
  return { from: date(startYear, 4, 1), to: date(startYear + 1, 3, 31), label: `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}` };
}

export function reportingYearStartOf(day: CivilDate): number {
  return monthOf(day) >= 4 ? yearOf(day) : yearOf(day) - 1;
}

export class PeriodError extends RangeError {}

/**
 * Resolves a preset against `today` (a London date); `custom` needs both ends. Throws a
 * PeriodError with a message for the person who chose the dates.
 */
export function resolvePeriod(preset: PeriodPreset, today: CivilDate, custom: { from?: CivilDate; to?: CivilDate } = {}): ReportPeriod {
  const y = yearOf(today);
  const firstMonth = Math.floor((monthOf(today) - 1) / 3) * 3 + 1;
  switch (preset) {
    case 'this_quarter': {
      const q = quarterStarting(y, firstMonth);
      return { preset, ...q, label: `This quarter (${formatDay(q.from)} to ${formatDay(q.to)})` };
    }
    case 'last_quarter': {
      const q = firstMonth === 1 ? quarterStarting(y - 1, 10) : quarterStarting(y, firstMonth - 3);
      return { preset, ...q, label: `Last quarter (${formatDay(q.from)} to ${formatDay(q.to)})` };
    }
    case 'this_year':
    case 'last_year': {
      const start = reportingYearStartOf(today) - (preset === 'last_year' ? 1 : 0);
      const year = reportingYear(start);
      return { preset, from: year.from, to: year.to, label: `Reporting year ${year.label} (${formatDay(year.from)} to ${formatDay(year.to)})` };
    }
    case 'custom': {
      const { from, to } = custom;
      if (!from || !to || !isCivilDate(from) || !isCivilDate(to)) throw new PeriodError('A custom period needs a from date and a to date (YYYY-MM-DD).');
      if (to < from) throw new PeriodError(`The period ends (${to}) before it starts (${from}); swap the dates.`);
      if (calendarDaysBetween(from, to) + 1 > MAX_PERIOD_DAYS) throw new PeriodError('A period can be at most five years long.');
      return { preset, from, to, label: `${formatDay(from)} to ${formatDay(to)}` };
    }
  }
}

/** The period a report is compared with (trends, 9.7). */
export interface ComparedPeriod {
  from: CivilDate;
  to: CivilDate;
  label: string;
}

/**
 * The period of equal length just before `period`. A period of whole calendar months (a quarter,
 * a reporting year, a month) is compared with the same number of whole months before it, so a
 * quarter meets the quarter before and a reporting year the reporting year before (whatever
 * their days); any other period with the same number of days just before it.
 */
export function previousPeriod(period: DateRange): ComparedPeriod {
  const fromYear = yearOf(period.from);
  const fromMonth = monthOf(period.from);
  const wholeMonths = period.from.endsWith('-01') && period.to === lastDayOfMonth(yearOf(period.to), monthOf(period.to));
  let from: CivilDate;
  if (wholeMonths) {
    const months = (yearOf(period.to) - fromYear) * 12 + monthOf(period.to) - fromMonth + 1;
    const start = fromYear * 12 + (fromMonth - 1) - months;
    from = date(Math.floor(start / 12), (start % 12) + 1, 1);
  } else {
    from = addCalendarDays(period.from, -(calendarDaysBetween(period.from, period.to) + 1));
  }
  const to = addCalendarDays(period.from, -1);
  const year = reportingYear(reportingYearStartOf(from));
  const label = year.from === from && year.to === to ? `Reporting year ${year.label} (${formatDay(from)} to ${formatDay(to)})` : `${formatDay(from)} to ${formatDay(to)}`;
  return { from, to, label };
}

export function inPeriod(day: CivilDate | null | undefined, period: DateRange): boolean {
  return day != null && day >= period.from && day <= period.to;
}

export interface MonthBucket {
  /** '2026-04' */
  key: string;
  /** 'Apr 2026' */
  label: string;
}

/** The calendar months the period touches, in order (a trend's x axis). */
export function monthsOf(period: DateRange): MonthBucket[] {
  const months: MonthBucket[] = [];
  let y = yearOf(period.from);
  let m = monthOf(period.from);
  const endKey = period.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push({ key, label: `${MONTHS[m - 1]} ${y}` });
    if (key >= endKey) return months;
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
}

export const monthKey = (day: CivilDate): string => day.slice(0, 7);
