import { describe, expect, it } from 'vitest';
import { parseCivilDate as d } from '../civilDate.ts';
import { issueOverTwelveMonths } from './index.ts';

describe('issueOverTwelveMonths (2.3: flagged, never refused automatically)', () => {
  it.each([
    ['2025-04-01', '2026-04-01T09:00:00Z', false], // exactly 12 months
    ['2025-03-31', '2026-04-01T09:00:00Z', true], // a day more
    ['2026-03-01', '2026-04-01T09:00:00Z', false],
    ['2025-06-14', '2026-06-14T23:30:00Z', true], // received Monday 15 June in London
    ['2023-02-28', '2024-02-29T12:00:00Z', false], // 29 February: a year earlier is 28 February
    ['2023-02-27', '2024-02-29T12:00:00Z', true],
  ] as const)('issue from %s, received %s → %s', (started, receivedAt, flagged) => {
    expect(issueOverTwelveMonths(d(started), new Date(receivedAt))).toBe(flagged);
  });
});
