import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCivilDate } from '../civilDate.ts';
import type { CivilDate } from '../civilDate.ts';
import { createWorkingCalendar } from '../workingDays.ts';
import { monthsOf, PeriodError, previousPeriod, resolvePeriod } from './period.ts';
import { learningByCategory } from './learning.ts';
import { percentile } from './timeliness.ts';
import { createWorkingDayIndex } from './workingDayIndex.ts';

const d = parseCivilDate;

describe('report periods', () => {
  it.each([
    ['this_quarter', '2026-05-20', '2026-04-01', '2026-06-30'],
    ['last_quarter', '2026-05-20', '2026-01-01', '2026-03-31'],
    ['last_quarter', '2026-02-10', '2025-10-01', '2025-12-31'],
    ['this_year', '2026-03-31', '2025-04-01', '2026-03-31'],
    ['this_year', '2026-04-01', '2026-04-01', '2027-03-31'],
    ['last_year', '2026-04-01', '2025-04-01', '2026-03-31'],
  ] as const)('%s on %s is %s to %s', (preset, today, from, to) => {
    expect(resolvePeriod(preset, d(today))).toMatchObject({ preset, from, to });
  });

  it.each([
    ['a reporting year: the one before', '2026-04-01', '2027-03-31', '2025-04-01', '2026-03-31', 'Reporting year 2025/26 (1 Apr 2025 to 31 Mar 2026)'],
    ['a quarter: the quarter before', '2027-01-01', '2027-03-31', '2026-10-01', '2026-12-31', '1 Oct 2026 to 31 Dec 2026'],
    ['a 92-day quarter: the 92-day quarter before, not 92 days', '2026-10-01', '2026-12-31', '2026-07-01', '2026-09-30', '1 Jul 2026 to 30 Sep 2026'],
    ['a 90-day quarter after a 92-day one: whole months still', '2027-01-01', '2027-03-31', '2026-10-01', '2026-12-31', '1 Oct 2026 to 31 Dec 2026'],
    ['one month: the month before, whatever its length', '2028-03-01', '2028-03-31', '2028-02-01', '2028-02-29', '1 Feb 2028 to 29 Feb 2028'],
    ['months across a new year', '2026-12-01', '2027-01-31', '2026-10-01', '2026-11-30', '1 Oct 2026 to 30 Nov 2026'],
    ['twelve months not starting in April: not a reporting year', '2026-01-01', '2026-12-31', '2025-01-01', '2025-12-31', '1 Jan 2025 to 31 Dec 2025'],
    ['ten days: the ten days before', '2026-03-10', '2026-03-19', '2026-02-28', '2026-03-09', '28 Feb 2026 to 9 Mar 2026'],
    ['from the middle of a month to its end: days', '2026-04-15', '2026-04-30', '2026-03-30', '2026-04-14', '30 Mar 2026 to 14 Apr 2026'],
    ['a year from 1 April that is a day short: days, so not the reporting year', '2026-04-01', '2027-03-30', '2025-04-02', '2026-03-31', '2 Apr 2025 to 31 Mar 2026'],
  ] as const)('compared with the period before, %s', (_why, from, to, previousFrom, previousTo, label) => {
    expect(previousPeriod({ from: d(from), to: d(to) })).toEqual({ from: previousFrom, to: previousTo, label });
  });

  it('labels the reporting year', () => {
    expect(resolvePeriod('this_year', d('2026-07-01')).label).toBe('Reporting year 2026/27 (1 Apr 2026 to 31 Mar 2027)');
  });

  it('custom periods need both dates in order, at most five years', () => {
    expect(resolvePeriod('custom', d('2026-01-01'), { from: d('2026-02-01'), to: d('2026-02-28') })).toMatchObject({ from: '2026-02-01', to: '2026-02-28', label: '1 Feb 2026 to 28 Feb 2026' });
    expect(() => resolvePeriod('custom', d('2026-01-01'), { from: d('2026-02-01') })).toThrow(PeriodError);
    expect(() => resolvePeriod('custom', d('2026-01-01'), { from: d('2026-03-01'), to: d('2026-02-01') })).toThrow('ends (2026-02-01) before it starts (2026-03-01)');
    expect(() => resolvePeriod('custom', d('2026-01-01'), { from: d('2020-01-01'), to: d('2026-02-01') })).toThrow('at most five years');
  });

  it('lists the months a period touches', () => {
    expect(monthsOf({ from: d('2026-11-15'), to: d('2027-02-01') }).map((m) => m.label)).toEqual(['Nov 2026', 'Dec 2026', 'Jan 2027', 'Feb 2027']);
  });

  it('nearest-rank percentiles', () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
  });
});

describe('the working-day index agrees with the calendar it tabulates', () => {
  const calendar = createWorkingCalendar({ closureDays: [d('2026-12-29'), d('2026-12-30'), d('2026-12-31')] });
  const index = createWorkingDayIndex(calendar, { from: d('2026-01-01'), to: d('2027-06-30') });
  // Dates partly outside the tabulated range exercise the fallback too.
  const dates = fc
    .integer({ min: Date.UTC(2025, 9, 1) / 86_400_000, max: Date.UTC(2027, 9, 1) / 86_400_000 })
    .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10) as CivilDate);

  it('workingDaysBetween', () => {
    fc.assert(fc.property(dates, dates, (a, b) => index.workingDaysBetween(a, b) === calendar.workingDaysBetween(a, b)), { numRuns: 200 });
  });

  it('addWorkingDays', () => {
    fc.assert(fc.property(dates, fc.integer({ min: 0, max: 60 }), (a, n) => index.addWorkingDays(a, n) === calendar.addWorkingDays(a, n)), { numRuns: 200 });
  });
});

describe('learning by category', () => {
  it('shows the ten most recent notes of a category, newest first, with the total from the loader', () => {
    const notes = Array.from({ length: 12 }, (_, i) => ({ reference: `CMP-2026-${String(i + 1).padStart(6, '0')}`, category: 'Repairs', createdOn: d(`2026-05-${String(i + 1).padStart(2, '0')}`), body: `note ${i + 1}` }));
    const [repairs] = learningByCategory(notes, { from: d('2026-04-01'), to: d('2027-03-31') });
    expect(repairs?.total).toBe(12);
    expect(repairs?.notes.map((n) => n.body)).toEqual(['note 12', 'note 11', 'note 10', 'note 9', 'note 8', 'note 7', 'note 6', 'note 5', 'note 4', 'note 3']);
    const [loaded] = learningByCategory(notes.slice(2), { from: d('2026-04-01'), to: d('2027-03-31') }, [{ category: 'Repairs', total: 40 }]);
    expect(loaded?.total).toBe(40);
  });
});
