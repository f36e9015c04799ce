import type { ServerContext } from '../context.ts';
import { respond } from '../domain/index.ts';
import type { TRespondCase } from '../schemas/index.ts';
import { applyCaseOperation, type CaseActor, type CaseOperation } from './applyCaseOperation.ts';
import type { ComplaintDto } from './complaintDto.ts';

export interface RespondToComplaintOptions extends TRespondCase, CaseActor {
  complaintId: string;
}

/** 6.9 / 6.19: the stage 1 response or the final response, with remedies and outstanding actions. */
export function respondOperation({ complaintId, actorId, actorRoles, version, ...input }: RespondToComplaintOptions): CaseOperation {
  return {
    complaintId,
    version,
    actorId,
    actorRoles,
    work: 'respond',
    eventType: 'complaint.responded',
    operate: (snapshot, opCtx) => respond(snapshot, input, opCtx),
  };
}

export function respondToComplaint(ctx: ServerContext, options: RespondToComplaintOptions): Promise<ComplaintDto> {
  return applyCaseOperation(ctx, respondOperation(options));
}
