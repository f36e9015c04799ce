import { beforeEach, describe, expect, it } from 'vitest';
import { completeAction } from './index.ts';
import { ctx, expectViolation, resetIds, responded } from './lifecycleTestKit.ts';

beforeEach(resetIds);

describe('guards: each refuses, naming the provision, then succeeds once satisfied', () => {
  it('7.3: completing needs a known item not already done', () => {
    const s = responded();
    expectViolation(() => completeAction(s, { itemId: 'nope' }, ctx('2026-05-01T09:00:00Z')), '7.3', 'item_not_found');
    const apologyId = s.remedies[0]!.id;
    expectViolation(() => completeAction(s, { itemId: apologyId }, ctx('2026-05-01T09:00:00Z')), '7.3', 'item_already_done');
    const actionId = s.outstandingActions[0]!.id;
    expect(completeAction(s, { itemId: actionId }, ctx('2026-05-01T09:00:00Z')).snapshot.outstandingActions[0]?.doneAt).toEqual(new Date('2026-05-01T09:00:00Z'));
  });
});
