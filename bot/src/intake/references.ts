// Human-readable references (CMP-2026-000123) numbered per calendar year in Europe/London.
import type { SqlQuery } from '@complaints/db';

export function londonYear(at: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric' }).format(at));
}

/**
 * Allocates the next reference with `query` (a transaction's, or the driver's on its own);
 * ON CONFLICT keeps it atomic. The counter row stays locked until that transaction ends.
 */
export async function nextReference(query: SqlQuery, prefix: 'CMP' | 'SR', at: Date): Promise<string> {
  const key = `${prefix}-${londonYear(at)}`;
  const rows = await query<{ lastValue: number }>(
    `INSERT INTO "ReferenceCounter" ("key", "lastValue") VALUES ($1, 1)
     ON CONFLICT ("key") DO UPDATE SET "lastValue" = "ReferenceCounter"."lastValue" + 1
     RETURNING "lastValue"`,
    [key],
  );
  const value = rows[0]?.lastValue;
  if (value == null) throw new Error(`Could not allocate a ${prefix} reference`);
  return `${key}-${String(value).padStart(6, '0')}`;
}

/** UK postcodes are compared upper case with one space before the inward code. */
export function normalisePostcode(text: string): string {
  const compact = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}
