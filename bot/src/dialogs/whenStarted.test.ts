import { describe, expect, it } from 'vitest';
import { overTwelveMonths, parseWhenStarted } from './whenStarted.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

describe('parseWhenStarted', () => {
  it.each([
    ['3 weeks ago', '2026-02-09'],
    ['about two months ago', '2026-01-02'],
    ['yesterday', '2026-03-01'],
    ['last year', '2025-03-02'],
    ['over a year ago', '2025-03-01'],
    ['March 2025', '2025-03-01'],
    ['in June', '2025-06-01'],
    ['15/01/2024', '2024-01-15'],
    ['since 2023', '2023-01-01'],
    ["I don't know", null],
    ['next month', null],
  ])('%s → %s', (answer, expected) => {
    expect(day(parseWhenStarted(answer, NOW))).toBe(expected);
  });
});

describe('overTwelveMonths (2.3)', () => {
  it.each([
    ['2025-03-01', true],
    ['2025-03-02', false],
    ['2026-01-01', false],
  ])('started %s → %s', (started, flagged) => {
    expect(overTwelveMonths(new Date(`${started}T00:00:00Z`), NOW)).toBe(flagged);
  });
  it('unknown start is not flagged', () => expect(overTwelveMonths(null, NOW)).toBe(false));
});
