import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { civilDateToDbDate } from '../domain/index.ts';
import type { CivilDate } from '../domain/index.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import { toClosureDayDto, type ClosureDayDto } from './closureDayDto.ts';
import { getWorkingCalendar, invalidateWorkingCalendar } from './workingCalendar.ts';

export interface AddClosureDayOptions {
  date: CivilDate;
  description: string;
  actorId: string;
}

/** Closure days move every open deadline after them, so each one is audited (5.12). */
export async function addClosureDay(ctx: ServerContext, options: AddClosureDayOptions): Promise<ClosureDayDto> {
  const calendar = await getWorkingCalendar(ctx.prisma);
  const reason = calendar.nonWorkingReason(options.date);
  if (reason === 'weekend' || reason === 'bank_holiday') {
    throw new AppError(AppErrorCode.InvalidRequest, `${options.date} is already not a working day (${reason.replace('_', ' ')}).`);
  }
  const now = ctx.now();
  const row = await ctx.prisma.$transaction(async (tx) => {
    const existing = await tx.closureDay.findUnique({ where: { date: civilDateToDbDate(options.date) } });
    if (existing) throw new AppError(AppErrorCode.InvalidRequest, `${options.date} is already a closure day.`);
    const created = await tx.closureDay.create({
      data: { date: civilDateToDbDate(options.date), description: options.description, createdById: options.actorId, createdAt: now },
    });
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: options.actorId },
      action: 'closure_day.added',
      entityType: 'ClosureDay',
      entityId: options.date,
      after: { date: options.date, description: options.description },
      at: now,
    });
    return created;
  });
  invalidateWorkingCalendar(ctx.prisma);
  const dto = toClosureDayDto(row);
  ctx.broadcaster.toStaff({ type: 'calendar.updated', payload: { added: dto } });
  return dto;
}
