import { describe, expect, it } from 'vitest';
import { phoneDigits, toE164 } from './ukPhoneNumber.ts';

describe('UK phone numbers as staff type them', () => {
  it.each([
    ['07700 900123'],
    ['07700900123'],
    ['+447700900123'],
    ['+44 7700 900123'],
    ['+44 (0)7700 900123'],
    ['0044 7700 900123'],
    ['447700900123'],
    ['(07700) 900-123'],
    ['07700.900.123'],
  ])('%s is +447700900123', (typed) => {
    expect(toE164(typed)).toBe('+447700900123');
  });

  it('leaves references, names and part-numbers alone', () => {
    expect(toE164('CMP-2026-000123')).toBeNull();
    expect(toE164('Smith')).toBeNull();
    expect(toE164('900123')).toBeNull();
    expect(phoneDigits('900 123')).toBe('900123');
    expect(phoneDigits('CMP-2026')).toBeNull();
  });

  it('keeps other countries as they are written with +', () => {
    expect(toE164('+353 85 123 4567')).toBe('+353851234567');
  });
});
