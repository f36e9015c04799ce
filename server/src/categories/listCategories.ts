import type { ServerContext } from '../context.ts';
import { toCategoryDto, type CategoryDto } from './categoryDto.ts';

export async function listCategories(ctx: ServerContext, options: { includeRetired: boolean }): Promise<CategoryDto[]> {
  const rows = await ctx.prisma.category.findMany({
    where: options.includeRetired ? {} : { active: true },
    orderBy: [{ active: 'desc' }, { name: 'asc' }],
  });
  return rows.map(toCategoryDto);
}
