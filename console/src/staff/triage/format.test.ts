import { describe, expect, it } from 'vitest';
import { formatDay, formatDuration, fromLocalInput, toLocalInput } from './format.ts';

describe('formatDuration', () => {
  it.each([
    [0, 'less than a minute'],
    [59_000, 'less than a minute'],
    [60_000, '1 minute'],
    [5 * 60_000, '5 minutes'],
    [60 * 60_000, '1 hour'],
    [125 * 60_000, '2 hours 5 minutes'],
    [25 * 60 * 60_000, '1 day 1 hour'],
    [-5_000, 'less than a minute'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('datetime-local values', () => {
  it('round-trips an instant through the input', () => {
    const iso = '2026-04-01T08:30:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(fromLocalInput('')).toBe('');
  });

  it('shows a civil date as a London day', () => {
    expect(formatDay('2026-04-10')).toBe('Fri, 10 April 2026');
  });
});
