// 6.2: a new stage 1 complaint and the date its acknowledgement is due.
import { acknowledgementDueOn } from '../deadlines.ts';
import type { CaseSnapshot } from './caseSnapshot.ts';
import { change } from './eventBuilders.ts';
import type { OperationContext, Transition } from './operation.ts';
import { violate } from './violations.ts';

export interface OpenCaseInput {
  id: string;
  reference: string;
  /** When dissatisfaction was first expressed: the clock starts here (6.2). */
  receivedAt: Date;
  handlerId?: string | null;
}

/** A new stage 1 complaint, with its acknowledgement due date (6.2). */
export function openCase(input: OpenCaseInput, ctx: OperationContext): Transition {
  if (Number.isNaN(input.receivedAt.getTime()) || input.receivedAt > ctx.now) {
    violate('receipt_invalid', '6.2', 'the date the complaint was received cannot be in the future');
  }
  const snapshot: CaseSnapshot = {
    id: input.id,
    reference: input.reference,
    receivedAt: input.receivedAt,
    stage: 'stage_1',
    status: 'received',
    stage1: {
      stage: 'stage_1',
      handlerId: input.handlerId ?? null,
      startedAt: input.receivedAt,
      escalationReason: null,
      definition: null,
      acknowledgementDueOn: acknowledgementDueOn('stage_1', input.receivedAt, ctx.calendar),
      acknowledgedAt: null,
      responseDueOn: null,
      respondedAt: null,
      decision: null,
      reasons: null,
      extensions: [],
    },
    stage2: null,
    remedies: [],
    outstandingActions: [],
    refusal: null,
    closure: null,
    relatedIssues: [],
  };
  const after = {
    stage: snapshot.stage,
    status: snapshot.status,
    receivedAt: snapshot.receivedAt,
    acknowledgementDueOn: snapshot.stage1.acknowledgementDueOn,
    handlerId: snapshot.stage1.handlerId,
  };
  return { snapshot, events: [change(snapshot, ctx, 'complaint.received', null, after)] };
}
