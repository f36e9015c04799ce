import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, parseCivilDate } from './civilDate.ts';
import type { CivilDate } from './civilDate.ts';
import { createWorkingCalendar, englandAndWalesBankHolidays } from './workingDays.ts';

const d = parseCivilDate;
const calendar = createWorkingCalendar();

const civilDates = fc
  .integer({ min: Date.UTC(2020, 0, 1) / 86_400_000, max: Date.UTC(2035, 11, 31) / 86_400_000 })
  .map((days) => new Date(days * 86_400_000).toISOString().slice(0, 10) as CivilDate);

describe('England and Wales bank holidays', () => {
  it('2026: the eight bank holidays, with 28 December as the Boxing Day substitute', () => {
    const dates = englandAndWalesBankHolidays(2026).map((h) => h.date);
    // Boxing Day itself (Saturday 26 December) is listed too; it is a weekend anyway.
    expect(dates.filter((date) => calendar.nonWorkingReason(date) === 'bank_holiday')).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ]);
  });

  it('leaves out observances such as Mothering Sunday and Easter Sunday', () => {
    const names = englandAndWalesBankHolidays(2026).map((h) => h.name);
    expect(names.some((n) => /mother|father|easter sunday/i.test(n))).toBe(false);
  });

  it.each([
    ['2022-06-03', 'the Platinum Jubilee'],
    ['2022-09-19', 'the State Funeral'],
    ['2023-05-08', 'the Coronation'],
    ['2022-01-03', 'a New Year substitute day'],
    ['2027-12-27', 'a Christmas substitute day'],
  ])('%s (%s) is not a working day', (date) => {
    expect(calendar.isWorkingDay(d(date))).toBe(false);
  });

  it('caches each year (the same frozen list comes back)', () => {
    expect(englandAndWalesBankHolidays(2031)).toBe(englandAndWalesBankHolidays(2031));
    expect(Object.isFrozen(englandAndWalesBankHolidays(2031))).toBe(true);
  });

  it('does not include Scottish-only holidays', () => {
    expect(calendar.isWorkingDay(d('2026-01-02'))).toBe(true); // 2 January is a Scottish bank holiday
    expect(calendar.isWorkingDay(d('2026-11-30'))).toBe(true); // St Andrew's Day
  });
});

