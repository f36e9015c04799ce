import type { ServerContext } from '../context.ts';
import { escalate } from '../domain/index.ts';
import type { TEscalateCase } from '../schemas/index.ts';
import { applyCaseOperation } from './applyCaseOperation.ts';
import type { ComplaintDto } from './complaintDto.ts';

export interface EscalateComplaintOptions extends TEscalateCase {
  complaintId: string;
  actorId: string;
}

/** 6.10-6.13: the resident asks for stage 2; a different person handles it. */
export function escalateComplaint(ctx: ServerContext, { complaintId, actorId, version, ...input }: EscalateComplaintOptions): Promise<ComplaintDto> {
  return applyCaseOperation(ctx, {
    complaintId,
    version,
    actorId,
    eventType: 'complaint.escalated',
    operate: (snapshot, opCtx) => escalate(snapshot, input, opCtx),
  });
}
