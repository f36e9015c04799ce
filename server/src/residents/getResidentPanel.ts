import type { ServerContext } from '../context.ts';
import { getWorkingCalendar } from '../calendar/workingCalendar.ts';
import { civilDateInLondon } from '../domain/index.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TResidentPanel } from '../schemas/index.ts';
import { residentPanelInclude, toResidentPanelDto } from './residentPanelDto.ts';

export async function getResidentPanel(ctx: ServerContext, options: { id: string }): Promise<TResidentPanel> {
  const [row, calendar] = await Promise.all([
    ctx.prisma.resident.findUnique({ where: { id: options.id }, include: residentPanelInclude }),
    getWorkingCalendar(ctx.prisma),
  ]);
  if (!row) throw new AppError(AppErrorCode.NotFound, 'There is no resident with that id.');
  return toResidentPanelDto(row, civilDateInLondon(ctx.now()), calendar);
}
