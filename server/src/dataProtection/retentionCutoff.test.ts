import { describe, expect, it } from 'vitest';
import { retentionCutoff } from './retentionCutoff.ts';

const cutoff = (now: string, months: number) => retentionCutoff(new Date(now), months).toISOString();

describe('retention cutoff', () => {
  it('is the same instant the given number of calendar months earlier', () => {
    expect(cutoff('2033-04-15T09:00:00Z', 72)).toBe('2027-04-15T09:00:00.000Z');
    expect(cutoff('2027-03-01T00:00:00Z', 12)).toBe('2026-03-01T00:00:00.000Z');
    expect(cutoff('2027-01-10T23:59:59.999Z', 1)).toBe('2026-12-10T23:59:59.999Z');
  });

  it('a day the earlier month does not have becomes its last day, never a day of the next month', () => {
    expect(cutoff('2027-03-31T09:00:00Z', 1)).toBe('2027-02-28T09:00:00.000Z');
    expect(cutoff('2028-03-31T09:00:00Z', 1)).toBe('2028-02-29T09:00:00.000Z');
    expect(cutoff('2027-05-31T18:30:00Z', 1)).toBe('2027-04-30T18:30:00.000Z');
    expect(cutoff('2028-02-29T09:00:00Z', 12)).toBe('2027-02-28T09:00:00.000Z');
    expect(cutoff('2028-02-29T09:00:00Z', 48)).toBe('2024-02-29T09:00:00.000Z');
    expect(cutoff('2030-05-31T09:00:00Z', 13)).toBe('2029-04-30T09:00:00.000Z');
    expect(cutoff('2030-12-31T09:00:00Z', 10)).toBe('2030-02-28T09:00:00.000Z');
  });

  it('the last day of a month that the earlier month also has stays put', () => {
    expect(cutoff('2027-04-30T09:00:00Z', 1)).toBe('2027-03-30T09:00:00.000Z');
    expect(cutoff('2027-08-31T09:00:00Z', 1)).toBe('2027-07-31T09:00:00.000Z');
    expect(cutoff('2027-01-31T09:00:00Z', 600)).toBe('1977-01-31T09:00:00.000Z');
  });
});
