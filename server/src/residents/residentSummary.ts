// A resident as the console's pickers list them (a plain DTO, never a Prisma row).
import type { Prisma } from '@complaints/db';
import type { TResidentSummary } from '../schemas/index.ts';

export const RESIDENT_SUMMARY_SELECT = {
  id: true,
  fullName: true,
  preferredName: true,
  postcode: true,
  tenancyReference: true,
  addressLine: true,
  identities: { where: { channel: { in: ['sms', 'whatsapp'] } }, select: { address: true }, orderBy: { createdAt: 'asc' } },
} satisfies Prisma.ResidentSelect;

type Row = Prisma.ResidentGetPayload<{ select: typeof RESIDENT_SUMMARY_SELECT }>;

export function toResidentSummary(row: Row): TResidentSummary {
  const { identities, ...resident } = row;
  return { ...resident, phones: [...new Set(identities.map((i) => i.address))] };
}
