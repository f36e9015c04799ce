import { beforeEach, describe, expect, it } from 'vitest';
import { parseCivilDate } from './civilDate.ts';
import type {
  CaseSnapshot,
  ComplaintDefinition,
  DomainEvent,
  LetterRequiredEvent,
  OperationContext,
  RemedyInput,
  RespondInput,
} from './caseLifecycle.ts';
import {
  CodeRuleViolation,
  acknowledge,
  addRelatedIssue,
  assignHandler,
  availableOperations,
  close,
  completeAction,
  currentDeadline,
  currentDueOn,
  escalate,
  extend,
  hasOutstandingActions,
  openCase,
  outstandingItems,
  refuse,
  respond,
  routeNewIssue,
} from './caseLifecycle.ts';
import { createWorkingCalendar } from './workingDays.ts';

const d = parseCivilDate;
const calendar = createWorkingCalendar();
let sequence = 0;
beforeEach(() => {
  sequence = 0;
});

function ctx(at: string, actorId: string | null = 'officer'): OperationContext {
  return { now: new Date(at), calendar, actorId, newId: () => `id-${++sequence}` };
}

/** Runs `fn`, expecting a CodeRuleViolation whose message starts with the provision. */
function expectViolation(fn: () => unknown, provision: string, code?: string): CodeRuleViolation {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CodeRuleViolation);
  const violation = caught as CodeRuleViolation;
  expect(violation.message.startsWith(`${provision}: `)).toBe(true);
  expect(violation.provision).toBe(provision);
  if (code) expect(violation.code).toBe(code);
  return violation;
}

const definition: ComplaintDefinition = {
  understanding: 'The repairs team missed two appointments to fix the boiler.',
  outcomesSought: 'A working boiler and an apology.',
  inResponsibility: 'The missed appointments and the repair itself.',
  outOfResponsibility: 'None: every aspect is ours.',
};

const apology: RemedyInput = { kind: 'apology', description: 'We apologise for the missed appointments.', dueOn: d('2026-04-15'), ownerId: 'h1', done: true };

const stage1Response: RespondInput = {
  decision: 'upheld',
  reasons: 'Our records show both appointments were missed without notice.',
  remedies: [apology],
  outstandingActions: [{ description: 'Replace the boiler', dueOn: d('2026-05-15'), ownerId: 'h1' }],
};

// Received Wednesday 1 April 2026; acknowledgement due Friday 10 April (6.2).
const received = (): CaseSnapshot =>
  openCase({ id: 'case-1', reference: 'CMP-2026-000001', receivedAt: new Date('2026-04-01T10:00:00Z') }, ctx('2026-04-01T10:00:00Z')).snapshot;
// Acknowledged Thursday 2 April; response due Monday 20 April (6.3).
const acknowledged = (): CaseSnapshot => acknowledge(received(), { definition, handlerId: 'h1' }, ctx('2026-04-02T09:00:00Z', 'h1')).snapshot;
const responded = (): CaseSnapshot => respond(acknowledged(), stage1Response, ctx('2026-04-15T12:00:00Z', 'h1')).snapshot;
// Escalated Monday 20 April; stage 2 acknowledgement due Monday 27 April (6.11).
const escalated = (): CaseSnapshot => escalate(responded(), { handlerId: 'h2' }, ctx('2026-04-20T12:00:00Z')).snapshot;
// Stage 2 acknowledged Wednesday 22 April; final response due Thursday 21 May (6.14).
const stage2Acknowledged = (): CaseSnapshot => acknowledge(escalated(), { definition }, ctx('2026-04-22T09:00:00Z', 'h2')).snapshot;

const types = (events: DomainEvent[]) => events.map((e) => e.type);
const letters = (events: DomainEvent[]) =>
  events.filter((e): e is LetterRequiredEvent => e.type === 'letter.required').map((e) => e.letter);

