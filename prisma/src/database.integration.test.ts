// The database opener's own promises: on PostgreSQL, a transaction whose session dies (a server
// restart, a killed backend) gives its pool connection back instead of leaking it, and a
// periodic job runs in one process at a time (runAlone), even when the server ends its session;
// and an unreachable database is told from every other error (isDatabaseUnavailable).
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_LOCK_SPACE, openDatabase } from './database.ts';
import { isDatabaseUnavailable } from './unavailable.ts';
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

describe('isDatabaseUnavailable: a database away, told from other errors', () => {
  it('is false for errors of the query itself', async () => {
    const syntax = await database.query('SELEC 1').catch((error: unknown) => error);
    const prismaSyntax = await database.prisma.$queryRawUnsafe('SELEC 1').catch((error: unknown) => error);
    const missingRow = await database.prisma.staffUser.findUniqueOrThrow({ where: { id: '00000000-0000-4000-8000-000000000000' } }).catch((error: unknown) => error);
    for (const error of [syntax, prismaSyntax, missingRow, new Error('something else')]) expect(isDatabaseUnavailable(error), String(error)).toBe(false);
  });

  describe.runIf(testDatabaseKind() === 'postgres')('on PostgreSQL', () => {
    /** What each way in reports: the driver, Prisma's raw and model queries, a Prisma transaction. */
    async function errorsFrom(url: string, options: { connectTimeoutMs?: number } = {}): Promise<unknown[]> {
      const away = await openDatabase({ kind: 'postgres', url }, { migrate: false, ...options });
      try {
        const caught = (work: () => Promise<unknown>) => work().then(() => new Error('the query succeeded'), (error: unknown) => error);
        return [
          await caught(() => away.query('SELECT 1')),
          await caught(() => away.prisma.$queryRaw`SELECT 1`),
          await caught(() => away.prisma.staffUser.count()),
          await caught(() => away.prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1`)),
          await caught(() => away.transaction((query) => query('SELECT 1'))),
        ];
      } finally {
        await away.close();
      }
    }
    const ourDatabase = async () => {
      const [row] = await database.query<{ name: string }>('SELECT current_database() AS name');
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${row!.name}`;
      return url;
    };

    it('is true when connections are refused (the server is down)', async () => {
      const closed = await new Promise<number>((resolve) => {
        const probe = createServer();
        probe.listen(0, '127.0.0.1', () => {
          const { port } = probe.address() as AddressInfo;
          probe.close(() => resolve(port));
        });
      });
      const url = await ourDatabase();
      url.host = `127.0.0.1:${closed}`;
      for (const error of await errorsFrom(url.toString())) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    });

    it('is true when connections are closed as they open (a proxy in front of a server that is down)', async () => {
      const closing = createServer((socket) => socket.destroy());
      await new Promise<void>((resolve) => closing.listen(0, '127.0.0.1', resolve));
      try {
        const url = await ourDatabase();
        url.host = `127.0.0.1:${(closing.address() as AddressInfo).port}`;
        for (const error of await errorsFrom(url.toString())) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      } finally {
        await new Promise((resolve) => closing.close(resolve));
      }
    });

    it('is true, after a bounded wait, when the server takes connections and never answers (a hung host)', { timeout: 30_000 }, async () => {
      const held = new Set<Socket>();
      const silent = createServer((socket) => void held.add(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      try {
        const url = await ourDatabase();
        url.host = `127.0.0.1:${(silent.address() as AddressInfo).port}`;
        const started = performance.now();
        const errors = await errorsFrom(url.toString(), { connectTimeoutMs: 300 });
        for (const error of errors) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
        // Five ways in, each waiting its bounded while: not for ever.
        expect(performance.now() - started).toBeLessThan(20_000);
      } finally {
        for (const socket of held) socket.destroy();
        await new Promise((resolve) => silent.close(resolve));
      }
    });

    it('is true when the server ends the session mid-query (a restart)', async () => {
      const terminate = 'SELECT pg_terminate_backend(pg_backend_pid())';
      const errors = [
        await database.query(terminate).catch((error: unknown) => error),
        await database.prisma.$queryRawUnsafe(terminate).catch((error: unknown) => error),
        await database.prisma.$transaction(async (tx) => tx.$queryRawUnsafe(terminate)).catch((error: unknown) => error),
        await database.transaction((query) => query(terminate)).catch((error: unknown) => error),
      ];
      for (const error of errors) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      // A unique violation is the query's own fault.
      await database.query('CREATE TEMP TABLE unique_probe (id int PRIMARY KEY)');
      const duplicate = await database.query('INSERT INTO unique_probe VALUES (1), (1)').catch((error: unknown) => error);
      expect(isDatabaseUnavailable(duplicate)).toBe(false);
    });
  });
});
