// A version-checked change to one of this resident's representatives, audited with the record
// before and after (shared by editing their details and recording consent).
import type { Prisma } from '@complaints/db';
import { representativeDto } from './residentPanelDto.ts';
import { auditResidentChange, notFound, staleRecordError } from './residentChanges.ts';

export async function changeRepresentative(
  tx: Prisma.TransactionClient,
  options: { residentId: string; representativeId: string; version: number; actorId: string; action: string; data: Prisma.RepresentativeUncheckedUpdateManyInput; at: Date },
): Promise<void> {
  const before = await tx.representative.findUnique({ where: { id: options.representativeId } });
  if (before?.residentId !== options.residentId) throw notFound('representative');
  const { count } = await tx.representative.updateMany({ where: { id: before.id, version: options.version }, data: { ...options.data, version: { increment: 1 } } });
  if (count === 0) throw await staleRecordError(tx, 'Representative', before.id, 'representative');
  const after = await tx.representative.findUniqueOrThrow({ where: { id: before.id } });
  await auditResidentChange(tx, {
    actorId: options.actorId,
    residentId: options.residentId,
    action: options.action,
    entityType: 'Representative',
    entityId: before.id,
    before: representativeDto(before),
    after: representativeDto(after),
    at: options.at,
  });
}
