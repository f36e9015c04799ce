// The database opener's own promises: on PostgreSQL, a transaction whose session dies (a server
// restart, a killed backend) gives its pool connection back instead of leaking it, and a
// periodic job runs in one process at a time (runAlone), even when the server ends its session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_LOCK_SPACE, openDatabase } from './database.ts';
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

describe('runAlone: a periodic job in one process at a time', () => {
  it('runs the job and gives its result, and runs it again after a failure', async () => {
    expect(await database.runAlone('test-job', async () => 42)).toEqual({ ran: true, value: 42 });
    await expect(database.runAlone('test-job', async () => Promise.reject(new Error('job failed')))).rejects.toThrow('job failed');
    expect(await database.runAlone('test-job', async () => 'again')).toEqual({ ran: true, value: 'again' });
  });

  it.runIf(testDatabaseKind() === 'postgres')('another process skips the job while one runs it, not other jobs, and runs it afterwards', async () => {
    const [row] = await database.query<{ name: string }>('SELECT current_database() AS name');
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${row!.name}`;
    const otherProcess = await openDatabase({ kind: 'postgres', url: url.toString() }, { migrate: false });
    try {
      let finish!: () => void;
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      const first = database.runAlone('sweep', async () => {
        started();
        await new Promise<void>((resolve) => (finish = resolve));
        return 'first';
      });
      await running;
      expect(await otherProcess.runAlone('sweep', async () => 'second')).toEqual({ ran: false });
      expect(await otherProcess.runAlone('another job', async () => 'other')).toEqual({ ran: true, value: 'other' });
      finish();
      expect(await first).toEqual({ ran: true, value: 'first' });
      expect(await otherProcess.runAlone('sweep', async () => 'second')).toEqual({ ran: true, value: 'second' });
    } finally {
      await otherProcess.close();
    }
  });

  it.runIf(testDatabaseKind() === 'postgres')('survives the server ending the lock’s session while the job runs (a restart)', { timeout: 30_000 }, async () => {
    let finish!: () => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const job = database.runAlone('restart', async () => {
      started();
      await new Promise<void>((resolve) => (finish = resolve));
      return 'finished';
    });
    await running;
    // The lock's connection sits idle in the pool's hands while the job works on others: the
    // FATAL a restarting server sends it arrives with no query to fail, as an 'error' event.
    const lockHolder = `SELECT "pid" FROM pg_locks WHERE "locktype" = 'advisory' AND "classid" = $1 AND "objsubid" = 2
      AND "database" = (SELECT "oid" FROM pg_database WHERE "datname" = current_database())`;
    const [holder] = await database.query<{ pid: number }>(lockHolder, [JOB_LOCK_SPACE]);
    expect(holder).toBeDefined();
    await database.query('SELECT pg_terminate_backend($1)', [holder!.pid]);
    for (let i = 0; i < 100 && (await database.query(lockHolder, [JOB_LOCK_SPACE])).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    // Let the FATAL reach the client before the job ends.
    await new Promise((resolve) => setTimeout(resolve, 200));
    finish();
    expect(await job).toEqual({ ran: true, value: 'finished' });
    // The lock ended with its session; the pool's other connections still work.
    expect(await database.runAlone('restart', async () => 'again')).toEqual({ ran: true, value: 'again' });
    expect(await database.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
