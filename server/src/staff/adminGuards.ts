// Someone must always be able to manage accounts: the last active administrator can neither lose
// the admin role nor be deactivated.
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { Db } from './staffMemberDto.ts';

/**
 * Serialises changes that could remove an administrator. Without it two admins demoting each
 * other at the same moment would each see the other still in place, and both would succeed.
 */
export async function lockAdministratorChanges(tx: Db): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('staff.administrators'))`;
}

export async function assertAnotherActiveAdmin(tx: Db, staffId: string, message: string): Promise<void> {
  const others = await tx.staffUser.count({ where: { active: true, id: { not: staffId }, roles: { some: { role: 'admin' } } } });
  if (others === 0) throw new AppError(AppErrorCode.Forbidden, message);
}

export function staffNotFound(): AppError {
  return new AppError(AppErrorCode.NotFound, 'There is no staff account with that id.');
}

/** Bumps the account's version only if nobody changed it since the caller read it. */
export async function claimVersion(tx: Db, staffId: string, expected: number): Promise<void> {
  const claimed = await tx.staffUser.updateMany({ where: { id: staffId, version: expected }, data: { version: { increment: 1 } } });
  if (claimed.count !== 1) {
    throw new AppError(AppErrorCode.StaleVersion, 'This account was changed by someone else since you opened it. Reload to see the change.');
  }
}
