// botbuilder Storage over the BotState table, so a restart mid-conversation loses nothing.
// eTags are honoured: a write naming an eTag other than the stored one (or '*') is refused.
//
// Plain SQL: every turn reads and writes its state, and Prisma's query compiler would cost
// several times the statements (@complaints/db transactionSql.ts). The server hands in the
// turn transaction's own connection; alone (tests), the statements go through Prisma.
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { sqlThroughPrisma, type PrismaClient, type SqlQuery } from '@complaints/db';

export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: eTag conflict writing "${key}"`);
    this.name = 'ETagConflictError';
  }
}

export class PrismaStorage implements Storage {
  private readonly sql: () => SqlQuery;

  /** `sql`: where each statement runs (looked up per statement: inside a turn, its transaction). */
  constructor(prisma: PrismaClient, sql?: () => SqlQuery) {
    this.sql = sql ?? (() => sqlThroughPrisma(prisma));
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const rows = await this.sql()<{ key: string; data: Record<string, unknown>; eTag: string }>(`SELECT "key", "data", "eTag" FROM "BotState" WHERE "key" = ANY($1::text[])`, [keys]);
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...row.data, eTag: row.eTag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...rest } = (item ?? {}) as Record<string, unknown>;
      const data = JSON.stringify(rest);
      const nextETag = randomUUID();
      if (eTag === undefined || eTag === null || eTag === '*' || eTag === '') {
        await this.sql()(
          `INSERT INTO "BotState" ("key", "data", "eTag", "updatedAt") VALUES ($1, $2::jsonb, $3, now())
           ON CONFLICT ("key") DO UPDATE SET "data" = EXCLUDED."data", "eTag" = EXCLUDED."eTag", "updatedAt" = EXCLUDED."updatedAt"`,
          [key, data, nextETag],
        );
        continue;
      }
      const updated = await this.sql()(`UPDATE "BotState" SET "data" = $2::jsonb, "eTag" = $3, "updatedAt" = now() WHERE "key" = $1 AND "eTag" = $4 RETURNING "key"`, [key, data, nextETag, String(eTag)]);
      if (updated.length === 1) continue;
      // An item read when no row existed carries no eTag; one naming an eTag must still exist.
      throw new ETagConflictError(key);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.sql()(`DELETE FROM "BotState" WHERE "key" = ANY($1::text[])`, [keys]);
  }
}
