// 6.10-6.13: the resident asks for stage 2; there is no third stage (5.2).
import { acknowledgementDueOn } from '../deadlines.ts';
import type { CaseSnapshot, StageRecord } from './caseSnapshot.ts';
import { change } from './eventBuilders.ts';
import { assertIndependentOfStage1, isBlank } from './guards.ts';
import type { OperationContext, Transition } from './operation.ts';
import { violate } from './violations.ts';

export interface EscalateInput {
  /** The stage 2 handler; may be assigned later when the bot records the request. */
  handlerId?: string | null;
  /** When the resident asked (defaults to now); the stage 2 clock starts here (6.11). */
  requestedAt?: Date | null;
  /** 6.12: optional, never required. */
  reason?: string | null;
}

/**
 * 6.10: the resident asks for stage 2 after the stage 1 response (also after the case was closed
 * without escalation, which reopens it). Exactly two stages (5.2): never from stage 2.
 */
export function escalate(c: CaseSnapshot, input: EscalateInput, ctx: OperationContext): Transition {
  if (c.stage === 'stage_2') {
    violate('two_stages_only', '5.2', 'there are only two stages; after the final response the resident can go to the Housing Ombudsman');
  }
  if (c.refusal) {
    violate('escalation_invalid', '2.4', 'a refused complaint does not go to stage 2; the resident can take the refusal to the Housing Ombudsman');
  }
  if (c.stage1.respondedAt === null) {
    violate('escalation_invalid', '6.10', 'a complaint goes to stage 2 once the stage 1 response has been issued');
  }
  const requestedAt = input.requestedAt ?? ctx.now;
  if (requestedAt > ctx.now || requestedAt < c.stage1.respondedAt) {
    violate('escalation_invalid', '6.11', 'the escalation request must date from after the stage 1 response and not be in the future');
  }
  assertIndependentOfStage1(c, input.handlerId, 'handler');
  const stage2: StageRecord = {
    stage: 'stage_2',
    handlerId: input.handlerId ?? null,
    startedAt: requestedAt,
    escalationReason: isBlank(input.reason) ? null : (input.reason as string).trim(),
    definition: null,
    acknowledgementDueOn: acknowledgementDueOn('stage_2', requestedAt, ctx.calendar),
    acknowledgedAt: null,
    responseDueOn: null,
    respondedAt: null,
    decision: null,
    reasons: null,
    extensions: [],
  };
  const snapshot: CaseSnapshot = { ...c, stage: 'stage_2', status: 'received', stage2, closure: null };
  return {
    snapshot,
    events: [
      {
        ...change(
          c,
          ctx,
          'complaint.escalated',
          { stage: c.stage, status: c.status, closure: c.closure },
          {
            stage: 'stage_2',
            status: 'received',
            closure: null,
            requestedAt,
            handlerId: stage2.handlerId,
            escalationReason: stage2.escalationReason,
            acknowledgementDueOn: stage2.acknowledgementDueOn,
          },
        ),
        stage: 'stage_2',
      },
    ],
  };
}
