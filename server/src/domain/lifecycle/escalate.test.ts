import { beforeEach, describe, expect, it } from 'vitest';
import { escalate, refuse, respond } from './index.ts';
import { acknowledged, ctx, expectViolation, received, resetIds, responded, stage2Acknowledged } from './lifecycleTestKit.ts';

beforeEach(resetIds);

describe('guards: each refuses, naming the provision, then succeeds once satisfied', () => {
  it('6.13: the stage 2 handler must not be the stage 1 handler (at escalation)', () => {
    const v = expectViolation(() => escalate(responded(), { handlerId: 'h1' }, ctx('2026-04-20T12:00:00Z')), '6.13', 'handler_not_independent');
    expect(v.message).toBe('6.13: the stage 2 handler must not be the stage 1 handler');
    expect(escalate(responded(), { handlerId: 'h2' }, ctx('2026-04-20T12:00:00Z')).snapshot.stage2?.handlerId).toBe('h2');
  });

  it('5.2: there is no escalation beyond stage 2', () => {
    const final = respond(stage2Acknowledged(), { decision: 'not_upheld', reasons: 'Fair.', remedies: [], outstandingActions: [] }, ctx('2026-05-01T09:00:00Z', 'h2')).snapshot;
    expectViolation(() => escalate(final, { handlerId: 'h3' }, ctx('2026-05-02T09:00:00Z')), '5.2', 'two_stages_only');
    expect(escalate(responded(), { handlerId: 'h3' }, ctx('2026-05-02T09:00:00Z')).snapshot.stage).toBe('stage_2');
  });

  it('6.10: escalation follows the stage 1 response', () => {
    expectViolation(() => escalate(acknowledged(), { handlerId: 'h2' }, ctx('2026-04-10T09:00:00Z')), '6.10', 'escalation_invalid');
    expect(escalate(responded(), { handlerId: 'h2' }, ctx('2026-04-16T09:00:00Z')).snapshot.status).toBe('received');
  });

  it('6.11: the escalation request dates from after the response and not from the future', () => {
    expectViolation(() => escalate(responded(), { handlerId: 'h2', requestedAt: new Date('2026-04-21T09:00:00Z') }, ctx('2026-04-20T09:00:00Z')), '6.11');
    expectViolation(() => escalate(responded(), { handlerId: 'h2', requestedAt: new Date('2026-04-14T09:00:00Z') }, ctx('2026-04-20T09:00:00Z')), '6.11');
    // Logged late by staff: the clock runs from the resident's request (Friday 17 April → Friday 24 April).
    const { snapshot } = escalate(responded(), { handlerId: 'h2', requestedAt: new Date('2026-04-17T09:00:00Z') }, ctx('2026-04-20T09:00:00Z'));
    expect(snapshot.stage2?.acknowledgementDueOn).toBe('2026-04-24');
  });

  it('2.4: a refused complaint goes to the Ombudsman, not to stage 2', () => {
    const refused = refuse(received(), { reasonCode: 'legal_proceedings', explanation: 'A claim was filed on 1 March.' }, ctx('2026-04-02T09:00:00Z')).snapshot;
    expectViolation(() => escalate(refused, { handlerId: 'h2' }, ctx('2026-04-03T09:00:00Z')), '2.4', 'escalation_invalid');
    expect(escalate(responded(), { handlerId: 'h2' }, ctx('2026-04-20T09:00:00Z')).snapshot.stage).toBe('stage_2');
  });
});
