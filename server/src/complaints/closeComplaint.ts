import type { ServerContext } from '../context.ts';
import { close } from '../domain/index.ts';
import type { TCloseCase } from '../schemas/index.ts';
import { applyCaseOperation, type CaseActor } from './applyCaseOperation.ts';
import type { ComplaintDto } from './complaintDto.ts';

export interface CloseComplaintOptions extends TCloseCase, CaseActor {
  complaintId: string;
}

/** 9.1: closing records the category and the learning. */
export function closeComplaint(ctx: ServerContext, { complaintId, actorId, actorRoles, version, ...input }: CloseComplaintOptions): Promise<ComplaintDto> {
  return applyCaseOperation(ctx, {
    complaintId,
    version,
    actorId,
    actorRoles,
    work: 'close',
    eventType: 'complaint.closed',
    operate: (snapshot, opCtx) => close(snapshot, input, opCtx),
  });
}
