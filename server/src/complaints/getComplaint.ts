import type { ServerContext } from '../context.ts';
import { getWorkingCalendar } from '../calendar/workingCalendar.ts';
import type { CaseRow, Db } from './caseRow.ts';
import { staffIdsIn, toComplaintDto, type CasePeople, type ComplaintDto } from './complaintDto.ts';
import { loadCaseSnapshot } from './loadCaseSnapshot.ts';
import { lastStaffChange } from './staleVersion.ts';
import type { CaseSnapshot } from '../domain/index.ts';

// One query after the other: `db` may be a transaction, and pg will not run two at once on it.
async function casePeople(db: Db, row: CaseRow, snapshot: CaseSnapshot): Promise<CasePeople> {
  const resident = await db.resident.findUnique({ where: { id: row.residentId }, select: { fullName: true, preferredName: true } });
  const representative = row.representativeId
    ? await db.representative.findUnique({
        where: { id: row.representativeId },
        select: { id: true, name: true, relationship: true, organisation: true, consentStatus: true },
      })
    : null;
  const staff = await db.staffUser.findMany({ where: { id: { in: staffIdsIn(snapshot) } }, select: { id: true, name: true } });
  return {
    resident: { id: row.residentId, name: resident?.preferredName ?? resident?.fullName ?? null },
    representative,
    staffNames: Object.fromEntries(staff.map((s) => [s.id, s.name])),
    lastChange: await lastStaffChange(db, row.id),
  };
}

export async function getComplaint(ctx: ServerContext, options: { id: string; db?: Db }): Promise<ComplaintDto> {
  const db = options.db ?? ctx.prisma;
  const { row, snapshot } = await loadCaseSnapshot(db, options.id);
  const letters = await db.letter.findMany({
    where: { complaintId: row.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, kind: true, stage: true, largePrint: true, language: true, createdAt: true },
  });
  const people = await casePeople(db, row, snapshot);
  const calendar = await getWorkingCalendar(ctx.prisma);
  return toComplaintDto(
    row,
    snapshot,
    letters.map((l) => ({ ...l, createdAt: l.createdAt.toISOString() })),
    people,
    ctx.now(),
    calendar,
  );
}
