import type { ServerContext } from '../context.ts';
import { extend } from '../domain/index.ts';
import type { TExtendCase } from '../schemas/index.ts';
import { applyCaseOperation, type CaseActor, type CaseOperation } from './applyCaseOperation.ts';
import type { ComplaintDto } from './complaintDto.ts';

export interface ExtendDeadlineOptions extends TExtendCase, CaseActor {
  complaintId: string;
}

/** 6.4 / 6.15: a new timescale with its reason; the notice carries the Ombudsman's details (6.5 / 6.16). */
export function extendOperation({ complaintId, actorId, actorRoles, version, ...input }: ExtendDeadlineOptions): CaseOperation {
  return {
    complaintId,
    version,
    actorId,
    actorRoles,
    work: 'extend',
    eventType: 'complaint.extended',
    operate: (snapshot, opCtx) => extend(snapshot, input, opCtx),
  };
}

export function extendDeadline(ctx: ServerContext, options: ExtendDeadlineOptions): Promise<ComplaintDto> {
  return applyCaseOperation(ctx, extendOperation(options));
}
