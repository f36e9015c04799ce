import type { ServerContext } from '../context.ts';
import { acknowledge, currentStageRecord } from '../domain/index.ts';
import type { ComplaintDefinition } from '../domain/index.ts';
import type { TAcknowledgeComplaintRequest } from '../schemas/index.ts';
import { applyCaseOperation, type CaseActor, type CaseOperation } from './applyCaseOperation.ts';
import type { ComplaintDto } from './complaintDto.ts';
import { ASSIGNABLE_ROLE, assertEligibleHandler, fieldError } from './handlerEligibility.ts';

export interface AcknowledgeComplaintOptions extends TAcknowledgeComplaintRequest, CaseActor {
  complaintId: string;
}

/**
 * 6.2 / 6.11: acknowledge, define (5.6, 5.7) and log; the acknowledgement letter goes out. Without
 * a definition in the request the one saved on the stage is used, and the engine refuses if that
 * is missing or incomplete (hence the cast: acknowledge() checks for null itself). The handler is
 * the one named, else the stage's, else the person acknowledging; a new handler must hold the
 * stage's role like any assignment (so a complaints officer acknowledging an unassigned case
 * names its handler rather than becoming it). The stage 1 handler at stage 2 is left to the
 * engine, so that request gets the Code's answer (6.13).
 */
export function acknowledgeOperation({ complaintId, actorId, actorRoles, version, definition, handlerId }: AcknowledgeComplaintOptions): CaseOperation {
  return {
    complaintId,
    version,
    actorId,
    actorRoles,
    work: 'acknowledge',
    eventType: 'complaint.acknowledged',
    check: async (tx, row) => {
      const stageHandler = row.stages.find((s) => s.stage === row.stage)?.handlerId ?? null;
      const stage1Handler = row.stages.find((s) => s.stage === 'stage_1')?.handlerId ?? null;
      const chosen = handlerId ?? stageHandler ?? actorId;
      if (chosen === stageHandler || (row.stage === 'stage_2' && chosen === stage1Handler)) return;
      if (handlerId == null && !actorRoles.includes(ASSIGNABLE_ROLE[row.stage])) {
        throw fieldError('handlerId', `Nobody handles this complaint yet and you do not hold the ${ASSIGNABLE_ROLE[row.stage]} role, so choose its handler (or assign one first)`);
      }
      await assertEligibleHandler(tx, row.stage, chosen);
    },
    operate: (snapshot, opCtx) => {
      const chosen = definition ?? currentStageRecord(snapshot).definition;
      return acknowledge(snapshot, { definition: chosen as ComplaintDefinition, handlerId }, opCtx);
    },
  };
}

export function acknowledgeComplaint(ctx: ServerContext, options: AcknowledgeComplaintOptions): Promise<ComplaintDto> {
  return applyCaseOperation(ctx, acknowledgeOperation(options));
}
