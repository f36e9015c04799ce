// GET /api/residents?q=: residents whose name, postcode, phone number or tenancy reference match,
// for the pickers used when logging a contact or linking a conversation. Anonymised records never
// appear. The query is not logged (it can be a phone number): see the request logger in createApp.
import type { Prisma } from '@complaints/db';
import type { ServerContext } from '../context.ts';
import type { TResidentSummary } from '../schemas/index.ts';
import { RESIDENT_SUMMARY_SELECT, toResidentSummary } from './residentSummary.ts';
import { residentSearchTerms } from './searchTerms.ts';

export const RESIDENT_SEARCH_LIMIT = 20;

export async function searchResidents(ctx: ServerContext, options: { q: string }): Promise<{ residents: TResidentSummary[] }> {
  const terms = residentSearchTerms(options.q);
  const anyOf: Prisma.ResidentWhereInput[] = [
    { fullName: { contains: terms.name, mode: 'insensitive' } },
    { preferredName: { contains: terms.name, mode: 'insensitive' } },
    { tenancyReference: { startsWith: terms.tenancyReference, mode: 'insensitive' } },
  ];
  if (terms.postcodePrefix) anyOf.push({ postcode: { startsWith: terms.postcodePrefix } });
  if (terms.phoneDigits) anyOf.push({ identities: { some: { channel: { in: ['sms', 'whatsapp'] }, address: { contains: terms.phoneDigits } } } });
  const rows = await ctx.prisma.resident.findMany({
    where: { anonymisedAt: null, OR: anyOf },
    orderBy: [{ fullName: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
    take: RESIDENT_SEARCH_LIMIT,
    select: RESIDENT_SUMMARY_SELECT,
  });
  return { residents: rows.map(toResidentSummary) };
}
