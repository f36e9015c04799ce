import { beforeEach, describe, expect, it } from 'vitest';
import { close, refuse } from './index.ts';
import { acknowledged, ctx, expectViolation, received, resetIds, responded, stage2Acknowledged } from './lifecycleTestKit.ts';

beforeEach(resetIds);

describe('guards: each refuses, naming the provision, then succeeds once satisfied', () => {
  it('6.9: a case is closed only after its response or a refusal', () => {
    const input = { categoryId: 'cat', learning: 'Confirm appointments.' };
    expectViolation(() => close(acknowledged(), input, ctx('2026-04-10T09:00:00Z')), '6.9', 'invalid_transition');
    expectViolation(() => close(stage2Acknowledged(), input, ctx('2026-04-23T09:00:00Z')), '6.19');
    expect(close(responded(), input, ctx('2026-04-16T09:00:00Z')).snapshot.status).toBe('closed');
    const refused = refuse(received(), { reasonCode: 'other', explanation: 'x' }, ctx('2026-04-02T09:00:00Z')).snapshot;
    expect(close(refused, input, ctx('2026-04-03T09:00:00Z')).snapshot.status).toBe('closed');
  });

  it('9.1: closing needs a category and the learning', () => {
    expectViolation(() => close(responded(), { categoryId: 'cat', learning: '  ' }, ctx('2026-04-16T09:00:00Z')), '9.1', 'closure_incomplete');
    expectViolation(() => close(responded(), { categoryId: '', learning: 'x' }, ctx('2026-04-16T09:00:00Z')), '9.1');
    const { events } = close(responded(), { categoryId: 'cat', learning: 'Text before visits.' }, ctx('2026-04-16T09:00:00Z'));
    expect(events[0]).toMatchObject({ type: 'complaint.closed', after: { status: 'closed', closure: { learning: 'Text before visits.' } } });
  });
});
