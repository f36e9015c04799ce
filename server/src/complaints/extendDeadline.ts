import type { ServerContext } from '../context.ts';
import { extend } from '../domain/index.ts';
import type { TExtendCase } from '../schemas/index.ts';
import { applyCaseOperation } from './applyCaseOperation.ts';
import type { ComplaintDto } from './complaintDto.ts';

export interface ExtendDeadlineOptions extends TExtendCase {
  complaintId: string;
  actorId: string;
}

/** 6.4 / 6.15: a new timescale with its reason; the notice carries the Ombudsman's details (6.5 / 6.16). */
export function extendDeadline(ctx: ServerContext, { complaintId, actorId, version, ...input }: ExtendDeadlineOptions): Promise<ComplaintDto> {
  return applyCaseOperation(ctx, {
    complaintId,
    version,
    actorId,
    eventType: 'complaint.extended',
    operate: (snapshot, opCtx) => extend(snapshot, input, opCtx),
  });
}
