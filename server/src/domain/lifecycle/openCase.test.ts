import { beforeEach, describe, expect, it } from 'vitest';
import { openCase } from './index.ts';
import { ctx, expectViolation, resetIds } from './lifecycleTestKit.ts';

beforeEach(resetIds);

describe('guards: each refuses, naming the provision, then succeeds once satisfied', () => {
  it('6.2: a receipt date cannot be in the future', () => {
    const input = { id: 'c', reference: 'R', receivedAt: new Date('2026-04-02T10:00:00Z') };
    expectViolation(() => openCase(input, ctx('2026-04-01T10:00:00Z')), '6.2', 'receipt_invalid');
    expect(openCase(input, ctx('2026-04-02T10:00:00Z')).snapshot.status).toBe('received');
  });
});
