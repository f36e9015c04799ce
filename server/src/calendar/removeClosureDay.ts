import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { civilDateToDbDate } from '../domain/index.ts';
import type { CivilDate } from '../domain/index.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import { invalidateWorkingCalendar } from './workingCalendar.ts';

export interface RemoveClosureDayOptions {
  date: CivilDate;
  actorId: string;
}

export async function removeClosureDay(ctx: ServerContext, options: RemoveClosureDayOptions): Promise<void> {
  const now = ctx.now();
  await ctx.prisma.$transaction(async (tx) => {
    const existing = await tx.closureDay.findUnique({ where: { date: civilDateToDbDate(options.date) } });
    if (!existing) throw new AppError(AppErrorCode.NotFound, `${options.date} is not a closure day.`);
    await tx.closureDay.delete({ where: { date: existing.date } });
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: options.actorId },
      action: 'closure_day.removed',
      entityType: 'ClosureDay',
      entityId: options.date,
      before: { date: options.date, description: existing.description },
      at: now,
    });
  });
  invalidateWorkingCalendar(ctx.prisma);
  ctx.broadcaster.toStaff({ type: 'calendar.updated', payload: { removed: options.date } });
}
