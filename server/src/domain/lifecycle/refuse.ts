// 2.1-2.5: declining a complaint, by a person, with reasons and the letter.
import type { CaseSnapshot, RefusalRecord } from './caseSnapshot.ts';
import { change, letterEvent } from './eventBuilders.ts';
import { isBlank } from './guards.ts';
import type { OperationContext, Transition } from './operation.ts';
import { violate } from './violations.ts';
import { REFUSAL_REASONS } from './vocabulary.ts';
import type { RefusalReason } from './vocabulary.ts';

export interface RefuseInput {
  reasonCode: RefusalReason;
  explanation: string;
  /** 2.3: for over_12_months, whether discretion to accept it anyway was considered. */
  discretionConsidered?: boolean;
}

/**
 * 2.1-2.5: decline a complaint, by a person, never automatically. Allowed while the current stage
 * has no response yet: at stage 1 (not accepted into the process) and at stage 2 (2.2 lets a
 * policy say when a matter will not be escalated, e.g. legal proceedings started since). Once a
 * stage's response is issued, the complaint was accepted at that stage, so refusing is too late.
 */
export function refuse(c: CaseSnapshot, input: RefuseInput, ctx: OperationContext): Transition {
  if (ctx.actorId == null) {
    violate('refusal_not_automatic', '2.5', 'a refusal is never automatic: a member of staff must decide it on the complaint\u2019s own circumstances');
  }
  if (c.status !== 'received' && c.status !== 'acknowledged') {
    violate('refusal_not_allowed', '2.1', `a complaint can be refused only before the response at its stage; this one is ${c.status}`);
  }
  if (!(REFUSAL_REASONS as readonly string[]).includes(input.reasonCode)) {
    violate('refusal_incomplete', '2.2', 'give the reason for the refusal from the policy\u2019s exclusions');
  }
  if (isBlank(input.explanation)) {
    violate('refusal_incomplete', '2.4', 'explain in writing why the matter is not suitable for the complaints process');
  }
  if (input.reasonCode === 'over_12_months' && input.discretionConsidered !== true) {
    violate('refusal_incomplete', '2.3', 'consider whether there are good reasons to use discretion and accept a complaint made after 12 months');
  }
  const refusal: RefusalRecord = {
    id: ctx.newId(),
    reasonCode: input.reasonCode,
    explanation: input.explanation.trim(),
    decidedById: ctx.actorId,
    decidedAt: ctx.now,
  };
  const snapshot: CaseSnapshot = { ...c, status: 'refused', refusal };
  return {
    snapshot,
    events: [
      change(c, ctx, 'complaint.refused', { status: c.status }, { status: 'refused', refusal }, { type: 'refusal', id: refusal.id }),
      letterEvent(c, ctx, {
        kind: 'refusal',
        stage: c.stage,
        reference: c.reference,
        reasonCode: refusal.reasonCode,
        explanation: refusal.explanation,
      }),
    ],
  };
}
