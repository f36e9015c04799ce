import { describe, expect, it } from 'vitest';
import { changeIn } from './comparison.ts';
import { formatChange, formatPercent, formatPounds } from './labels.ts';

describe('how the reports write figures', () => {
  it.each([
    [3, 0, '+3'],
    [-2, 0, '\u22122'],
    [0, 0, '0'],
    [-0, 1, '0.0'],
    [5, 1, '+5.0'],
    [-25, 1, '\u221225.0'],
    [1234, 0, '+1,234'],
    [null, 1, '–'],
  ] as const)('change %s (%i places) -> %s', (value, places, expected) => {
    expect(formatChange(value, places)).toBe(expected);
  });

  it('a change in a share is taken to one decimal place, and is unknown when either share is', () => {
    expect(changeIn(50, 75)).toBe(-25);
    expect(changeIn(54.5, 60)).toBe(-5.5);
    expect(changeIn(4, 0.4)).toBe(3.6);
    expect(changeIn(null, 75)).toBeNull();
    expect(changeIn(60, null)).toBeNull();
  });

  it('money and percentages', () => {
    expect(formatPounds(500000)).toBe('£5,000.00');
    expect(formatPercent(60)).toBe('60.0%');
    expect(formatPercent(null)).toBe('–');
  });
});
