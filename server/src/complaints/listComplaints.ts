// The case list: filtered, searched, sorted and paged in the database. Deadline filters are date
// ranges the engine works out from today's London date and the working-day calendar; the
// deadline shown on each row is the engine's summary too.
//
// Written in SQL (through Prisma) for speed with tens of thousands of cases: the page is chosen
// from ids alone (an index-only scan, even many pages deep) and only its 25 rows are joined to
// their resident, handler and category; the count runs beside it on another connection.
// test/bench/caseList.bench.ts measures it.
import { Prisma } from '@complaints/db';
import type { ServerContext } from '../context.ts';
import { getWorkingCalendar } from '../calendar/workingCalendar.ts';
import { civilDateFromDbDate, civilDateInLondon, dueDateRange, summariseDeadline } from '../domain/index.ts';
import type { CivilDate, WorkingCalendar } from '../domain/index.ts';
import type { TCaseList, TCaseListItem, TListComplaintsQuery } from '../schemas/index.ts';
import { caseSearchSql } from './caseSearch.ts';

export interface ListComplaintsOptions extends TListComplaintsQuery {
  /** Who is asking: handlerId "me" means them. */
  actorId: string;
}

function conditions(options: ListComplaintsOptions, today: CivilDate, calendar: WorkingCalendar): Prisma.Sql {
  const and: Prisma.Sql[] = [];
  if (options.status) and.push(Prisma.sql`c.status = ${options.status}::"ComplaintStatus"`);
  if (options.stage) and.push(Prisma.sql`c.stage = ${options.stage}::"Stage"`);
  if (options.channel) and.push(Prisma.sql`c.channel = ${options.channel}::"Channel"`);
  if (options.handlerId === 'unassigned') and.push(Prisma.sql`c."currentHandlerId" IS NULL`);
  else if (options.handlerId) and.push(Prisma.sql`c."currentHandlerId" = ${options.handlerId === 'me' ? options.actorId : options.handlerId}::uuid`);
  if (options.categoryId === 'none') and.push(Prisma.sql`c."categoryId" IS NULL`);
  else if (options.categoryId) and.push(Prisma.sql`c."categoryId" = ${options.categoryId}::uuid`);
  if (options.deadline) {
    const range = dueDateRange(options.deadline, today, calendar);
    if (range.from) and.push(Prisma.sql`c."currentDueOn" >= ${range.from}::date`);
    if (range.before) and.push(Prisma.sql`c."currentDueOn" < ${range.before}::date`);
  }
  if (options.q) and.push(caseSearchSql(options.q));
  return and.length ? Prisma.join(and, ' AND ') : Prisma.sql`TRUE`;
}

// Each sort ends in a unique column, so paging never repeats or skips a case. Fixed text only
// (never the request's), so Prisma.raw is safe here.
const ORDER: Record<TListComplaintsQuery['sort'], (dir: 'ASC' | 'DESC') => string> = {
  // Cases with no deadline running (responded, refused, closed) come last either way.
  dueOn: (dir) => `c."currentDueOn" ${dir} NULLS LAST, c."receivedAt" ${dir}, c.id ${dir}`,
  receivedAt: (dir) => `c."receivedAt" ${dir}, c.id ${dir}`,
  reference: (dir) => `c.reference ${dir}`,
  // Workflow order (received, acknowledged, responded, refused, closed), then by deadline.
  status: (dir) => `c.status ${dir}, c."currentDueOn" ASC NULLS LAST, c."receivedAt" ASC, c.id ASC`,
};

interface Row {
  id: string;
  reference: string;
  version: number;
  status: TCaseListItem['status'];
  stage: TCaseListItem['stage'];
  channel: TCaseListItem['channel'];
  receivedAt: Date;
  summary: string;
  residentId: string;
  fullName: string | null;
  preferredName: string | null;
  currentHandlerId: string | null;
  handlerName: string | null;
  categoryId: string | null;
  categoryName: string | null;
  currentDueOn: Date | null;
}

const SUMMARY_LENGTH = 200;

export async function listComplaints(ctx: ServerContext, options: ListComplaintsOptions): Promise<TCaseList> {
  const calendar = await getWorkingCalendar(ctx.prisma);
  const today = civilDateInLondon(ctx.now());
  const where = conditions(options, today, calendar);
  const order = Prisma.raw(ORDER[options.sort](options.order === 'desc' ? 'DESC' : 'ASC'));
  const [rows, counted] = await Promise.all([
    ctx.prisma.$queryRaw<Row[]>`
      WITH page AS (
        SELECT c.id FROM "Complaint" c WHERE ${where} ORDER BY ${order}
        LIMIT ${options.pageSize} OFFSET ${(options.page - 1) * options.pageSize}
      )
      SELECT c.id, c.reference, c.version, c.status::text AS status, c.stage::text AS stage, c.channel::text AS channel,
             c."receivedAt", left(c.summary, ${SUMMARY_LENGTH + 1}) AS summary, c."residentId", r."fullName", r."preferredName",
             c."currentHandlerId", s.name AS "handlerName", c."categoryId", g.name AS "categoryName", c."currentDueOn"
      FROM page
      JOIN "Complaint" c ON c.id = page.id
      JOIN "Resident" r ON r.id = c."residentId"
      LEFT JOIN "StaffUser" s ON s.id = c."currentHandlerId"
      LEFT JOIN "Category" g ON g.id = c."categoryId"
      ORDER BY ${order}`,
    ctx.prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Complaint" c WHERE ${where}`,
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      version: row.version,
      status: row.status,
      stage: row.stage,
      channel: row.channel,
      receivedAt: row.receivedAt.toISOString(),
      summary: row.summary.length > SUMMARY_LENGTH ? `${row.summary.slice(0, SUMMARY_LENGTH - 1)}…` : row.summary,
      residentId: row.residentId,
      residentName: row.preferredName ?? row.fullName,
      currentHandlerId: row.currentHandlerId,
      handlerName: row.handlerName,
      categoryId: row.categoryId,
      categoryName: row.categoryName,
      deadline: row.currentDueOn ? summariseDeadline(civilDateFromDbDate(row.currentDueOn), today, calendar) : null,
    })),
    page: options.page,
    pageSize: options.pageSize,
    total: counted[0]?.total ?? 0,
    today,
  };
}
