import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { TCreateCategory } from '../schemas/index.ts';
import { toCategoryDto, type CategoryDto } from './categoryDto.ts';
import { assertNameFree, CATEGORY_UPDATED_EVENT } from './categoryNames.ts';

export async function createCategory(ctx: ServerContext, options: TCreateCategory & { actorId: string }): Promise<CategoryDto> {
  const now = ctx.now();
  const row = await ctx.prisma.$transaction(async (tx) => {
    await assertNameFree(tx, options.name);
    const created = await tx.category.create({ data: { name: options.name, description: options.description ?? null } });
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: options.actorId },
      action: 'category.created',
      entityType: 'Category',
      entityId: created.id,
      after: { name: created.name, description: created.description },
      at: now,
    });
    return created;
  });
  const dto = toCategoryDto(row);
  ctx.broadcaster.toStaff({ type: CATEGORY_UPDATED_EVENT, payload: { category: dto } });
  return dto;
}
