// CMP-YYYY-NNNNNN (complaints) and SR-YYYY-NNNNNN (service requests) from ReferenceCounter. One
// INSERT … ON CONFLICT statement takes the next number, so two cases logged at the same moment
// never share a reference (a read-then-write would).
import { civilDateInLondon, yearOf } from '../domain/index.ts';
import type { Db } from './caseRow.ts';

export async function allocateReference(tx: Db, prefix: 'CMP' | 'SR', receivedAt: Date): Promise<string> {
  // The year of the London civil date of receipt: 23:30 UTC on 31 December 2026 is still 2026.
  const year = yearOf(civilDateInLondon(receivedAt));
  const key = `${prefix}-${year}`;
  const rows = await tx.$queryRaw<{ lastValue: number }[]>`
    INSERT INTO "ReferenceCounter" ("key", "lastValue") VALUES (${key}, 1)
    ON CONFLICT ("key") DO UPDATE SET "lastValue" = "ReferenceCounter"."lastValue" + 1
    RETURNING "lastValue"`;
  const value = rows[0]?.lastValue;
  if (value === undefined) throw new Error(`Could not allocate a reference for ${key}`);
  return `${key}-${String(value).padStart(6, '0')}`;
}

export function allocateComplaintReference(tx: Db, receivedAt: Date): Promise<string> {
  return allocateReference(tx, 'CMP', receivedAt);
}
