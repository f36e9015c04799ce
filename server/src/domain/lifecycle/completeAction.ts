// 7.3 / 6.6: remedies and outstanding actions followed through to completion.
import type { CaseSnapshot } from './caseSnapshot.ts';
import { hasOutstandingActions } from './derived.ts';
import { change } from './eventBuilders.ts';
import type { DomainEvent } from './events.ts';
import type { OperationContext, Transition } from './operation.ts';
import { violate } from './violations.ts';

export interface CompleteActionInput {
  /** The id of a remedy or an outstanding action. */
  itemId: string;
}

/** 7.3 / 6.6: remedies and outstanding actions are followed through to completion. */
export function completeAction(c: CaseSnapshot, input: CompleteActionInput, ctx: OperationContext): Transition {
  const remedy = c.remedies.find((r) => r.id === input.itemId);
  const action = remedy ? undefined : c.outstandingActions.find((a) => a.id === input.itemId);
  const item = remedy ?? action;
  if (!item) violate('item_not_found', '7.3', `this complaint has no remedy or outstanding action ${input.itemId}`);
  if (item.doneAt !== null) violate('item_already_done', '7.3', 'this has already been marked as done');
  const snapshot: CaseSnapshot = remedy
    ? { ...c, remedies: c.remedies.map((r) => (r.id === remedy.id ? { ...r, doneAt: ctx.now } : r)) }
    : {
        ...c,
        outstandingActions: c.outstandingActions.map((a) => (a.id === item.id ? { ...a, doneAt: ctx.now } : a)),
      };
  const events: DomainEvent[] = [
    change(c, ctx, remedy ? 'remedy.completed' : 'action.completed', { doneAt: null }, { doneAt: ctx.now }, {
      type: remedy ? 'remedy' : 'outstanding_action',
      id: item.id,
    }),
  ];
  if (!hasOutstandingActions(snapshot)) {
    events.push(change(c, ctx, 'complaint.actions_completed', { actionsOutstanding: true }, { actionsOutstanding: false }));
  }
  return { snapshot, events };
}
