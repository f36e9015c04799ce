import { beforeEach, describe, expect, it } from 'vitest';
import { extend, extensionAllowance } from './index.ts';
import { acknowledged, calendar, ctx, d, expectViolation, letters, received, resetIds, responded, stage2Acknowledged, types } from './lifecycleTestKit.ts';

beforeEach(resetIds);

describe('guards: each refuses, naming the provision, then succeeds once satisfied', () => {
  it('6.4: an extension needs an acknowledged case without a response yet', () => {
    expectViolation(() => extend(received(), { workingDays: 5, reason: 'Complex' }, ctx('2026-04-02T09:00:00Z', 'h1')), '6.4', 'invalid_transition');
    expectViolation(() => extend(responded(), { workingDays: 5, reason: 'Complex' }, ctx('2026-04-16T09:00:00Z', 'h1')), '6.4');
    expect(extend(acknowledged(), { workingDays: 5, reason: 'Complex' }, ctx('2026-04-15T09:00:00Z', 'h1')).snapshot.stage1.responseDueOn).toBe('2026-04-27');
  });

  it('6.4: an extension needs a reason', () => {
    expectViolation(() => extend(acknowledged(), { workingDays: 5, reason: '   ' }, ctx('2026-04-15T09:00:00Z', 'h1')), '6.4', 'extension_reason_required');
    expect(extend(acknowledged(), { workingDays: 5, reason: 'Awaiting a surveyor' }, ctx('2026-04-15T09:00:00Z', 'h1')).snapshot.stage1.extensions).toHaveLength(1);
  });

  it('6.4: give the extra working days or the new date, one of them', () => {
    expectViolation(() => extend(acknowledged(), { reason: 'x' }, ctx('2026-04-15T09:00:00Z', 'h1')), '6.4', 'extension_invalid');
    expectViolation(() => extend(acknowledged(), { reason: 'x', workingDays: 2, newDueOn: d('2026-04-22') }, ctx('2026-04-15T09:00:00Z', 'h1')), '6.4');
    expect(extend(acknowledged(), { reason: 'x', newDueOn: d('2026-04-22') }, ctx('2026-04-15T09:00:00Z', 'h1')).snapshot.stage1.extensions[0]?.workingDays).toBe(2);
  });

  it('6.4: the new due date must be a working day after the current one', () => {
    expectViolation(() => extend(acknowledged(), { reason: 'x', newDueOn: d('2026-04-25') }, ctx('2026-04-15T09:00:00Z', 'h1')), '6.4'); // Saturday
    expectViolation(() => extend(acknowledged(), { reason: 'x', newDueOn: d('2026-04-17') }, ctx('2026-04-15T09:00:00Z', 'h1')), '6.4'); // earlier
    expect(extend(acknowledged(), { reason: 'x', newDueOn: d('2026-04-27') }, ctx('2026-04-15T09:00:00Z', 'h1')).snapshot.stage1.responseDueOn).toBe('2026-04-27');
  });

  it('6.4: more than 10 working days at stage 1 needs a good reason', () => {
    // Due Monday 20 April; 10 working days later is Tuesday 5 May (4 May is a bank holiday).
    expect(extend(acknowledged(), { workingDays: 10, reason: 'Complex' }, ctx('2026-04-15T09:00:00Z', 'h1')).snapshot.stage1.responseDueOn).toBe('2026-05-05');
    const v = expectViolation(
      () => extend(acknowledged(), { workingDays: 11, reason: 'Complex' }, ctx('2026-04-15T09:00:00Z', 'h1')),
      '6.4',
      'extension_needs_good_reason',
    );
    expect(v.message).toMatch(/10 working days/);
    const ok = extend(acknowledged(), { workingDays: 11, reason: 'Complex', goodReason: 'Structural engineer report' }, ctx('2026-04-15T09:00:00Z', 'h1'));
    expect(ok.snapshot.stage1.responseDueOn).toBe('2026-05-06');
    expect(ok.snapshot.stage1.extensions[0]?.goodReason).toBe('Structural engineer report');
  });

  it('6.4: short extensions cannot add up past 10 working days without a good reason', () => {
    const once = extend(acknowledged(), { workingDays: 6, reason: 'Waiting for a report' }, ctx('2026-04-15T09:00:00Z', 'h1')).snapshot;
    expectViolation(() => extend(once, { workingDays: 5, reason: 'Still waiting' }, ctx('2026-04-27T09:00:00Z', 'h1')), '6.4', 'extension_needs_good_reason');
    expect(extend(once, { workingDays: 4, reason: 'Still waiting' }, ctx('2026-04-27T09:00:00Z', 'h1')).snapshot.stage1.responseDueOn).toBe('2026-05-05');
  });

  it('6.15: more than 20 working days at stage 2 needs a good reason', () => {
    expectViolation(() => extend(stage2Acknowledged(), { workingDays: 21, reason: 'Complex' }, ctx('2026-05-01T09:00:00Z', 'h2')), '6.15', 'extension_needs_good_reason');
    expect(extend(stage2Acknowledged(), { workingDays: 20, reason: 'Complex' }, ctx('2026-05-01T09:00:00Z', 'h2')).snapshot.stage2?.extensions).toHaveLength(1);
  });

  it('6.5 / 6.16: an extension produces the extension notice for the resident', () => {
    const { events } = extend(stage2Acknowledged(), { workingDays: 5, reason: 'Complex', updateIntervalDays: 7 }, ctx('2026-05-01T09:00:00Z', 'h2'));
    expect(types(events)).toEqual(['complaint.extended', 'letter.required']);
    expect(letters(events)[0]).toEqual({
      kind: 'extension_notice', stage: 'stage_2', reference: 'CMP-2026-000001', previousDueOn: '2026-05-21', newDueOn: '2026-05-29',
      reason: 'Complex', goodReason: null, updateIntervalDays: 7,
    });
  });

  it('5.9: the update interval is a whole number of days', () => {
    expectViolation(() => extend(acknowledged(), { workingDays: 2, reason: 'x', updateIntervalDays: 0 }, ctx('2026-04-15T09:00:00Z', 'h1')), '5.9');
    expect(extend(acknowledged(), { workingDays: 2, reason: 'x', updateIntervalDays: 5 }, ctx('2026-04-15T09:00:00Z', 'h1')).snapshot.stage1.extensions[0]?.updateIntervalDays).toBe(5);
  });
});

describe('extensionAllowance: what the console shows before an extension is asked for', () => {
  it('is measured from the original due date, before and after an extension, and is null before acknowledgement', () => {
    expect(extensionAllowance(received().stage1, calendar)).toBeNull();
    expect(extensionAllowance(acknowledged().stage1, calendar)).toEqual({
      originalDueOn: '2026-04-20', latestDueOnWithoutGoodReason: '2026-05-05', workingDays: 10, provision: '6.4',
    });
    const once = extend(acknowledged(), { workingDays: 6, reason: 'Waiting for a report' }, ctx('2026-04-15T09:00:00Z', 'h1')).snapshot;
    expect(extensionAllowance(once.stage1, calendar)).toMatchObject({ originalDueOn: '2026-04-20', latestDueOnWithoutGoodReason: '2026-05-05' });
    expect(extensionAllowance(stage2Acknowledged().stage2!, calendar)).toMatchObject({ workingDays: 20, provision: '6.15' });
  });
});
