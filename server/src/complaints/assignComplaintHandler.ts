// Assigning who handles the current stage: eligibility by role in handlerEligibility.ts; the
// engine decides whether that person may handle this case (6.13).
import type { ServerContext } from '../context.ts';
import { assignHandler } from '../domain/index.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TAssignCaseRequest } from '../schemas/index.ts';
import { applyCaseOperation, type CaseActor } from './applyCaseOperation.ts';
import type { ComplaintDto } from './complaintDto.ts';
import { assertEligibleHandler } from './handlerEligibility.ts';

export interface AssignComplaintHandlerOptions extends TAssignCaseRequest, CaseActor {
  complaintId: string;
}

export function assignComplaintHandler(ctx: ServerContext, { complaintId, actorId, actorRoles, version, stage, handlerId }: AssignComplaintHandlerOptions): Promise<ComplaintDto> {
  return applyCaseOperation(ctx, {
    complaintId,
    version,
    actorId,
    actorRoles,
    work: 'assignHandler',
    eventType: 'complaint.handler_assigned',
    check: async (tx, row) => {
      if (row.stage !== stage) {
        throw new AppError(AppErrorCode.InvalidRequest, `stage: The complaint is at ${row.stage.replace('_', ' ')}; only its current stage can be assigned`);
      }
      await assertEligibleHandler(tx, stage, handlerId);
    },
    operate: (snapshot, opCtx) => assignHandler(snapshot, { handlerId }, opCtx),
  });
}
