import type { ServerContext } from '../context.ts';
import { CodeRuleViolation, currentStageRecord } from '../domain/index.ts';
import type { CaseSnapshot, OperationContext } from '../domain/index.ts';
import type { TDefineComplaint } from '../schemas/index.ts';
import { applyCaseOperation, type CaseActor } from './applyCaseOperation.ts';
import { definitionEditable } from './definitionEditable.ts';
import type { ComplaintDto } from './complaintDto.ts';
import type { CaseEvent } from './recordCaseEvents.ts';

export interface DefineComplaintOptions extends TDefineComplaint, CaseActor {
  complaintId: string;
}

/** 5.6 / 5.7: edit the current stage's definition while definitionEditable allows it. */
function redefine(c: CaseSnapshot, definition: TDefineComplaint['definition'], ctx: OperationContext): { snapshot: CaseSnapshot; events: CaseEvent[] } {
  if (!definitionEditable(c)) {
    const provision = c.stage === 'stage_1' ? '6.9(b)' : '6.19(b)';
    throw new CodeRuleViolation('invalid_transition', provision, `the definition was restated in the response and cannot change now; this complaint is ${c.status}`);
  }
  const s = currentStageRecord(c);
  const updated = { ...s, definition };
  const snapshot = c.stage === 'stage_1' ? { ...c, stage1: updated } : { ...c, stage2: updated };
  const event: CaseEvent = {
    type: 'complaint.definition_updated',
    complaintId: c.id,
    stage: c.stage,
    occurredAt: ctx.now,
    actorId: ctx.actorId,
    entityType: 'complaint',
    entityId: c.id,
    before: { definition: s.definition && { ...s.definition } },
    after: { definition: { ...definition } },
  };
  return { snapshot, events: [event] };
}

export function defineComplaint(ctx: ServerContext, { complaintId, actorId, actorRoles, version, definition }: DefineComplaintOptions): Promise<ComplaintDto> {
  return applyCaseOperation(ctx, {
    complaintId,
    version,
    actorId,
    actorRoles,
    work: 'define',
    eventType: 'complaint.updated',
    operate: (snapshot, opCtx) => redefine(snapshot, definition, opCtx),
  });
}
