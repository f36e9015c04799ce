import type { ServerContext } from '../context.ts';
import { refuse } from '../domain/index.ts';
import type { TRefuseCase } from '../schemas/index.ts';
import { applyCaseOperation, type CaseOperation } from './applyCaseOperation.ts';
import type { ComplaintDto } from './complaintDto.ts';

export interface RefuseComplaintOptions extends TRefuseCase {
  complaintId: string;
  actorId: string;
}

/** 2.1-2.5: decided by a person, explained in writing with the right to go to the Ombudsman. */
export function refuseOperation({ complaintId, actorId, version, ...input }: RefuseComplaintOptions): CaseOperation {
  return {
    complaintId,
    version,
    actorId,
    eventType: 'complaint.refused',
    operate: (snapshot, opCtx) => refuse(snapshot, input, opCtx),
  };
}

export function refuseComplaint(ctx: ServerContext, options: RefuseComplaintOptions): Promise<ComplaintDto> {
  return applyCaseOperation(ctx, refuseOperation(options));
}
