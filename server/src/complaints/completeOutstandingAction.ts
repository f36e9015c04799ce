import type { ServerContext } from '../context.ts';
import { completeAction } from '../domain/index.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TCompleteAction } from '../schemas/index.ts';
import { applyCaseOperation, type CaseActor } from './applyCaseOperation.ts';
import type { ComplaintDto } from './complaintDto.ts';
import { staleVersionError } from './staleVersion.ts';

export interface CompleteOutstandingActionOptions extends TCompleteAction, CaseActor {
  complaintId: string;
  /** A remedy's or an outstanding action's id. */
  itemId: string;
}

/**
 * 6.6 / 6.17 / 7.3: remedies and outstanding actions are followed through after the response.
 * The version in the body is the item's own, so completing one item never clashes with an
 * unrelated edit the caller has not seen; the complaint's version still guards the write.
 */
export function completeOutstandingAction(ctx: ServerContext, options: CompleteOutstandingActionOptions): Promise<ComplaintDto> {
  return applyCaseOperation(ctx, {
    complaintId: options.complaintId,
    version: null,
    actorId: options.actorId,
    actorRoles: options.actorRoles,
    work: 'completeAction',
    eventType: 'complaint.action_completed',
    check: async (tx, row) => {
      const item = row.remedies.find((r) => r.id === options.itemId) ?? row.actions.find((a) => a.id === options.itemId);
      if (!item) throw new AppError(AppErrorCode.NotFound, 'This complaint has no remedy or outstanding action with that id.');
      if (item.version !== options.version) throw await staleVersionError(tx, row.id);
    },
    operate: (snapshot, opCtx) => completeAction(snapshot, { itemId: options.itemId }, opCtx),
  });
}
