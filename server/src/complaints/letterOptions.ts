// What a letter needs to know about its reader: name, language and the reasonable adjustments
// agreed with them (5.10), e.g. large print changes the printed HTML.
import { civilDateInLondon } from '../domain/index.ts';
import type { LetterOptions } from '../domain/index.ts';
import type { Db } from './caseRow.ts';

export async function letterOptionsFor(db: Db, options: { residentId: string; signerId: string | null; now: Date }): Promise<LetterOptions> {
  // One after the other: a transaction is one connection, and pg will not run two queries at once.
  const resident = await db.resident.findUnique({
    where: { id: options.residentId },
    select: { fullName: true, preferredName: true, preferredLanguage: true, adjustments: { where: { status: 'agreed' }, select: { kind: true } } },
  });
  const signer = options.signerId ? await db.staffUser.findUnique({ where: { id: options.signerId }, select: { name: true } }) : null;
  const recipientName = resident?.preferredName ?? resident?.fullName ?? undefined;
  return {
    issuedOn: civilDateInLondon(options.now),
    ...(recipientName ? { recipientName } : {}),
    ...(signer ? { signedBy: signer.name } : {}),
    adjustments: resident?.adjustments.map((a) => a.kind) ?? [],
    language: resident?.preferredLanguage ?? 'en',
  };
}
