// 6.2 / 6.11: acknowledge, define (5.6, 5.7) and log a stage; its response clock starts.
import { civilDateInLondon } from '../civilDate.ts';
import type { CivilDate } from '../civilDate.ts';
import { responseDueOn } from '../deadlines.ts';
import type { CaseSnapshot, ComplaintDefinition, StageRecord } from './caseSnapshot.ts';
import { change, letterEvent } from './eventBuilders.ts';
import { assertDefinition, assertIndependentOfStage1, stageProvision, trimDefinition } from './guards.ts';
import type { OperationContext, Transition } from './operation.ts';
import { currentStageRecord, withCurrentStage } from './stageAccess.ts';
import { violate } from './violations.ts';

export interface AcknowledgeInput {
  definition: ComplaintDefinition;
  /** Defaults to the stage's handler, then to the member of staff acknowledging. */
  handlerId?: string | null;
}

/** 6.2 / 6.11: acknowledge, define (5.6, 5.7) and log; the response clock starts (6.3 / 6.14). */
export function acknowledge(c: CaseSnapshot, input: AcknowledgeInput, ctx: OperationContext): Transition {
  const s = currentStageRecord(c);
  const provision = stageProvision(c.stage, '6.2', '6.11');
  if (c.status !== 'received') {
    violate('invalid_transition', provision, `only a complaint waiting to be acknowledged can be acknowledged; this one is ${c.status}`);
  }
  assertDefinition(input.definition);
  const handlerId = input.handlerId ?? s.handlerId ?? ctx.actorId;
  if (handlerId == null) {
    violate('handler_required', '6.13', 'record who handles the complaint at this stage (stage 2 must go to someone else)');
  }
  if (c.stage === 'stage_2') {
    assertIndependentOfStage1(c, handlerId, 'handler');
    assertIndependentOfStage1(c, ctx.actorId, 'person defining the complaint');
  }
  const acknowledgedOn = civilDateInLondon(ctx.now);
  const updated: StageRecord = {
    ...s,
    handlerId,
    definition: trimDefinition(input.definition),
    acknowledgedAt: ctx.now,
    responseDueOn: responseDueOn(c.stage, acknowledgedOn, ctx.calendar),
  };
  const snapshot: CaseSnapshot = { ...withCurrentStage(c, updated), status: 'acknowledged' };
  const late = acknowledgedOn > s.acknowledgementDueOn;
  return {
    snapshot,
    events: [
      change(
        c,
        ctx,
        'complaint.acknowledged',
        { status: c.status, handlerId: s.handlerId, definition: s.definition, acknowledgedAt: null, responseDueOn: null },
        {
          status: snapshot.status,
          handlerId,
          definition: updated.definition,
          acknowledgedAt: ctx.now,
          responseDueOn: updated.responseDueOn,
          acknowledgedLate: late,
        },
      ),
      letterEvent(c, ctx, {
        kind: 'acknowledgement',
        stage: c.stage,
        reference: c.reference,
        startedOn: civilDateInLondon(s.startedAt),
        definition: updated.definition as ComplaintDefinition,
        responseDueOn: updated.responseDueOn as CivilDate,
      }),
    ],
  };
}
