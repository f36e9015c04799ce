import type { ServerContext } from '../context.ts';
import { escalate } from '../domain/index.ts';
import type { TEscalateCase } from '../schemas/index.ts';
import { applyCaseOperation, type CaseActor, type CaseOperation } from './applyCaseOperation.ts';
import type { ComplaintDto } from './complaintDto.ts';
import { assertEligibleHandler } from './handlerEligibility.ts';

export interface EscalateComplaintOptions extends TEscalateCase, CaseActor {
  complaintId: string;
}

/**
 * 6.10-6.13: the resident asks for stage 2; a different person handles it. The stage 2 handler
 * must hold the stage 2 role like any assignment (handlerEligibility.ts); the engine then refuses
 * the stage 1 handler (6.13), so a forced request gets the Code's answer.
 */
export function escalateOperation({ complaintId, actorId, actorRoles, version, ...input }: EscalateComplaintOptions): CaseOperation {
  return {
    complaintId,
    version,
    actorId,
    actorRoles,
    work: 'escalate',
    eventType: 'complaint.escalated',
    check: async (tx, row) => {
      // Left to the engine: a case already at stage 2 (5.2) and the stage 1 handler (6.13).
      const stage1Handler = row.stages.find((s) => s.stage === 'stage_1')?.handlerId;
      if (row.stage === 'stage_1' && input.handlerId !== stage1Handler) await assertEligibleHandler(tx, 'stage_2', input.handlerId);
    },
    operate: (snapshot, opCtx) => escalate(snapshot, input, opCtx),
  };
}

export function escalateComplaint(ctx: ServerContext, options: EscalateComplaintOptions): Promise<ComplaintDto> {
  return applyCaseOperation(ctx, escalateOperation(options));
}
