// Who may do each piece of work on a case, by role and the stage the case is at. Roles own
// stages: handlers own stage 1, reviewers own stage 2 (stage 2 is the fresh look of 6.13, which
// landlords give to a separate, more senior role), complaints officers and admins oversee both.
// So a handler cannot progress a stage 2 case and a reviewer cannot progress a stage 1 case.
// Whether a particular person may act on a particular case (6.13: never the stage 1 handler at
// stage 2) is still the engine's rule. This is the one place the rule lives: the services check
// it before the engine runs, and the case view carries its answer (permittedRoles) so the
// console hides what the server would refuse.
import type { StaffRole } from '@complaints/db';
import { CASE_WORK, type CaseWork, type Stage } from '../domain/index.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import { ASSIGNABLE_ROLE } from './handlerEligibility.ts';

/** They allocate work and oversee both stages (and may step in on either). */
export const OVERSIGHT_ROLES = ['complaints_officer', 'admin'] as const satisfies readonly StaffRole[];

/** Everyone who may work on some case: the coarse gate on the routes (agents read and log only). */
export const CASE_WORKER_ROLES = ['handler', 'reviewer', ...OVERSIGHT_ROLES] as const satisfies readonly StaffRole[];

const ROLE_NAMES: Record<StaffRole, string> = {
  agent: 'agent',
  handler: 'handler',
  reviewer: 'reviewer',
  complaints_officer: 'complaints officer',
  admin: 'admin',
};

const stageName = (stage: Stage) => stage.replace('_', ' ');

/** The roles that may do this work on a case at this stage. */
export function rolesForCaseWork(work: CaseWork, stage: Stage): readonly StaffRole[] {
  switch (work) {
    case 'assignHandler':
      return OVERSIGHT_ROLES;
    case 'addNote':
      // 5.12: anyone working complaints records what they learn; a note does not progress the case.
      return CASE_WORKER_ROLES;
    case 'escalate':
      // The hand-over between the stages (6.10, 6.11): recorded by whoever receives the resident's
      // request, on the stage 1 side or the stage 2 side. The stage 2 handler chosen must still be
      // a reviewer (handlerEligibility.ts) and not the stage 1 handler (6.13, the engine).
      return CASE_WORKER_ROLES;
    default:
      return [ASSIGNABLE_ROLE[stage], ...OVERSIGHT_ROLES];
  }
}

/** Null when the roles allow the work, else why not, in words the member of staff can act on. */
export function caseWorkRefusal(roles: readonly StaffRole[], work: CaseWork, stage: Stage): string | null {
  const allowed = rolesForCaseWork(work, stage);
  if (roles.some((role) => allowed.includes(role))) return null;
  const names = allowed.map((role) => ROLE_NAMES[role]);
  const list = `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  if (work === 'assignHandler') return `Assigning a handler is for a ${list}.`;
  if (work === 'addNote' || work === 'escalate') return `This needs the role of ${list}.`;
  const owner = ASSIGNABLE_ROLE[stage];
  return `This complaint is at ${stageName(stage)}, which ${owner}s own: it needs the ${list} role. Ask a complaints officer to assign it to someone who holds it.`;
}

export function assertMayDoCaseWork(roles: readonly StaffRole[], work: CaseWork, stage: Stage): void {
  const refusal = caseWorkRefusal(roles, work, stage);
  if (refusal) throw new AppError(AppErrorCode.Forbidden, refusal);
}

/** For the case view: which roles may do each piece of work on the case as it is now. */
export function permittedRoles(stage: Stage): Record<CaseWork, StaffRole[]> {
  return Object.fromEntries(CASE_WORK.map((work) => [work, [...rolesForCaseWork(work, stage)]])) as Record<CaseWork, StaffRole[]>;
}
