import type { ServerContext } from '../context.ts';
import type { TResidentPanel, TUpdateRepresentative } from '../schemas/index.ts';
import { representativeDto } from './residentPanelDto.ts';
import { auditResidentChange, notFound, publishResidentPanel, staleRecordError } from './residentChanges.ts';

const FIELDS = ['name', 'relationship', 'organisation', 'phone', 'email'] as const;

export async function updateRepresentative(
  ctx: ServerContext,
  options: TUpdateRepresentative & { residentId: string; representativeId: string; actorId: string },
): Promise<TResidentPanel> {
  const now = ctx.now();
  await ctx.prisma.$transaction(async (tx) => {
    const before = await tx.representative.findUnique({ where: { id: options.representativeId } });
    if (before?.residentId !== options.residentId) throw notFound('representative');
    const data = Object.fromEntries(FIELDS.filter((field) => options[field] !== undefined).map((field) => [field, options[field]]));
    const { count } = await tx.representative.updateMany({ where: { id: before.id, version: options.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw await staleRecordError(tx, 'Representative', before.id, 'representative');
    const after = await tx.representative.findUniqueOrThrow({ where: { id: before.id } });
    await auditResidentChange(tx, {
      actorId: options.actorId,
      residentId: options.residentId,
      action: 'representative.updated',
      entityType: 'Representative',
      entityId: before.id,
      before: representativeDto(before),
      after: representativeDto(after),
      at: now,
    });
  });
  return publishResidentPanel(ctx, options.residentId);
}
