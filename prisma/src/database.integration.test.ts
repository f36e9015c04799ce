// The database opener's own promises: on PostgreSQL, a transaction whose session dies (a server
// restart, a killed backend) gives its pool connection back instead of leaking it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './testing.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.destroy());

describe.runIf(testDatabaseKind() === 'postgres')('transactions whose session dies', () => {
  it('give their connection back to the pool (more of them than the pool holds)', { timeout: 30_000 }, async () => {
    for (let i = 0; i < 12; i++) {
      const failed = await database.prisma
        .$transaction(async (tx) => {
          await tx.$queryRawUnsafe('SELECT pg_terminate_backend(pg_backend_pid())');
        })
        .then(
          () => false,
          () => true,
        );
      expect(failed).toBe(true);
    }
    // With the pool's ten connections leaked, this would wait for ever.
    expect(await database.prisma.$transaction(async (tx) => tx.$queryRaw<{ one: number }[]>`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });
});