describe('the two-stage lifecycle', () => {
  it('opens a stage 1 case with its acknowledgement due date (6.2)', () => {
    const { snapshot, events } = openCase(
      { id: 'case-1', reference: 'CMP-2026-000001', receivedAt: new Date('2026-06-14T23:30:00Z') },
      ctx('2026-06-15T08:00:00Z'),
    );
    expect(snapshot).toMatchObject({ stage: 'stage_1', status: 'received' });
    // 23:30 UTC on a summer Sunday is Monday in London: due the following Monday.
    expect(snapshot.stage1.acknowledgementDueOn).toBe('2026-06-22');
    expect(types(events)).toEqual(['complaint.received']);
  });

  it('runs received → acknowledged → responded → escalated → acknowledged → final response → closed', () => {
    const s0 = received();
    expect(currentDueOn(s0)).toBe('2026-04-10');

    const ack = acknowledge(s0, { definition, handlerId: 'h1' }, ctx('2026-04-02T09:00:00Z', 'h1'));
    expect(ack.snapshot.status).toBe('acknowledged');
    expect(ack.snapshot.stage1.responseDueOn).toBe('2026-04-20');
    expect(types(ack.events)).toEqual(['complaint.acknowledged', 'letter.required']);
    expect(letters(ack.events)[0]).toMatchObject({ kind: 'acknowledgement', stage: 'stage_1', responseDueOn: '2026-04-20', startedOn: '2026-04-01' });

    const resp = respond(ack.snapshot, stage1Response, ctx('2026-04-15T12:00:00Z', 'h1'));
    expect(resp.snapshot.status).toBe('responded');
    expect(types(resp.events)).toEqual(['complaint.responded', 'remedy.added', 'action.added', 'letter.required']);
    expect(letters(resp.events)[0]).toMatchObject({ kind: 'stage_1_response', decision: 'upheld' });

    const esc = escalate(resp.snapshot, { handlerId: 'h2' }, ctx('2026-04-20T12:00:00Z'));
    expect(esc.snapshot).toMatchObject({ stage: 'stage_2', status: 'received' });
    expect(esc.snapshot.stage2?.acknowledgementDueOn).toBe('2026-04-27');
    expect(esc.snapshot.stage2?.escalationReason).toBeNull();

    const ack2 = acknowledge(esc.snapshot, { definition }, ctx('2026-04-22T09:00:00Z', 'h2'));
    expect(ack2.snapshot.stage2?.responseDueOn).toBe('2026-05-21');
    expect(ack2.snapshot.stage2?.handlerId).toBe('h2');

    const final = respond(ack2.snapshot, { decision: 'not_upheld', reasons: 'The stage 1 remedy was fair.', remedies: [], outstandingActions: [] }, ctx('2026-05-01T12:00:00Z', 'h2'));
    expect(letters(final.events)[0]).toMatchObject({ kind: 'final_response', stage: 'stage_2' });

    const closed = close(final.snapshot, { categoryId: 'cat-repairs', learning: 'Confirm appointments by text.' }, ctx('2026-05-02T12:00:00Z'));
    expect(closed.snapshot.status).toBe('closed');
    expect(closed.snapshot.closure).toMatchObject({ categoryId: 'cat-repairs', closedById: 'officer' });
    // The stage 1 action is still being followed through (7.3).
    expect(hasOutstandingActions(closed.snapshot)).toBe(true);
  });

  it('records before and after in every change event, as JSON', () => {
    const { events } = acknowledge(received(), { definition, handlerId: 'h1' }, ctx('2026-04-02T09:00:00Z', 'h1'));
    const event = events[0];
    expect(event).toMatchObject({
      type: 'complaint.acknowledged',
      complaintId: 'case-1',
      stage: 'stage_1',
      actorId: 'h1',
      entityType: 'complaint',
      entityId: 'case-1',
      before: { status: 'received', acknowledgedAt: null, responseDueOn: null },
      after: { status: 'acknowledged', acknowledgedAt: '2026-04-02T09:00:00.000Z', responseDueOn: '2026-04-20', acknowledgedLate: false },
    });
    // Audit rows store before/after as JSON: nothing may be lost in the round trip.
    expect(JSON.parse(JSON.stringify(event))).toEqual({ ...event, occurredAt: '2026-04-02T09:00:00.000Z' });
  });

  it('never mutates the snapshot it was given', () => {
    const before = acknowledged();
    const copy = structuredClone(before);
    respond(before, stage1Response, ctx('2026-04-15T12:00:00Z', 'h1'));
    extend(before, { workingDays: 3, reason: 'Waiting for a contractor report' }, ctx('2026-04-15T12:00:00Z', 'h1'));
    expect(before).toEqual(copy);
  });

  it('flags a late acknowledgement without refusing it', () => {
    const { events } = acknowledge(received(), { definition, handlerId: 'h1' }, ctx('2026-04-13T09:00:00Z', 'h1'));
    expect(events[0]).toMatchObject({ after: { acknowledgedLate: true, responseDueOn: '2026-04-27' } });
  });

  it('reports the current deadline and what can be done next', () => {
    expect(currentDeadline(received(), new Date('2026-04-09T12:00:00Z'), calendar)).toEqual({
      kind: 'acknowledgement', stage: 'stage_1', dueOn: '2026-04-10', status: 'due_soon', workingDaysLeft: 1,
    });
    expect(currentDeadline(acknowledged(), new Date('2026-04-21T12:00:00Z'), calendar)?.status).toBe('overdue');
    expect(currentDeadline(responded(), new Date('2026-04-21T12:00:00Z'), calendar)).toBeNull();
    expect(availableOperations(received())).toEqual(['acknowledge', 'assignHandler', 'refuse', 'addRelatedIssue']);
    expect(availableOperations(responded())).toEqual(['assignHandler', 'escalate', 'close', 'completeAction']);
    expect(availableOperations(stage2Acknowledged())).toEqual(['assignHandler', 'extend', 'respond', 'refuse', 'completeAction']);
  });

  it('a resident can still ask for stage 2 after a stage 1 case was closed; the case reopens', () => {
    const closed = close(responded(), { categoryId: 'cat', learning: 'x' }, ctx('2026-04-16T12:00:00Z')).snapshot;
    const { snapshot, events } = escalate(closed, { handlerId: 'h2', reason: 'Still no boiler' }, ctx('2026-05-01T12:00:00Z'));
    expect(snapshot).toMatchObject({ stage: 'stage_2', status: 'received', closure: null });
    expect(snapshot.stage2?.escalationReason).toBe('Still no boiler');
    expect(events[0]).toMatchObject({ stage: 'stage_2', before: { status: 'closed' } });
  });

  it('tracks remedies and outstanding actions until all are done (6.6, 7.3)', () => {
    const s = responded();
    expect(outstandingItems(s).map((i) => i.description)).toEqual(['Replace the boiler']); // the apology was done in the letter
    expect(hasOutstandingActions(s)).toBe(true);
    const actionId = s.outstandingActions[0]!.id;
    const { snapshot, events } = completeAction(s, { itemId: actionId }, ctx('2026-05-10T12:00:00Z', 'h1'));
    expect(hasOutstandingActions(snapshot)).toBe(false);
    expect(types(events)).toEqual(['action.completed', 'complaint.actions_completed']);
    expect(events[0]).toMatchObject({ entityType: 'outstanding_action', entityId: actionId });
  });
});

