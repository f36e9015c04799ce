import { beforeEach, describe, expect, it } from 'vitest';
import { assignHandler, close } from './index.ts';
import { ctx, escalated, expectViolation, resetIds, responded } from './lifecycleTestKit.ts';

beforeEach(resetIds);

describe('guards: each refuses, naming the provision, then succeeds once satisfied', () => {
  it('6.13: ... nor on reassignment', () => {
    expectViolation(() => assignHandler(escalated(), { handlerId: 'h1' }, ctx('2026-04-21T09:00:00Z')), '6.13');
    expect(assignHandler(escalated(), { handlerId: 'h3' }, ctx('2026-04-21T09:00:00Z')).snapshot.stage2?.handlerId).toBe('h3');
  });

  it('5.12: a closed case cannot be reassigned', () => {
    const closed = close(responded(), { categoryId: 'cat', learning: 'x' }, ctx('2026-04-16T12:00:00Z')).snapshot;
    expectViolation(() => assignHandler(closed, { handlerId: 'h3' }, ctx('2026-04-17T12:00:00Z')), '5.12');
    expect(assignHandler(responded(), { handlerId: 'h3' }, ctx('2026-04-17T12:00:00Z')).snapshot.stage1.handlerId).toBe('h3');
  });
});
