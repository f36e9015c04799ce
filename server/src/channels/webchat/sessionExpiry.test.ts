import { describe, expect, it } from 'vitest';
import { isWebChatSessionExpired } from './sessionExpiry.ts';

const at = (iso: string) => new Date(iso);

describe('isWebChatSessionExpired', () => {
  it('keeps a session idle for exactly the period, and expires it a moment later', () => {
    const last = at('2026-03-02T10:00:00Z');
    expect(isWebChatSessionExpired(last, at('2026-04-01T10:00:00Z'), 30)).toBe(false);
    expect(isWebChatSessionExpired(last, at('2026-04-01T10:00:00.001Z'), 30)).toBe(true);
  });

  it('counts elapsed time, not calendar days, across the clocks going forward', () => {
    // 29 March 2026 is 23 hours long in London; a day is still 24 hours of idleness.
    expect(isWebChatSessionExpired(at('2026-03-28T12:00:00Z'), at('2026-03-29T11:59:59Z'), 1)).toBe(false);
    expect(isWebChatSessionExpired(at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:01Z'), 1)).toBe(true);
  });

  it('never expires a session active just now, even with a clock a little behind', () => {
    expect(isWebChatSessionExpired(at('2026-03-02T10:00:05Z'), at('2026-03-02T10:00:00Z'), 1)).toBe(false);
  });
});
