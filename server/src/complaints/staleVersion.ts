// 409 for a save based on an out-of-date copy; names who got there first, and when, from the audit.
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { Db } from './caseRow.ts';

export const CASE_NOTE_AUDIT_ACTION = 'complaint.note_added';

export interface StaffChange {
  by: string;
  at: string;
}

/**
 * The last change a member of staff made to the case (the case view shows it; 409s name it).
 * Notes are left out: they do not move the case's version, so they never make a save stale.
 */
export async function lastStaffChange(db: Db, complaintId: string): Promise<StaffChange | null> {
  const last = await db.auditEvent.findFirst({
    where: { complaintId, actorStaffId: { not: null }, action: { not: CASE_NOTE_AUDIT_ACTION } },
    orderBy: { id: 'desc' },
    select: { occurredAt: true, actorStaff: { select: { name: true } } },
  });
  return last?.actorStaff ? { by: last.actorStaff.name, at: last.occurredAt.toISOString() } : null;
}

export async function staleVersionError(db: Db, complaintId: string): Promise<AppError> {
  const last = await lastStaffChange(db, complaintId);
  const who = last ? ` by ${last.by}` : '';
  // details: the console says "Changed by <name> at <time>" without parsing the sentence.
  return new AppError(AppErrorCode.StaleVersion, `This case was changed${who} since you opened it. Reload to see their changes.`, {
    changedBy: last?.by ?? null,
    changedAt: last?.at ?? null,
  });
}

export async function assertVersion(db: Db, complaintId: string, current: number, expected: number): Promise<void> {
  if (current !== expected) throw await staleVersionError(db, complaintId);
}
