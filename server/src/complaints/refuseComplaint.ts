import type { ServerContext } from '../context.ts';
import { refuse } from '../domain/index.ts';
import type { TRefuseCase } from '../schemas/index.ts';
import { applyCaseOperation, type CaseActor, type CaseOperation } from './applyCaseOperation.ts';
import type { ComplaintDto } from './complaintDto.ts';

export interface RefuseComplaintOptions extends TRefuseCase, CaseActor {
  complaintId: string;
}

/** 2.1-2.5: decided by a person, explained in writing with the right to go to the Ombudsman. */
export function refuseOperation({ complaintId, actorId, actorRoles, version, ...input }: RefuseComplaintOptions): CaseOperation {
  return {
    complaintId,
    version,
    actorId,
    actorRoles,
    work: 'refuse',
    eventType: 'complaint.refused',
    operate: (snapshot, opCtx) => refuse(snapshot, input, opCtx),
  };
}

export function refuseComplaint(ctx: ServerContext, options: RefuseComplaintOptions): Promise<ComplaintDto> {
  return applyCaseOperation(ctx, refuseOperation(options));
}
