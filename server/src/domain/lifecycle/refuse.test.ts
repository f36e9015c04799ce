import { beforeEach, describe, expect, it } from 'vitest';
import { refuse } from './index.ts';
import { acknowledged, ctx, escalated, expectViolation, letters, received, resetIds, responded } from './lifecycleTestKit.ts';

beforeEach(resetIds);

describe('guards: each refuses, naming the provision, then succeeds once satisfied', () => {
  it('2.5: a refusal is never automatic', () => {
    const input = { reasonCode: 'previously_considered' as const, explanation: 'Considered under CMP-2025-000412.' };
    expectViolation(() => refuse(received(), input, ctx('2026-04-02T09:00:00Z', null)), '2.5', 'refusal_not_automatic');
    const { snapshot, events } = refuse(received(), input, ctx('2026-04-02T09:00:00Z', 'officer'));
    expect(snapshot.status).toBe('refused');
    expect(snapshot.refusal).toMatchObject({ decidedById: 'officer', reasonCode: 'previously_considered' });
    expect(letters(events)[0]).toMatchObject({ kind: 'refusal', reasonCode: 'previously_considered' });
  });

  it('2.4: a refusal needs a written explanation', () => {
    expectViolation(() => refuse(received(), { reasonCode: 'other', explanation: ' ' }, ctx('2026-04-02T09:00:00Z')), '2.4', 'refusal_incomplete');
    expect(refuse(received(), { reasonCode: 'other', explanation: 'A matter for the council.' }, ctx('2026-04-02T09:00:00Z')).snapshot.status).toBe('refused');
  });

  it('2.2: a refusal gives one of the policy reasons', () => {
    expectViolation(() => refuse(received(), { reasonCode: 'too_busy' as never, explanation: 'x' }, ctx('2026-04-02T09:00:00Z')), '2.2');
    expect(refuse(received(), { reasonCode: 'legal_proceedings', explanation: 'x' }, ctx('2026-04-02T09:00:00Z')).snapshot.refusal?.reasonCode).toBe('legal_proceedings');
  });

  it('2.3: refusing as over 12 months needs discretion to have been considered', () => {
    const input = { reasonCode: 'over_12_months' as const, explanation: 'The leak was fixed in 2024.' };
    expectViolation(() => refuse(received(), input, ctx('2026-04-02T09:00:00Z')), '2.3');
    expect(refuse(received(), { ...input, discretionConsidered: true }, ctx('2026-04-02T09:00:00Z')).snapshot.status).toBe('refused');
  });

  it('2.1: refusing is too late once the response at the stage is issued', () => {
    const input = { reasonCode: 'legal_proceedings' as const, explanation: 'A claim was filed.' };
    expectViolation(() => refuse(responded(), input, ctx('2026-04-16T09:00:00Z')), '2.1', 'refusal_not_allowed');
    expect(refuse(acknowledged(), input, ctx('2026-04-10T09:00:00Z')).snapshot.status).toBe('refused');
    // 2.2: a policy may also decline to escalate, e.g. proceedings started after stage 1.
    expect(refuse(escalated(), input, ctx('2026-04-21T09:00:00Z')).snapshot).toMatchObject({ stage: 'stage_2', status: 'refused' });
  });
});
