// The case list: filtered, searched, sorted and paged in the database. Deadline filters are date
// ranges the engine works out from today's London date and the working-day calendar; the
// deadline shown on each row is the engine's summary too.
import type { Prisma } from '@complaints/db';
import type { ServerContext } from '../context.ts';
import { getWorkingCalendar } from '../calendar/workingCalendar.ts';
import { civilDateFromDbDate, civilDateInLondon, civilDateToDbDate, dueDateRange, summariseDeadline } from '../domain/index.ts';
import type { CivilDate, WorkingCalendar } from '../domain/index.ts';
import type { TCaseList, TListComplaintsQuery } from '../schemas/index.ts';
import { caseSearchWhere } from './caseSearch.ts';

export interface ListComplaintsOptions extends TListComplaintsQuery {
  /** Who is asking: handlerId "me" means them. */
  actorId: string;
}

function filters(options: ListComplaintsOptions, today: CivilDate, calendar: WorkingCalendar): Prisma.ComplaintWhereInput {
  const and: Prisma.ComplaintWhereInput[] = [];
  if (options.status) and.push({ status: options.status });
  if (options.stage) and.push({ stage: options.stage });
  if (options.channel) and.push({ channel: options.channel });
  if (options.handlerId) {
    const handler = options.handlerId === 'me' ? options.actorId : options.handlerId === 'unassigned' ? null : options.handlerId;
    and.push({ currentHandlerId: handler });
  }
  if (options.categoryId) and.push({ categoryId: options.categoryId === 'none' ? null : options.categoryId });
  if (options.deadline) {
    const range = dueDateRange(options.deadline, today, calendar);
    and.push({
      currentDueOn: {
        ...(range.from ? { gte: civilDateToDbDate(range.from) } : {}),
        ...(range.before ? { lt: civilDateToDbDate(range.before) } : {}),
      },
    });
  }
  if (options.q) and.push(caseSearchWhere(options.q));
  return { AND: and };
}

/** Each sort ends in a unique column, so paging never repeats or skips a case. */
function orderBy(options: ListComplaintsOptions): Prisma.ComplaintOrderByWithRelationInput[] {
  const order = options.order;
  switch (options.sort) {
    case 'receivedAt':
      return [{ receivedAt: order }, { id: order }];
    case 'reference':
      return [{ reference: order }];
    case 'status':
      return [{ status: order }, { currentDueOn: { sort: 'asc', nulls: 'last' } }, { receivedAt: 'asc' }, { id: 'asc' }];
    case 'dueOn':
      // Cases with no deadline running (responded, refused, closed) come last either way.
      return [{ currentDueOn: { sort: order, nulls: 'last' } }, { receivedAt: order }, { id: order }];
  }
}

export async function listComplaints(ctx: ServerContext, options: ListComplaintsOptions): Promise<TCaseList> {
  const calendar = await getWorkingCalendar(ctx.prisma);
  const today = civilDateInLondon(ctx.now());
  const where = filters(options, today, calendar);
  const [rows, total] = await Promise.all([
    ctx.prisma.complaint.findMany({
      where,
      orderBy: orderBy(options),
      skip: (options.page - 1) * options.pageSize,
      take: options.pageSize,
      include: { resident: { select: { fullName: true, preferredName: true } }, category: { select: { name: true } } },
    }),
    ctx.prisma.complaint.count({ where }),
  ]);
  const handlerIds = [...new Set(rows.map((row) => row.currentHandlerId).filter((id): id is string => id !== null))];
  const handlers = handlerIds.length
    ? new Map((await ctx.prisma.staffUser.findMany({ where: { id: { in: handlerIds } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]))
    : new Map<string, string>();
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
      handlerName: row.currentHandlerId ? (handlers.get(row.currentHandlerId) ?? null) : null,
      categoryId: row.categoryId,
      categoryName: row.category?.name ?? null,
      deadline: row.currentDueOn ? summariseDeadline(civilDateFromDbDate(row.currentDueOn), today, calendar) : null,
    })),
    page: options.page,
    pageSize: options.pageSize,
    total,
    today,
  };
}
