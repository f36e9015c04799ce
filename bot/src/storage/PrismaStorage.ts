// botbuilder Storage over the BotState table, so a restart mid-conversation loses nothing.
// eTags are honoured: a write naming an eTag other than the stored one (or '*') is refused.
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { PrismaClient, Prisma } from '@complaints/db';

export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: eTag conflict writing "${key}"`);
    this.name = 'ETagConflictError';
  }
}

export class PrismaStorage implements Storage {
  constructor(private readonly prisma: PrismaClient) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const rows = await this.prisma.botState.findMany({ where: { key: { in: keys } } });
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...(row.data as Record<string, unknown>), eTag: row.eTag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...rest } = (item ?? {}) as Record<string, unknown>;
      const data = JSON.parse(JSON.stringify(rest)) as Prisma.InputJsonValue;
      const nextETag = randomUUID();
      if (eTag === undefined || eTag === null || eTag === '*' || eTag === '') {
        await this.prisma.botState.upsert({ where: { key }, create: { key, data, eTag: nextETag }, update: { data, eTag: nextETag } });
        continue;
      }
      const updated = await this.prisma.botState.updateMany({ where: { key, eTag: String(eTag) }, data: { data, eTag: nextETag } });
      if (updated.count === 1) continue;
      // An item read when no row existed carries no eTag; one naming an eTag must still exist.
      throw new ETagConflictError(key);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.prisma.botState.deleteMany({ where: { key: { in: keys } } });
  }
}
