import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TUpdateCategory } from '../schemas/index.ts';
import { toCategoryDto, type CategoryDto } from './categoryDto.ts';
import { assertNameFree, CATEGORY_UPDATED_EVENT } from './categoryNames.ts';

/** Rename, describe, retire or restore a category (version checked; audited). */
export async function updateCategory(ctx: ServerContext, options: TUpdateCategory & { id: string; actorId: string }): Promise<CategoryDto> {
  const now = ctx.now();
  const row = await ctx.prisma.$transaction(async (tx) => {
    const before = await tx.category.findUnique({ where: { id: options.id } });
    if (!before) throw new AppError(AppErrorCode.NotFound, 'That category does not exist.');
    if (before.version !== options.version) {
      throw new AppError(AppErrorCode.StaleVersion, 'Someone else changed this category since you opened it. Reload to see their change.');
    }
    if (options.name !== undefined) await assertNameFree(tx, options.name, options.id);
    const { count } = await tx.category.updateMany({
      where: { id: options.id, version: options.version },
      data: {
        ...(options.name !== undefined ? { name: options.name } : {}),
        ...(options.description !== undefined ? { description: options.description } : {}),
        ...(options.active !== undefined ? { active: options.active } : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new AppError(AppErrorCode.StaleVersion, 'Someone else changed this category since you opened it. Reload to see their change.');
    const after = await tx.category.findUniqueOrThrow({ where: { id: options.id } });
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: options.actorId },
      action: 'category.updated',
      entityType: 'Category',
      entityId: after.id,
      before: { name: before.name, description: before.description, active: before.active },
      after: { name: after.name, description: after.description, active: after.active },
      at: now,
    });
    return after;
  });
  const dto = toCategoryDto(row);
  ctx.broadcaster.toStaff({ type: CATEGORY_UPDATED_EVENT, payload: { category: dto } });
  return dto;
}
