// The case list: filtered and paged in the database, earliest Code deadline first.
import type { Prisma } from '@complaints/db';
import type { ServerContext } from '../context.ts';
import { getWorkingCalendar } from '../calendar/workingCalendar.ts';
import { civilDateFromDbDate, civilDateInLondon, summariseDeadline } from '../domain/index.ts';
import type { DeadlineSummary } from '../domain/index.ts';
import type { TListComplaintsQuery } from '../schemas/index.ts';

export interface ComplaintListItemDto {
  id: string;
  reference: string;
  version: number;
  status: string;
  stage: string;
  channel: string;
  receivedAt: string;
  summary: string;
  residentId: string;
  residentName: string | null;
  currentHandlerId: string | null;
  deadline: DeadlineSummary | null;
}

export interface ComplaintListDto {
  items: ComplaintListItemDto[];
  page: number;
  pageSize: number;
  total: number;
}

export async function listComplaints(ctx: ServerContext, query: TListComplaintsQuery): Promise<ComplaintListDto> {
  const where: Prisma.ComplaintWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.stage ? { stage: query.stage } : {}),
    ...(query.handlerId ? { currentHandlerId: query.handlerId } : {}),
  };
  const [rows, total, calendar] = await Promise.all([
    ctx.prisma.complaint.findMany({
      where,
      orderBy: [{ currentDueOn: { sort: 'asc', nulls: 'last' } }, { receivedAt: 'asc' }, { id: 'asc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: { resident: { select: { fullName: true, preferredName: true } } },
    }),
    ctx.prisma.complaint.count({ where }),
    getWorkingCalendar(ctx.prisma),
  ]);
  const today = civilDateInLondon(ctx.now());
  return {
    items: rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      version: row.version,
      status: row.status,
      stage: row.stage,
      channel: row.channel,
      receivedAt: row.receivedAt.toISOString(),
      summary: row.summary.length > 200 ? `${row.summary.slice(0, 199)}…` : row.summary,
      residentId: row.residentId,
      residentName: row.resident.preferredName ?? row.resident.fullName,
      currentHandlerId: row.currentHandlerId,
      deadline: row.currentDueOn ? summariseDeadline(civilDateFromDbDate(row.currentDueOn), today, calendar) : null,
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
