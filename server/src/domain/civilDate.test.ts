import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarDaysBetween,
  civilDateFromDbDate,
  civilDateInLondon,
  civilDateToDbDate,
  compareCivilDates,
  dayOfWeek,
  isCivilDate,
  parseCivilDate,
} from './civilDate.ts';

// An independent oracle for UK time: BST runs from 01:00 UTC on the last Sunday of March to
// 01:00 UTC on the last Sunday of October.
function lastSundayUtc(year: number, monthIndex: number): number {
  const last = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, last.getUTCDate() - last.getUTCDay(), 1);
}
function londonDateOracle(instant: Date): string {
  const t = instant.getTime();
  const y = instant.getUTCFullYear();
  const bst = t >= lastSundayUtc(y, 2) && t < lastSundayUtc(y, 9);
  return new Date(t + (bst ? 3_600_000 : 0)).toISOString().slice(0, 10);
}

describe('civilDateInLondon', () => {
  it('runs in UTC, so nothing below can pass by accident of the machine zone', () => {
    expect(process.env.TZ).toBe('UTC');
  });

  it.each([
    ['late summer Sunday evening in UTC is Monday in London', '2026-06-14T23:30:00Z', '2026-06-15'],
    ['late winter evening stays the same day (GMT)', '2026-01-15T23:30:00Z', '2026-01-15'],
    ['just before the spring clock change', '2026-03-29T00:30:00Z', '2026-03-29'],
    ['the first evening of BST', '2026-03-29T23:30:00Z', '2026-03-30'],
    ['the last minute of the BST Sunday', '2026-03-29T22:59:59Z', '2026-03-29'],
    ['the night the clocks go back, still BST', '2026-10-24T23:30:00Z', '2026-10-25'],
    ['the evening after the clocks go back (GMT)', '2026-10-25T23:30:00Z', '2026-10-25'],
    ['New Year in London', '2026-12-31T23:59:59Z', '2026-12-31'],
    ['midsummer midnight UTC is 1am in London', '2026-07-01T00:00:00Z', '2026-07-01'],
    ['11pm UTC on 30 June is midnight in London', '2026-06-30T23:00:00Z', '2026-07-01'],
  ])('%s', (_label, instant, expected) => {
    expect(civilDateInLondon(new Date(instant))).toBe(expected);
  });

  it('agrees with the UK daylight saving rule for any instant 2020-2035', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true }),
        (instant) => civilDateInLondon(instant) === londonDateOracle(instant),
      ),
      { numRuns: 500 },
    );
  });

  it('rejects an invalid Date', () => {
    expect(() => civilDateInLondon(new Date('nope'))).toThrow(RangeError);
  });
});

describe('civil date helpers', () => {
  it.each(['2026-02-29', '2026-13-01', '2026-04-31', '26-04-01', '2026-4-1', '', '2026-04-01T00:00'])(
    'rejects %j',
    (text) => {
      expect(isCivilDate(text)).toBe(false);
      expect(() => parseCivilDate(text)).toThrow(RangeError);
    },
  );

  it('accepts real dates, including 29 February in a leap year', () => {
    expect(parseCivilDate('2028-02-29')).toBe('2028-02-29');
  });

  it('adds calendar days across months, years and clock changes', () => {
    expect(addCalendarDays(parseCivilDate('2026-03-28'), 2)).toBe('2026-03-30');
    expect(addCalendarDays(parseCivilDate('2026-12-31'), 1)).toBe('2027-01-01');
    expect(addCalendarDays(parseCivilDate('2026-03-01'), -1)).toBe('2026-02-28');
    expect(calendarDaysBetween(parseCivilDate('2026-03-01'), parseCivilDate('2026-04-01'))).toBe(31);
  });

  it('compares and names weekdays', () => {
    expect(compareCivilDates(parseCivilDate('2026-01-02'), parseCivilDate('2026-01-10'))).toBe(-1);
    expect(compareCivilDates(parseCivilDate('2026-01-10'), parseCivilDate('2026-01-10'))).toBe(0);
    expect(dayOfWeek(parseCivilDate('2026-04-03'))).toBe(5); // Good Friday
    expect(dayOfWeek(parseCivilDate('2026-12-26'))).toBe(6);
  });

  it('round-trips the UTC-midnight Dates Prisma uses for @db.Date', () => {
    const day = parseCivilDate('2026-07-01');
    expect(civilDateToDbDate(day).toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(civilDateFromDbDate(civilDateToDbDate(day))).toBe(day);
  });
});
