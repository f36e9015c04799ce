// 9.1: closing a case records its category and learning.
import type { CaseSnapshot, ClosureRecord } from './caseSnapshot.ts';
import { change } from './eventBuilders.ts';
import { isBlank, stageProvision } from './guards.ts';
import type { OperationContext, Transition } from './operation.ts';
import { violate } from './violations.ts';

export interface CloseInput {
  categoryId: string;
  /** 9.1: what the landlord learns from the complaint beyond the individual case. */
  learning: string;
}

/**
 * Close after a response (the stage 1 response when the resident does not escalate, or the final
 * response) or after a refusal. Remedies and actions still open stay tracked (7.3) after closing.
 */
export function close(c: CaseSnapshot, input: CloseInput, ctx: OperationContext): Transition {
  if (c.status !== 'responded' && c.status !== 'refused') {
    violate(
      'invalid_transition',
      stageProvision(c.stage, '6.9', '6.19'),
      `a complaint can be closed only after its response has been issued or it was refused; this one is ${c.status}`,
    );
  }
  if (isBlank(input.categoryId) || isBlank(input.learning)) {
    violate('closure_incomplete', '9.1', 'record the category and the learning from this complaint before closing it');
  }
  const closure: ClosureRecord = {
    closedAt: ctx.now,
    closedById: ctx.actorId,
    categoryId: input.categoryId,
    learning: input.learning.trim(),
  };
  const snapshot: CaseSnapshot = { ...c, status: 'closed', closure };
  return {
    snapshot,
    events: [change(c, ctx, 'complaint.closed', { status: c.status, closure: null }, { status: 'closed', closure })],
  };
}