describe('guards: each refuses, naming the provision, then succeeds once satisfied', () => {
  it('6.2: a receipt date cannot be in the future', () => {
    const input = { id: 'c', reference: 'R', receivedAt: new Date('2026-04-02T10:00:00Z') };
    expectViolation(() => openCase(input, ctx('2026-04-01T10:00:00Z')), '6.2', 'receipt_invalid');
    expect(openCase(input, ctx('2026-04-02T10:00:00Z')).snapshot.status).toBe('received');
  });

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

  it('6.13: the stage 2 handler must not be the stage 1 handler (at escalation)', () => {
    const v = expectViolation(() => escalate(responded(), { handlerId: 'h1' }, ctx('2026-04-20T12:00:00Z')), '6.13', 'handler_not_independent');
    expect(v.message).toBe('6.13: the stage 2 handler must not be the stage 1 handler');
    expect(escalate(responded(), { handlerId: 'h2' }, ctx('2026-04-20T12:00:00Z')).snapshot.stage2?.handlerId).toBe('h2');
  });

  it('6.13: ... nor at the stage 2 acknowledgement', () => {
    const unassigned = escalate(responded(), {}, ctx('2026-04-20T12:00:00Z')).snapshot;
    expectViolation(() => acknowledge(unassigned, { definition, handlerId: 'h1' }, ctx('2026-04-22T09:00:00Z', 'officer')), '6.13');
    // The stage 1 handler cannot define stage 2 by acting as someone else either.
    expectViolation(() => acknowledge(unassigned, { definition, handlerId: 'h2' }, ctx('2026-04-22T09:00:00Z', 'h1')), '6.13');
    expect(acknowledge(unassigned, { definition, handlerId: 'h2' }, ctx('2026-04-22T09:00:00Z', 'officer')).snapshot.status).toBe('acknowledged');
  });

  it('6.13: ... nor on reassignment', () => {
    expectViolation(() => assignHandler(escalated(), { handlerId: 'h1' }, ctx('2026-04-21T09:00:00Z')), '6.13');
    expect(assignHandler(escalated(), { handlerId: 'h3' }, ctx('2026-04-21T09:00:00Z')).snapshot.stage2?.handlerId).toBe('h3');
  });

  it('6.13: the stage 1 handler cannot issue the final response', () => {
    const input: RespondInput = { decision: 'not_upheld', reasons: 'Fair at stage 1.', remedies: [], outstandingActions: [] };
    expectViolation(() => respond(stage2Acknowledged(), input, ctx('2026-05-01T12:00:00Z', 'h1')), '6.13');
    expect(respond(stage2Acknowledged(), input, ctx('2026-05-01T12:00:00Z', 'h2')).snapshot.status).toBe('responded');
  });

  it('5.12: a closed case cannot be reassigned', () => {
    const closed = close(responded(), { categoryId: 'cat', learning: 'x' }, ctx('2026-04-16T12:00:00Z')).snapshot;
    expectViolation(() => assignHandler(closed, { handlerId: 'h3' }, ctx('2026-04-17T12:00:00Z')), '5.12');
    expect(assignHandler(responded(), { handlerId: 'h3' }, ctx('2026-04-17T12:00:00Z')).snapshot.stage1.handlerId).toBe('h3');
  });

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

  it('6.8: a related issue after the stage 1 response is a new, linked case', () => {
    const issue = { description: 'The radiator in the hall leaks too.', related: true };
    expectViolation(() => addRelatedIssue(responded(), issue, ctx('2026-04-16T09:00:00Z')), '6.8', 'new_case_required');
    const { snapshot } = addRelatedIssue(received(), issue, ctx('2026-04-01T15:00:00Z'));
    expect(snapshot.relatedIssues).toEqual([{ description: issue.description, raisedAt: new Date('2026-04-01T15:00:00Z') }]);
  });

  it('5.6: a related issue added after acknowledgement updates the complaint definition', () => {
    const issue = { description: 'The radiator in the hall leaks too.', related: true };
    expectViolation(() => addRelatedIssue(acknowledged(), issue, ctx('2026-04-03T09:00:00Z', 'h1')), '5.6');
    const updated = { ...definition, understanding: `${definition.understanding} The hall radiator also leaks.` };
    const { snapshot, events } = addRelatedIssue(acknowledged(), { ...issue, definition: updated }, ctx('2026-04-03T09:00:00Z', 'h1'));
    expect(snapshot.stage1.definition?.understanding).toMatch(/radiator/);
    expect(events[0]).toMatchObject({ type: 'complaint.related_issue_added', before: { definition: { understanding: definition.understanding } } });
  });

  it('7.3: completing needs a known item not already done', () => {
    const s = responded();
    expectViolation(() => completeAction(s, { itemId: 'nope' }, ctx('2026-05-01T09:00:00Z')), '7.3', 'item_not_found');
    const apologyId = s.remedies[0]!.id;
    expectViolation(() => completeAction(s, { itemId: apologyId }, ctx('2026-05-01T09:00:00Z')), '7.3', 'item_already_done');
    const actionId = s.outstandingActions[0]!.id;
    expect(completeAction(s, { itemId: actionId }, ctx('2026-05-01T09:00:00Z')).snapshot.outstandingActions[0]?.doneAt).toEqual(new Date('2026-05-01T09:00:00Z'));
  });
});

describe('routeNewIssue (6.8)', () => {
  it.each([
    ['related, before acknowledgement', () => received(), { related: true }, 'add_to_case', undefined],
    ['related, while investigating', () => acknowledged(), { related: true }, 'add_to_case', undefined],
    ['related but would unreasonably delay', () => acknowledged(), { related: true, wouldUnreasonablyDelay: true }, 'new_case', 'case-1'],
    ['related, after the stage 1 response', () => responded(), { related: true }, 'new_case', 'case-1'],
    ['related, at stage 2', () => escalated(), { related: true }, 'new_case', 'case-1'],
    ['unrelated', () => acknowledged(), { related: false }, 'new_case', null],
  ] as const)('%s', (_label, make, issue, route, relatedToId) => {
    const result = routeNewIssue(make(), issue);
    expect(result.route).toBe(route);
    if (result.route === 'new_case') expect(result.relatedToId).toBe(relatedToId);
  });
});
