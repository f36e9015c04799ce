// A civil (calendar) date with no time and no zone: the unit the Code's deadlines are counted
// in. Instants become civil dates in Europe/London, whatever the server's own time zone is:
// a message sent at 23:30 UTC on a summer Sunday arrived on Monday for the landlord.

declare const civilDateBrand: unique symbol;

/** 'YYYY-MM-DD', checked to be a real date. Create with parseCivilDate or civilDateInLondon. */
export type CivilDate = string & { readonly [civilDateBrand]: true };

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const LONDON_TIME_ZONE = 'Europe/London';

const CIVIL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isCivilDate(value: unknown): value is CivilDate {
  if (typeof value !== 'string') return false;
  const match = CIVIL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  // Round-tripping through UTC rejects 2026-02-30 and friends.
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** Throws a RangeError unless `value` is a real date written 'YYYY-MM-DD'. */
export function parseCivilDate(value: string): CivilDate {
  if (!isCivilDate(value)) throw new RangeError(`Not a date in the form YYYY-MM-DD: ${JSON.stringify(value)}`);
  return value;
}

function fromUtcMidnight(ms: number): CivilDate {
  return new Date(ms).toISOString().slice(0, 10) as CivilDate;
}

function toUtcMidnight(day: CivilDate): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

let londonFormatter: Intl.DateTimeFormat | undefined;

/** The date on a London calendar at `instant` (GMT in winter, BST in summer). */
export function civilDateInLondon(instant: Date): CivilDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid instant');
  londonFormatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: LONDON_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const parts: Record<string, string> = {};
  for (const part of londonFormatter.formatToParts(instant)) parts[part.type] = part.value;
  return parseCivilDate(`${parts.year}-${parts.month}-${parts.day}`);
}

/**
 * Prisma returns `@db.Date` columns as a Date at UTC midnight; read it back by its UTC fields
 * (a London conversion would be wrong for dates written that way).
 */
export function civilDateFromDbDate(value: Date): CivilDate {
  if (Number.isNaN(value.getTime())) throw new RangeError('Invalid date');
  return fromUtcMidnight(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
}

/** The Date Prisma expects for a `@db.Date` column: UTC midnight of the civil date. */
export function civilDateToDbDate(day: CivilDate): Date {
  return new Date(toUtcMidnight(day));
}

export function addCalendarDays(day: CivilDate, days: number): CivilDate {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be a whole number: ${days}`);
  return fromUtcMidnight(toUtcMidnight(day) + days * MS_PER_DAY);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: CivilDate, to: CivilDate): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / MS_PER_DAY);
}

/** -1, 0 or 1; 'YYYY-MM-DD' strings sort as dates, so this is usable with Array.sort. */
export function compareCivilDates(a: CivilDate, b: CivilDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isBefore(a: CivilDate, b: CivilDate): boolean {
  return a < b;
}

export function isAfter(a: CivilDate, b: CivilDate): boolean {
  return a > b;
}

export function dayOfWeek(day: CivilDate): DayOfWeek {
  return new Date(toUtcMidnight(day)).getUTCDay() as DayOfWeek;
}

export function isWeekend(day: CivilDate): boolean {
  const dow = dayOfWeek(day);
  return dow === 0 || dow === 6;
}

export function yearOf(day: CivilDate): number {
  return Number(day.slice(0, 4));
}
