// withTransactionSql: statements on the driver connection of a Prisma interactive transaction
// belong to that transaction (seen by its Prisma queries, undone with it), on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransactionSql } from './transactionSql.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.destroy());

const insert = `INSERT INTO "BotState" ("key", "data", "eTag", "updatedAt") VALUES ($1, '{}'::jsonb, 'e', now())`;

describe('withTransactionSql', () => {
  it("reaches the transaction's own connection: Prisma inside it sees the row, nobody outside does until commit", async () => {
    await withTransactionSql((slot) =>
      database.prisma.$transaction(async (tx) => {
        expect(slot.query).toBeDefined();
        await slot.query!(insert, ['sql-commit']);
        expect(await tx.botState.count({ where: { key: 'sql-commit' } })).toBe(1);
        const [driver] = await slot.query!<{ txid: string }>('SELECT txid_current()::text AS txid');
        const [prisma] = await tx.$queryRawUnsafe<{ txid: string }[]>('SELECT txid_current()::text AS txid');
        expect(driver?.txid).toBe(prisma?.txid);
      }),
    );
    expect(await database.prisma.botState.count({ where: { key: 'sql-commit' } })).toBe(1);
  });

  it('is rolled back with the transaction', async () => {
    await expect(
      withTransactionSql((slot) =>
        database.prisma.$transaction(async () => {
          await slot.query!(insert, ['sql-rollback']);
          throw new Error('undo');
        }),
      ),
    ).rejects.toThrow('undo');
    expect(await database.prisma.botState.count({ where: { key: 'sql-rollback' } })).toBe(0);
  });

  it('is offered only to the first transaction in the slot, and to none outside one', async () => {
    let outer: unknown;
    await withTransactionSql(async (slot) => {
      await database.prisma.$transaction(async () => {
        outer = slot.query;
      });
      await database.prisma.$transaction(async () => {
        expect(slot.query).toBe(outer);
      });
    });
    expect(outer).toBeDefined();
  });
});
