// Assigning who handles the current stage. Who may be assigned is decided here (eligibility by
// role); whether they may handle this case is the engine's rule (6.13: at stage 2, never the stage 1
// handler). Stage 1 goes to someone with the handler role, stage 2 to a reviewer: stage 2 is a
// fresh look by someone independent (6.13), which landlords give to a separate, more senior role.
import type { StaffRole } from '@complaints/db';
import type { ServerContext } from '../context.ts';
import { assignHandler } from '../domain/index.ts';
import type { Stage } from '../domain/index.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TAssignCaseRequest } from '../schemas/index.ts';
import { applyCaseOperation } from './applyCaseOperation.ts';
import type { ComplaintDto } from './complaintDto.ts';

export const ASSIGNABLE_ROLE: Record<Stage, StaffRole> = { stage_1: 'handler', stage_2: 'reviewer' };

export interface AssignComplaintHandlerOptions extends TAssignCaseRequest {
  complaintId: string;
  actorId: string;
}

export function assignComplaintHandler(ctx: ServerContext, { complaintId, actorId, version, stage, handlerId }: AssignComplaintHandlerOptions): Promise<ComplaintDto> {
  return applyCaseOperation(ctx, {
    complaintId,
    version,
    actorId,
    eventType: 'complaint.handler_assigned',
    check: async (tx, row) => {
      if (row.stage !== stage) {
        throw new AppError(AppErrorCode.InvalidRequest, `stage: The complaint is at ${row.stage.replace('_', ' ')}; only its current stage can be assigned`);
      }
      const role = ASSIGNABLE_ROLE[stage];
      const eligible = await tx.staffUser.findFirst({ where: { id: handlerId, active: true, roles: { some: { role } } }, select: { id: true } });
      if (!eligible) {
        throw new AppError(AppErrorCode.InvalidRequest, `handlerId: The ${stage.replace('_', ' ')} handler must be an active member of staff with the ${role} role`);
      }
    },
    operate: (snapshot, opCtx) => assignHandler(snapshot, { handlerId }, opCtx),
  });
}
