import type { ServerContext } from '../context.ts';
import type { TResidentPanel, TUpdateResident } from '../schemas/index.ts';
import { auditResidentChange, notFound, publishResidentPanel, staleRecordError } from './residentChanges.ts';

const FIELDS = ['fullName', 'preferredName', 'postcode', 'tenancyReference', 'addressLine', 'email', 'preferredLanguage', 'preferredChannel'] as const;

/** Identity and contact details; only the fields sent change. */
export async function updateResidentDetails(ctx: ServerContext, options: TUpdateResident & { residentId: string; actorId: string }): Promise<TResidentPanel> {
  const now = ctx.now();
  await ctx.prisma.$transaction(async (tx) => {
    const before = await tx.resident.findUnique({ where: { id: options.residentId } });
    if (!before) throw notFound('resident');
    const data = Object.fromEntries(FIELDS.filter((field) => options[field] !== undefined).map((field) => [field, options[field]]));
    const { count } = await tx.resident.updateMany({ where: { id: before.id, version: options.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw await staleRecordError(tx, 'Resident', before.id, "resident's record");
    await auditResidentChange(tx, {
      actorId: options.actorId,
      residentId: before.id,
      action: 'resident.updated',
      entityType: 'Resident',
      entityId: before.id,
      before: Object.fromEntries(Object.keys(data).map((field) => [field, before[field as keyof typeof before] as string | null])),
      after: data,
      at: now,
    });
  });
  return publishResidentPanel(ctx, options.residentId);
}
