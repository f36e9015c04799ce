import { describe, expect, it } from 'vitest';
import { canMoveTo, fromTwilioStatus, statusesBefore } from './deliveryStatus.ts';
import { exponentialBackoff } from './backoff.ts';

describe('delivery status moves forward only', () => {
  it('ignores a late "sent" after "delivered", and anything after a failure', () => {
    expect(canMoveTo('delivered', 'sent')).toBe(false);
    expect(canMoveTo('sent', 'delivered')).toBe(true);
    expect(canMoveTo('delivered', 'read')).toBe(true);
    expect(canMoveTo('failed', 'delivered')).toBe(false);
    expect(canMoveTo('undelivered', 'read')).toBe(false);
    expect(canMoveTo('suppressed', 'sent')).toBe(false);
    expect(canMoveTo('delivered', 'failed')).toBe(false);
    expect(canMoveTo('sent', 'undelivered')).toBe(true);
  });

  it('maps Twilio statuses', () => {
    expect(fromTwilioStatus('accepted')).toBe('queued');
    expect(fromTwilioStatus('canceled')).toBe('failed');
    expect(fromTwilioStatus('received')).toBeNull();
    expect(statusesBefore('delivered').sort()).toEqual(['queued', 'sending', 'sent']);
  });
});

describe('exponential backoff', () => {
  it('doubles, caps and jitters between half and all of the ceiling', () => {
    const low = exponentialBackoff({ baseMs: 1000, maxMs: 10_000, random: () => 0 });
    const high = exponentialBackoff({ baseMs: 1000, maxMs: 10_000, random: () => 1 });
    expect([1, 2, 3, 4, 5, 6].map(high)).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect([1, 2, 3].map(low)).toEqual([500, 1000, 2000]);
  });
});
