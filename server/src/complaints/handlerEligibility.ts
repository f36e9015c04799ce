// Who may be made a stage's handler. Eligibility by role is decided here: stage 1 goes to someone
// with the handler role, stage 2 to a reviewer (stage 2 is a fresh look by someone independent,
// 6.13, which landlords give to a separate, more senior role). Whether that person may handle
// this particular case is the engine's rule (6.13: at stage 2, never the stage 1 handler).
import type { StaffRole } from '@complaints/db';
import type { Stage } from '../domain/index.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { Db } from './caseRow.ts';

export const ASSIGNABLE_ROLE: Record<Stage, StaffRole> = { stage_1: 'handler', stage_2: 'reviewer' };

/** The active staff who hold the stage's role (the assignee picker lists these, less 6.13's exclusion). */
export function eligibleHandlersWhere(stage: Stage) {
  return { active: true, roles: { some: { role: ASSIGNABLE_ROLE[stage] } } };
}

/** A 400 about one field, shaped like a zod issue so the console shows it by that field. */
export function fieldError(field: string, message: string): AppError {
  return new AppError(AppErrorCode.InvalidRequest, `${field}: ${message}`, [{ path: [field], message }]);
}

export async function assertEligibleHandler(tx: Db, stage: Stage, handlerId: string, field = 'handlerId'): Promise<void> {
  const eligible = await tx.staffUser.findFirst({ where: { id: handlerId, ...eligibleHandlersWhere(stage) }, select: { id: true } });
  if (!eligible) {
    throw fieldError(field, `The ${stage.replace('_', ' ')} handler must be an active member of staff with the ${ASSIGNABLE_ROLE[stage]} role`);
  }
}
