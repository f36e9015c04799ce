import { beforeEach, describe, expect, it } from 'vitest';
import { acknowledge, escalate } from './index.ts';
import { acknowledged, ctx, definition, expectViolation, received, resetIds, responded } from './lifecycleTestKit.ts';

beforeEach(resetIds);

describe('guards: each refuses, naming the provision, then succeeds once satisfied', () => {
  it('6.2: only a received complaint can be acknowledged', () => {
    expectViolation(() => acknowledge(acknowledged(), { definition }, ctx('2026-04-03T09:00:00Z', 'h1')), '6.2', 'invalid_transition');
    expect(acknowledge(received(), { definition }, ctx('2026-04-03T09:00:00Z', 'h1')).snapshot.status).toBe('acknowledged');
  });

  it('5.6: acknowledging needs the understanding and the outcomes sought', () => {
    const v = expectViolation(
      () => acknowledge(received(), { definition: { ...definition, outcomesSought: '  ' } }, ctx('2026-04-02T09:00:00Z', 'h1')),
      '5.6',
      'definition_incomplete',
    );
    expect(v.message).toMatch(/outcomes/);
    expectViolation(() => acknowledge(received(), { definition: { ...definition, understanding: '' } }, ctx('2026-04-02T09:00:00Z', 'h1')), '5.6');
    expect(acknowledge(received(), { definition }, ctx('2026-04-02T09:00:00Z', 'h1')).snapshot.stage1.definition).toEqual(definition);
  });

  it('5.7: acknowledging needs what the landlord is and is not responsible for', () => {
    expectViolation(
      () => acknowledge(received(), { definition: { ...definition, outOfResponsibility: '' } }, ctx('2026-04-02T09:00:00Z', 'h1')),
      '5.7',
      'definition_incomplete',
    );
    expectViolation(() => acknowledge(received(), { definition: { ...definition, inResponsibility: ' ' } }, ctx('2026-04-02T09:00:00Z', 'h1')), '5.7');
    expect(acknowledge(received(), { definition }, ctx('2026-04-02T09:00:00Z', 'h1')).snapshot.status).toBe('acknowledged');
  });

  it('6.13: a case needs a handler when it is acknowledged', () => {
    expectViolation(() => acknowledge(received(), { definition }, ctx('2026-04-02T09:00:00Z', null)), '6.13', 'handler_required');
    expect(acknowledge(received(), { definition, handlerId: 'h1' }, ctx('2026-04-02T09:00:00Z', null)).snapshot.stage1.handlerId).toBe('h1');
  });

  it('6.13: ... nor at the stage 2 acknowledgement', () => {
    const unassigned = escalate(responded(), {}, ctx('2026-04-20T12:00:00Z')).snapshot;
    expectViolation(() => acknowledge(unassigned, { definition, handlerId: 'h1' }, ctx('2026-04-22T09:00:00Z', 'officer')), '6.13');
    // The stage 1 handler cannot define stage 2 by acting as someone else either.
    expectViolation(() => acknowledge(unassigned, { definition, handlerId: 'h2' }, ctx('2026-04-22T09:00:00Z', 'h1')), '6.13');
    expect(acknowledge(unassigned, { definition, handlerId: 'h2' }, ctx('2026-04-22T09:00:00Z', 'officer')).snapshot.status).toBe('acknowledged');
  });
});
