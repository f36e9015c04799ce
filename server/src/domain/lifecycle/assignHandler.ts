// Who handles the current stage; 6.13 keeps stage 2 independent of stage 1 on every assignment.
import type { CaseSnapshot } from './caseSnapshot.ts';
import { change } from './eventBuilders.ts';
import { assertIndependentOfStage1, isBlank } from './guards.ts';
import type { OperationContext, Transition } from './operation.ts';
import { currentStageRecord, withCurrentStage } from './stageAccess.ts';
import { violate } from './violations.ts';

export interface AssignHandlerInput {
  handlerId: string;
}

/** Reassign the current stage; 6.13 holds for every assignment, not just at escalation. */
export function assignHandler(c: CaseSnapshot, input: AssignHandlerInput, ctx: OperationContext): Transition {
  if (c.status === 'closed' || c.status === 'refused') {
    violate('invalid_transition', '5.12', `a ${c.status} complaint cannot be reassigned`);
  }
  if (isBlank(input.handlerId)) violate('handler_required', '6.13', 'choose who will handle the complaint');
  if (c.stage === 'stage_2') assertIndependentOfStage1(c, input.handlerId, 'handler');
  const s = currentStageRecord(c);
  const snapshot = withCurrentStage(c, { ...s, handlerId: input.handlerId });
  return {
    snapshot,
    events: [change(c, ctx, 'complaint.handler_assigned', { handlerId: s.handlerId }, { handlerId: input.handlerId })],
  };
}
