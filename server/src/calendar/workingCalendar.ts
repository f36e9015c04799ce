// The landlord's working calendar: weekends, England and Wales bank holidays and the closure days
// in the database. Built once per database and kept in memory; closure-day changes invalidate it.
// (With several processes behind Redis a change reaches the others only on restart: issue 9.)
import type { PrismaClient } from '@complaints/db';
import { civilDateFromDbDate, createWorkingCalendar } from '../domain/index.ts';
import type { WorkingCalendar } from '../domain/index.ts';

const cache = new WeakMap<PrismaClient, Promise<WorkingCalendar>>();

export function getWorkingCalendar(prisma: PrismaClient): Promise<WorkingCalendar> {
  let calendar = cache.get(prisma);
  if (!calendar) {
    calendar = prisma.closureDay
      .findMany({ select: { date: true } })
      .then((rows) => createWorkingCalendar({ closureDays: rows.map((row) => civilDateFromDbDate(row.date)) }));
    // A failed load must not be cached, or the calendar would stay broken until restart.
    calendar.catch(() => cache.delete(prisma));
    cache.set(prisma, calendar);
  }
  return calendar;
}

export function invalidateWorkingCalendar(prisma: PrismaClient): void {
  cache.delete(prisma);
}
