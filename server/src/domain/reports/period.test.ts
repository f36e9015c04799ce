import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCivilDate } from '../civilDate.ts';
import type { CivilDate } from '../civilDate.ts';
import { createWorkingCalendar } from '../workingDays.ts';
import { monthsOf, PeriodError, resolvePeriod } from './period.ts';
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
