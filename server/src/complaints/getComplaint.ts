import type { ServerContext } from '../context.ts';
import { getWorkingCalendar } from '../calendar/workingCalendar.ts';
import type { Db } from './caseRow.ts';
import { toComplaintDto, type ComplaintDto } from './complaintDto.ts';
import { loadCaseSnapshot } from './loadCaseSnapshot.ts';

export async function getComplaint(ctx: ServerContext, options: { id: string; db?: Db }): Promise<ComplaintDto> {
  const db = options.db ?? ctx.prisma;
  const { row, snapshot } = await loadCaseSnapshot(db, options.id);
  const letters = await db.letter.findMany({
    where: { complaintId: row.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, kind: true, stage: true, largePrint: true, language: true, createdAt: true },
  });
  const calendar = await getWorkingCalendar(ctx.prisma);
  return toComplaintDto(
    row,
    snapshot,
    letters.map((l) => ({ ...l, createdAt: l.createdAt.toISOString() })),
    ctx.now(),
    calendar,
  );
}
