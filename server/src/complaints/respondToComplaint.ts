import type { ServerContext } from '../context.ts';
import { respond } from '../domain/index.ts';
import type { TRespondCase } from '../schemas/index.ts';
import { applyCaseOperation } from './applyCaseOperation.ts';
import type { ComplaintDto } from './complaintDto.ts';

export interface RespondToComplaintOptions extends TRespondCase {
  complaintId: string;
  actorId: string;
}

/** 6.9 / 6.19: the stage 1 response or the final response, with remedies and outstanding actions. */
export function respondToComplaint(ctx: ServerContext, { complaintId, actorId, version, ...input }: RespondToComplaintOptions): Promise<ComplaintDto> {
  return applyCaseOperation(ctx, {
    complaintId,
    version,
    actorId,
    eventType: 'complaint.responded',
    operate: (snapshot, opCtx) => respond(snapshot, input, opCtx),
  });
}