describe('addWorkingDays: day 1 is the first working day after the day of receipt', () => {
  it.each([
    ['Monday, plain week', '2026-06-15', 5, '2026-06-22'],
    ['Thursday before Easter', '2026-04-02', 5, '2026-04-13'],
    ['Good Friday (a bank holiday)', '2026-04-03', 5, '2026-04-13'],
    ['Easter Saturday', '2026-04-04', 5, '2026-04-13'],
    ['Wednesday before Easter', '2026-04-01', 5, '2026-04-10'],
    ['Thursday before Easter, 10 days', '2026-04-02', 10, '2026-04-20'],
    ['Saturday before the May bank holiday', '2026-05-02', 5, '2026-05-11'],
    ['Sunday before the spring bank holiday', '2026-05-24', 5, '2026-06-01'],
    ['the summer bank holiday itself', '2026-08-31', 5, '2026-09-07'],
    ['Christmas Eve 2026', '2026-12-24', 5, '2027-01-05'],
    ['23 December 2026', '2026-12-23', 5, '2027-01-04'],
    ['18 December 2026, 10 days', '2026-12-18', 10, '2027-01-06'],
    ['Christmas Eve 2026, 20 days', '2026-12-24', 20, '2027-01-26'],
    ['Sunday of the spring clock change', '2026-03-29', 5, '2026-04-07'],
    ['Sunday of the autumn clock change', '2026-10-25', 5, '2026-10-30'],
    ['0 days is the same day', '2026-04-04', 0, '2026-04-04'],
    ['1 day from Friday is Monday', '2026-06-19', 1, '2026-06-22'],
  ])('%s: %s + %i working days = %s', (_label, from, n, expected) => {
    expect(calendar.addWorkingDays(d(from), n)).toBe(expected);
  });

  it('rejects negative and fractional day counts', () => {
    expect(() => calendar.addWorkingDays(d('2026-04-01'), -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(d('2026-04-01'), 1.5)).toThrow(RangeError);
  });
});

describe('closure days', () => {
  const closed = createWorkingCalendar({ closureDays: [d('2026-12-29'), d('2026-12-30'), d('2026-12-31')] });

  it('skips the landlord closure days as well as bank holidays', () => {
    expect(closed.addWorkingDays(d('2026-12-24'), 5)).toBe('2027-01-08');
    expect(closed.nonWorkingReason(d('2026-12-30'))).toBe('closure_day');
    expect(closed.nonWorkingReason(d('2026-12-28'))).toBe('bank_holiday');
    expect(closed.nonWorkingReason(d('2026-12-27'))).toBe('weekend');
  });

  it('leaves other calendars alone', () => {
    expect(calendar.isWorkingDay(d('2026-12-30'))).toBe(true);
  });

  it('describes days for the console', () => {
    expect(closed.describeDays(d('2026-12-25'), 5)).toEqual([
      { date: '2026-12-25', working: false, reason: 'bank_holiday', name: 'Christmas Day' },
      { date: '2026-12-26', working: false, reason: 'weekend', name: 'Boxing Day' },
      { date: '2026-12-27', working: false, reason: 'weekend', name: null },
      { date: '2026-12-28', working: false, reason: 'bank_holiday', name: 'Boxing Day (substitute day)' },
      { date: '2026-12-29', working: false, reason: 'closure_day', name: null },
    ]);
  });

  it('accepts a different bank holiday source', () => {
    const none = createWorkingCalendar({ bankHolidays: () => [] });
    expect(none.isWorkingDay(d('2026-12-25'))).toBe(true);
  });
});

describe('workingDaysBetween and workingDaysLeft', () => {
  it.each([
    ['2026-04-02', '2026-04-13', 5],
    ['2026-04-13', '2026-04-02', -5],
    ['2026-04-03', '2026-04-06', 0],
    ['2026-12-24', '2026-12-29', 1],
    ['2026-06-15', '2026-06-15', 0],
  ])('between %s and %s is %i', (a, b, n) => {
    expect(calendar.workingDaysBetween(d(a), d(b))).toBe(n);
  });

  it.each([
    ['due later, counted in working days', '2026-04-13', '2026-04-07', 4],
    ['due on the next working day after a weekend', '2026-04-13', '2026-04-11', 1],
    ['due today', '2026-04-13', '2026-04-13', 0],
    ['overdue by two working days', '2026-04-10', '2026-04-14', -2],
    ['overdue over a weekend is still negative', '2026-04-10', '2026-04-11', -1],
  ])('%s', (_label, dueOn, today, left) => {
    expect(calendar.workingDaysLeft(d(dueOn), d(today))).toBe(left);
  });
});

describe('properties, for any date 2020-2035', () => {
  it('addWorkingDays lands on a working day after the start', () => {
    fc.assert(
      fc.property(civilDates, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const due = calendar.addWorkingDays(from, n);
        return calendar.isWorkingDay(due) && due > from;
      }),
      { numRuns: 400 },
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
    fc.assert(
      fc.property(civilDates, fc.integer({ min: 0, max: 60 }), (from, n) => {
        return calendar.workingDaysBetween(from, calendar.addWorkingDays(from, n)) === n;
      }),
      { numRuns: 400 },
    );
  });

  it('the day before a due date leaves exactly one working day fewer counted', () => {
    fc.assert(
      fc.property(civilDates, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const due = calendar.addWorkingDays(from, n);
        return calendar.workingDaysBetween(from, addCalendarDays(due, -1)) === n - 1;
      }),
      { numRuns: 200 },
    );
  });

  it('holds with random closure days too', () => {
    fc.assert(
      fc.property(
        civilDates,
        fc.integer({ min: 0, max: 60 }),
        fc.array(fc.integer({ min: 0, max: 90 }), { maxLength: 15 }),
        (from, n, offsets) => {
          const closed = createWorkingCalendar({ closureDays: offsets.map((o) => addCalendarDays(from, o)) });
          const due = closed.addWorkingDays(from, n);
          return closed.workingDaysBetween(from, due) === n && (n === 0 || closed.isWorkingDay(due));
        },
      ),
      { numRuns: 200 },
    );
  });
});
