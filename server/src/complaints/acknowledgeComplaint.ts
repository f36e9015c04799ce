import type { ServerContext } from '../context.ts';
import { acknowledge, currentStageRecord } from '../domain/index.ts';
import type { ComplaintDefinition } from '../domain/index.ts';
import type { TAcknowledgeComplaintRequest } from '../schemas/index.ts';
import { applyCaseOperation, type CaseOperation } from './applyCaseOperation.ts';
import type { ComplaintDto } from './complaintDto.ts';

export interface AcknowledgeComplaintOptions extends TAcknowledgeComplaintRequest {
  complaintId: string;
  actorId: string;
}

/**
 * 6.2 / 6.11: acknowledge, define (5.6, 5.7) and log; the acknowledgement letter goes out. Without
 * a definition in the request the one saved on the stage is used, and the engine refuses if that
 * is missing or incomplete (hence the cast: acknowledge() checks for null itself).
 */
export function acknowledgeOperation({ complaintId, actorId, version, definition, handlerId }: AcknowledgeComplaintOptions): CaseOperation {
  return {
    complaintId,
    version,
    actorId,
    eventType: 'complaint.acknowledged',
    operate: (snapshot, opCtx) => {
      const chosen = definition ?? currentStageRecord(snapshot).definition;
      return acknowledge(snapshot, { definition: chosen as ComplaintDefinition, handlerId }, opCtx);
    },
  };
}

export function acknowledgeComplaint(ctx: ServerContext, options: AcknowledgeComplaintOptions): Promise<ComplaintDto> {
  return applyCaseOperation(ctx, acknowledgeOperation(options));
}
