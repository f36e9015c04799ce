import type { ServerContext } from '../context.ts';
import { toClosureDayDto, type ClosureDayDto } from './closureDayDto.ts';

export async function listClosureDays(ctx: ServerContext): Promise<ClosureDayDto[]> {
  const rows = await ctx.prisma.closureDay.findMany({ orderBy: { date: 'asc' } });
  return rows.map(toClosureDayDto);
}
