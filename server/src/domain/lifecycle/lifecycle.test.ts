import { beforeEach, describe, expect, it } from 'vitest';
import { acknowledge, availableOperations, close, completeAction, currentDeadline, currentDueOn, escalate, extend, hasOutstandingActions, openCase, outstandingItems, respond } from './index.ts';
import { acknowledged, calendar, ctx, definition, letters, received, resetIds, responded, stage1Response, stage2Acknowledged, types } from './lifecycleTestKit.ts';

beforeEach(resetIds);

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
