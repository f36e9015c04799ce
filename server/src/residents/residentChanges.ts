// What every edit to a resident's panel shares: the 409 that names who got there first, the
// audit row (5.12) and the live update staff see after the change is committed.
import type { Prisma } from '@complaints/db';
import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import { RESIDENT_UPDATED_EVENT, type TResidentPanel } from '../schemas/index.ts';
import { getResidentPanel } from './getResidentPanel.ts';

type Tx = Prisma.TransactionClient;

/** 409 for a save based on an out-of-date copy, naming who changed it when the audit knows. */
export async function staleRecordError(tx: Tx, entityType: string, entityId: string, what: string): Promise<AppError> {
  const last = await tx.auditEvent.findFirst({
    where: { entityType, entityId, actorStaffId: { not: null } },
    orderBy: { id: 'desc' },
    select: { actorStaff: { select: { name: true } } },
  });
  const who = last?.actorStaff?.name ? ` by ${last.actorStaff.name}` : '';
  return new AppError(AppErrorCode.StaleVersion, `This ${what} was changed${who} since you opened it. Reload to see their change, then make yours again.`);
}

export function notFound(what: string): AppError {
  return new AppError(AppErrorCode.NotFound, `There is no ${what} with that id for this resident.`);
}

export async function assertResidentExists(tx: Tx, residentId: string): Promise<void> {
  if (!(await tx.resident.findUnique({ where: { id: residentId }, select: { id: true } }))) throw notFound('resident');
}

export interface ResidentAudit {
  actorId: string;
  residentId: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  at: Date;
}

export function auditResidentChange(tx: Tx, entry: ResidentAudit): Promise<void> {
  return recordAudit(tx, {
    actor: { type: 'staff', staffId: entry.actorId },
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    residentId: entry.residentId,
    before: entry.before,
    after: entry.after,
    at: entry.at,
  });
}

/** After commit: the new panel, to the caller and to every console showing this resident. */
export async function publishResidentPanel(ctx: ServerContext, residentId: string): Promise<TResidentPanel> {
  const panel = await getResidentPanel(ctx, { id: residentId });
  ctx.broadcaster.toStaff({ type: RESIDENT_UPDATED_EVENT, payload: { resident: panel } });
  return panel;
}

/** A rule the Code sets (provision first), as 422. */
export function assertNoProblem(problem: string | null): void {
  if (problem) throw new AppError(AppErrorCode.CodeRule, problem);
}
