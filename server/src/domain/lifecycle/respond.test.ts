import { beforeEach, describe, expect, it } from 'vitest';
import type { RemedyInput, RespondInput } from './index.ts';
import { respond } from './index.ts';
import { acknowledged, apology, ctx, d, escalated, expectViolation, received, resetIds, responded, stage1Response, stage2Acknowledged } from './lifecycleTestKit.ts';

beforeEach(resetIds);

describe('guards: each refuses, naming the provision, then succeeds once satisfied', () => {
  it('6.13: the stage 1 handler cannot issue the final response', () => {
    const input: RespondInput = { decision: 'not_upheld', reasons: 'Fair at stage 1.', remedies: [], outstandingActions: [] };
    expectViolation(() => respond(stage2Acknowledged(), input, ctx('2026-05-01T12:00:00Z', 'h1')), '6.13');
    expect(respond(stage2Acknowledged(), input, ctx('2026-05-01T12:00:00Z', 'h2')).snapshot.status).toBe('responded');
  });

  it('6.3: a response follows the acknowledgement', () => {
    expectViolation(() => respond(received(), stage1Response, ctx('2026-04-02T09:00:00Z', 'h1')), '6.3', 'invalid_transition');
    expectViolation(() => respond(responded(), stage1Response, ctx('2026-04-16T09:00:00Z', 'h1')), '6.3');
    expect(respond(acknowledged(), stage1Response, ctx('2026-04-15T09:00:00Z', 'h1')).snapshot.status).toBe('responded');
  });

  it('6.14: a final response follows the stage 2 acknowledgement', () => {
    expectViolation(() => respond(escalated(), stage1Response, ctx('2026-04-21T09:00:00Z', 'h2')), '6.14');
    expect(respond(stage2Acknowledged(), { ...stage1Response, remedies: [{ ...apology, ownerId: 'h2' }] }, ctx('2026-04-23T09:00:00Z', 'h2')).snapshot.status).toBe('responded');
  });

  it('6.9(c): the response needs a decision', () => {
    expectViolation(() => respond(acknowledged(), { ...stage1Response, decision: 'maybe' as never }, ctx('2026-04-15T09:00:00Z', 'h1')), '6.9(c)', 'response_incomplete');
    expect(respond(acknowledged(), { ...stage1Response, decision: 'partly_upheld' }, ctx('2026-04-15T09:00:00Z', 'h1')).snapshot.stage1.decision).toBe('partly_upheld');
  });

  it('6.9(d): the response needs reasons', () => {
    expectViolation(() => respond(acknowledged(), { ...stage1Response, reasons: '' }, ctx('2026-04-15T09:00:00Z', 'h1')), '6.9(d)', 'response_incomplete');
    expect(respond(acknowledged(), stage1Response, ctx('2026-04-15T09:00:00Z', 'h1')).snapshot.stage1.reasons).toBe(stage1Response.reasons);
  });

  it('6.19(d): the final response needs reasons', () => {
    expectViolation(() => respond(stage2Acknowledged(), { decision: 'not_upheld', reasons: ' ', remedies: [], outstandingActions: [] }, ctx('2026-05-01T09:00:00Z', 'h2')), '6.19(d)');
    expect(respond(stage2Acknowledged(), { decision: 'not_upheld', reasons: 'Fair.', remedies: [], outstandingActions: [] }, ctx('2026-05-01T09:00:00Z', 'h2')).snapshot.status).toBe('responded');
  });

  it('7.3: each remedy says what, by when and who', () => {
    const noOwner = { ...stage1Response, remedies: [{ ...apology, ownerId: '' }] };
    expectViolation(() => respond(acknowledged(), noOwner, ctx('2026-04-15T09:00:00Z', 'h1')), '7.3', 'remedy_incomplete');
    const noWhat = { ...stage1Response, remedies: [{ ...apology, description: ' ' }] };
    expectViolation(() => respond(acknowledged(), noWhat, ctx('2026-04-15T09:00:00Z', 'h1')), '7.3');
    expect(respond(acknowledged(), stage1Response, ctx('2026-04-15T09:00:00Z', 'h1')).snapshot.remedies[0]).toMatchObject({ ownerId: 'h1', dueOn: '2026-04-15' });
  });

  it('7.3: a remedy still to do cannot be dated in the past', () => {
    const past = { ...stage1Response, remedies: [{ ...apology, done: false, dueOn: d('2026-04-14') }] };
    expectViolation(() => respond(acknowledged(), past, ctx('2026-04-15T09:00:00Z', 'h1')), '7.3');
    const today = { ...stage1Response, remedies: [{ ...apology, done: false, dueOn: d('2026-04-15') }] };
    expect(respond(acknowledged(), today, ctx('2026-04-15T09:00:00Z', 'h1')).snapshot.remedies[0]?.doneAt).toBeNull();
  });

  it('7.1: a financial remedy states the amount', () => {
    const money: RemedyInput = { kind: 'financial', description: 'Compensation for the time without heating', dueOn: d('2026-04-30'), ownerId: 'h1' };
    expectViolation(() => respond(acknowledged(), { ...stage1Response, remedies: [money] }, ctx('2026-04-15T09:00:00Z', 'h1')), '7.1', 'remedy_incomplete');
    expect(respond(acknowledged(), { ...stage1Response, remedies: [{ ...money, amountPence: 15000 }] }, ctx('2026-04-15T09:00:00Z', 'h1')).snapshot.remedies[0]?.amountPence).toBe(15000);
  });

  it('7.1: an upheld complaint sets out how things will be put right', () => {
    expectViolation(() => respond(acknowledged(), { ...stage1Response, remedies: [] }, ctx('2026-04-15T09:00:00Z', 'h1')), '7.1', 'remedy_required');
    expectViolation(() => respond(acknowledged(), { ...stage1Response, decision: 'partly_upheld', remedies: [] }, ctx('2026-04-15T09:00:00Z', 'h1')), '7.1');
    expect(respond(acknowledged(), { ...stage1Response, decision: 'not_upheld', remedies: [] }, ctx('2026-04-15T09:00:00Z', 'h1')).snapshot.status).toBe('responded');
  });

  it('6.6: each outstanding action says what, by when and who', () => {
    const bad = { ...stage1Response, outstandingActions: [{ description: 'Replace the boiler', dueOn: d('2026-05-15'), ownerId: ' ' }] };
    expectViolation(() => respond(acknowledged(), bad, ctx('2026-04-15T09:00:00Z', 'h1')), '6.6', 'action_incomplete');
    const past = { ...stage1Response, outstandingActions: [{ description: 'Replace the boiler', dueOn: d('2026-04-01'), ownerId: 'h1' }] };
    expectViolation(() => respond(acknowledged(), past, ctx('2026-04-15T09:00:00Z', 'h1')), '6.6');
    expect(respond(acknowledged(), stage1Response, ctx('2026-04-15T09:00:00Z', 'h1')).snapshot.outstandingActions).toHaveLength(1);
  });
});
