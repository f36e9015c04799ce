// 6.9 / 6.19: the stage 1 response and the final response, with remedies (7.1-7.3) and
// outstanding actions (6.6 / 6.17).
import { civilDateInLondon } from '../civilDate.ts';
import type { CivilDate } from '../civilDate.ts';
import type { CaseSnapshot, OutstandingActionRecord, RemedyRecord, StageRecord } from './caseSnapshot.ts';
import { change, letterEvent } from './eventBuilders.ts';
import { assertIndependentOfStage1, isBlank, stageProvision } from './guards.ts';
import type { OperationContext, Transition } from './operation.ts';
import { currentStageRecord, withCurrentStage } from './stageAccess.ts';
import { violate } from './violations.ts';
import { DECISIONS, REMEDY_KINDS } from './vocabulary.ts';
import type { Decision, RemedyKind } from './vocabulary.ts';

export interface RemedyInput {
  kind: RemedyKind;
  description: string;
  amountPence?: number | null;
  dueOn: CivilDate;
  ownerId: string;
  /** Already done when the response is issued (an apology in the letter itself). */
  done?: boolean;
}

export interface OutstandingActionInput {
  description: string;
  dueOn: CivilDate;
  ownerId: string;
}

export interface RespondInput {
  decision: Decision;
  reasons: string;
  remedies: readonly RemedyInput[];
  outstandingActions: readonly OutstandingActionInput[];
}

/**
 * Issue the stage 1 response (6.9) or the stage 2 final response (6.19). The letter carries the
 * stage, the definition and how to escalate; this guard makes sure the rest is there. The
 * response goes when the answer is known, with unfinished work as outstanding actions (6.6).
 */
export function respond(c: CaseSnapshot, input: RespondInput, ctx: OperationContext): Transition {
  const s = currentStageRecord(c);
  const p = stageProvision(c.stage, '6.9', '6.19');
  if (c.status !== 'acknowledged') {
    violate(
      'invalid_transition',
      stageProvision(c.stage, '6.3', '6.14'),
      `a response follows the acknowledgement and is given once; this complaint is ${c.status}`,
    );
  }
  if (!s.definition) violate('definition_incomplete', `${p}(b)`, 'the response must restate the complaint definition');
  if (!(DECISIONS as readonly string[]).includes(input.decision)) {
    violate('response_incomplete', `${p}(c)`, 'the response must give the decision: upheld, partly upheld or not upheld');
  }
  if (isBlank(input.reasons)) violate('response_incomplete', `${p}(d)`, 'the response must give the reasons for the decision');
  const today = civilDateInLondon(ctx.now);
  for (const remedy of input.remedies) {
    if (!(REMEDY_KINDS as readonly string[]).includes(remedy.kind)) {
      violate('remedy_incomplete', '7.1', `unknown kind of remedy: ${String(remedy.kind)}`);
    }
    if (isBlank(remedy.description) || isBlank(remedy.ownerId) || !remedy.dueOn) {
      violate('remedy_incomplete', '7.3', 'each remedy must say what will happen, by when, and who is responsible for it');
    }
    if (!remedy.done && remedy.dueOn < today) {
      violate('remedy_incomplete', '7.3', `a remedy's date (${remedy.dueOn}) cannot be in the past`);
    }
    if (remedy.kind === 'financial' && !(Number.isInteger(remedy.amountPence) && (remedy.amountPence as number) > 0)) {
      violate('remedy_incomplete', '7.1', 'a financial remedy must state the amount');
    }
  }
  for (const action of input.outstandingActions) {
    const ap = stageProvision(c.stage, '6.6', '6.17');
    if (isBlank(action.description) || isBlank(action.ownerId) || !action.dueOn) {
      violate('action_incomplete', ap, 'each outstanding action must say what will be done, by when, and who is responsible for it');
    }
    if (action.dueOn < today) violate('action_incomplete', ap, `an outstanding action's date (${action.dueOn}) cannot be in the past`);
  }
  if (input.decision !== 'not_upheld' && input.remedies.length === 0) {
    violate(
      'remedy_required',
      '7.1',
      'where something has gone wrong the response must set out how it will be put right: add at least one remedy (an apology or acknowledgement counts)',
    );
  }
  if (c.stage === 'stage_2') assertIndependentOfStage1(c, ctx.actorId, 'decision-maker');

  const remedies: RemedyRecord[] = input.remedies.map((r) => ({
    id: ctx.newId(),
    stage: c.stage,
    kind: r.kind,
    description: r.description.trim(),
    amountPence: r.amountPence ?? null,
    dueOn: r.dueOn,
    ownerId: r.ownerId,
    doneAt: r.done ? ctx.now : null,
  }));
  const actions: OutstandingActionRecord[] = input.outstandingActions.map((a) => ({
    id: ctx.newId(),
    stage: c.stage,
    description: a.description.trim(),
    dueOn: a.dueOn,
    ownerId: a.ownerId,
    doneAt: null,
  }));
  const updated: StageRecord = { ...s, respondedAt: ctx.now, decision: input.decision, reasons: input.reasons.trim() };
  const snapshot: CaseSnapshot = {
    ...withCurrentStage(c, updated),
    status: 'responded',
    remedies: [...c.remedies, ...remedies],
    outstandingActions: [...c.outstandingActions, ...actions],
  };
  const late = s.responseDueOn !== null && today > s.responseDueOn;
  return {
    snapshot,
    events: [
      change(
        c,
        ctx,
        'complaint.responded',
        { status: c.status, respondedAt: null, decision: null, reasons: null },
        { status: snapshot.status, respondedAt: ctx.now, decision: input.decision, reasons: updated.reasons, respondedLate: late },
      ),
      ...remedies.map((r) => change(c, ctx, 'remedy.added', null, r, { type: 'remedy', id: r.id })),
      ...actions.map((a) => change(c, ctx, 'action.added', null, a, { type: 'outstanding_action', id: a.id })),
      letterEvent(c, ctx, {
        kind: c.stage === 'stage_1' ? 'stage_1_response' : 'final_response',
        stage: c.stage,
        reference: c.reference,
        definition: s.definition,
        decision: input.decision,
        reasons: updated.reasons as string,
        remedies: remedies.map((r) => ({ ...r, done: r.doneAt !== null })),
        outstandingActions: actions,
      }),
    ],
  };
}
