// 409 for a save based on an out-of-date copy; names who got there first when the audit knows.
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { Db } from './caseRow.ts';

export async function staleVersionError(db: Db, complaintId: string): Promise<AppError> {
  const last = await db.auditEvent.findFirst({
    where: { complaintId, actorStaffId: { not: null } },
    orderBy: { id: 'desc' },
    select: { actorStaff: { select: { name: true } } },
  });
  const who = last?.actorStaff?.name ? ` by ${last.actorStaff.name}` : '';
  return new AppError(AppErrorCode.StaleVersion, `This case was changed${who} since you opened it. Reload to see their changes.`);
}

export async function assertVersion(db: Db, complaintId: string, current: number, expected: number): Promise<void> {
  if (current !== expected) throw await staleVersionError(db, complaintId);
}
