// Opens the product's database: embedded PostgreSQL (PGlite, in a folder) when no
// DATABASE_URL is given, real PostgreSQL otherwise. Both run the same schema and migrations.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient, type Prisma } from '../generated/client/client.ts';
import { applyMigrations, type SqlSession } from './migrate.ts';
import { PGLITE_EXTENSIONS } from './pgliteExtensions.ts';
import { offerTransactionSql } from './transactionSql.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob }; // null: in memory (tests), optionally from a snapshot

/** One SQL statement with $1.. parameters, straight to the driver; resolves to its rows. */
export type SqlQuery = <Row = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<Row[]>;

/** Statements at the driver level, alone or in one transaction (committed when `work` resolves). */
export interface SqlDriver {
  query: SqlQuery;
  transaction<T>(work: (query: SqlQuery) => Promise<T>): Promise<T>;
}

/**
 * `query` and `transaction` are the driver itself (the same pool, or the same PGlite, as
 * `prisma`), without Prisma's query compiler, which costs several times the statement itself.
 * Only for hot paths (storing each inbound webhook) and set-based work on many rows (the reports
 * read 100,000 cases; benchmarks bulk-insert them); everything else goes through `prisma`.
 * Parameters are bound ($1, $2…), never interpolated.
 */
export interface Database extends SqlDriver {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Names of the migrations applied while opening. */
  migrationsApplied: string[];
  /** A cheap round trip, for health checks. */
  ping(): Promise<void>;
  /**
   * Runs a periodic job unless another server process is running it (a session advisory lock,
   * `pg_try_advisory_lock`, on a connection of its own, released when the job ends or its
   * session does); resolves to `{ ran: false }` when skipped. Embedded PGlite has one process.
   */
  runAlone<T>(job: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  close(): Promise<void>;
}

/** How long a query waits to open a connection to PostgreSQL before it fails as unavailable. */
export const POOL_CONNECT_TIMEOUT_MS = 10_000;

/** The advisory lock key space of periodic jobs (two-int keys: apart from one-bigint locks). */
export const JOB_LOCK_SPACE = 0x6a6f6273; // "jobs"

export interface OpenOptions {
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** PostgreSQL: how long a query waits to open a connection (default POOL_CONNECT_TIMEOUT_MS). */
  connectTimeoutMs?: number;
}

/** Where PGlite keeps its files inside DATA_DIR. */
export function pgliteDirectory(dataDir: string): string {
  return path.resolve(dataDir, 'pg');
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  const migrate = options.migrate ?? true;
  if (target.kind === 'postgres') {
    let migrationsApplied: string[] = [];
    if (migrate) migrationsApplied = await migratePostgres(target.url);
    // One pool for Prisma and `query`. node-postgres would wait for ever for a connection to a
    // server that accepts TCP but never answers (a hung host, a half-open failover): a bounded
    // wait makes that "unavailable" (503, try again) instead of requests that hang, and TCP
    // keep-alive notices a peer that vanished without closing its connections.
    const pool = new pg.Pool({ connectionString: target.url, connectionTimeoutMillis: options.connectTimeoutMs ?? POOL_CONNECT_TIMEOUT_MS, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    const prisma = new PrismaClient({ adapter: releasingFailedTransactions(new PrismaPg(pool)) });
    // An idle connection the server closes (restart, failover) is dropped by the pool and
    // reopened on the next query; without a listener its 'error' would end the process.
    pool.on('error', () => undefined);
    return {
      kind: 'postgres',
      prisma,
      query: async <Row>(text: string, params?: unknown[]) => (await pool.query(prepared(text, params))).rows as Row[],
      async transaction(work) {
        const client = await borrow(pool);
        try {
          await client.query('BEGIN');
          const result = await work(async <Row>(text: string, params?: unknown[]) => (await client.query(prepared(text, params))).rows as Row[]);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
      migrationsApplied,
      ping: () => ping(prisma),
      async runAlone(job, work) {
        // Idle for as long as the job runs (its queries use other connections).
        const client = await borrow(pool);
        const lock = [JOB_LOCK_SPACE, job];
        let locked: boolean;
        try {
          locked = (await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::int4, hashtext($2)) AS locked', lock)).rows[0]?.locked === true;
        } catch (error) {
          client.release(true);
          throw error;
        }
        if (!locked) {
          client.release();
          return { ran: false };
        }
        try {
          return { ran: true, value: await work() };
        } finally {
          try {
            await client.query('SELECT pg_advisory_unlock($1::int4, hashtext($2))', lock);
            client.release();
          } catch {
            // Never back to the pool holding the lock: destroyed, its session (and lock) ends.
            client.release(true);
          }
        }
      },
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  let dir: string | undefined;
  if (target.dataDir) {
    dir = pgliteDirectory(target.dataDir);
    mkdirSync(dir, { recursive: true });
  }
  const pglite = await PGlite.create({
    extensions: PGLITE_EXTENSIONS,
    ...(dir ? { dataDir: dir } : target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
  });
  const migrationsApplied = migrate ? await applyMigrations(pgliteSession(pglite)) : [];
  const prisma = new PrismaClient({ adapter: pgliteAdapter(pglite) });
  return {
    kind: 'pglite',
    prisma,
    query: async <Row>(text: string, params?: unknown[]) => (await pglite.query<Row>(text, params)).rows,
    transaction: (work) => pglite.transaction((tx) => work(async <Row>(text: string, params?: unknown[]) => (await tx.query<Row>(text, params)).rows)),
    migrationsApplied,
    ping: () => ping(prisma),
    runAlone: async (_job, work) => ({ ran: true, value: await work() }),
    close: async () => {
      await prisma.$disconnect();
      // An open PGlite keeps the process alive and leaves the data folder to crash recovery.
      if (!pglite.closed) await pglite.close();
    },
  };
}

// Statements on the driver are prepared once per connection (named), not parsed and planned
// again on every call: the same few run for every message (storing it, its turn, its reply),
// and parsing and planning were a third of PostgreSQL's time for them. Names are per SQL text,
// up to MAX_PREPARED texts (beyond that, unnamed as before). This needs a session per pool
// connection: behind a transaction-pooling proxy (PgBouncer's transaction mode) use session mode.
const MAX_PREPARED = 256;
const statementNames = new Map<string, string>();

function prepared(text: string, values: unknown[] | undefined): pg.QueryConfig {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_PREPARED) {
    name = `complaints_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name === undefined ? { text, values: values ?? [] } : { name, text, values: values ?? [] };
}

/**
 * A connection taken from the pool for a while. pg-pool listens for 'error' only on idle
 * connections, and an 'error' nobody listens for ends the process: so a server that ends the
 * session (a restart, pg_terminate_backend) while no query is running on a borrowed connection —
 * runAlone's lock connection sits idle for the whole job — would crash the server. Here the
 * error is kept instead; the next query on the connection fails, and release() destroys it.
 */
async function borrow(pool: pg.Pool): Promise<pg.PoolClient> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const keep = (error: Error) => (lost ??= error);
  client.on('error', keep);
  const release = client.release.bind(client);
  client.release = (destroy?: boolean | Error) => {
    client.removeListener('error', keep);
    return release(destroy ?? lost);
  };
  return client;
}

// Prisma's transaction manager sends COMMIT / ROLLBACK itself and only then asks the adapter to
// release the connection; when that statement fails (the server restarted, the session was
// killed) it never does, and the pool loses a connection for good — ten such and the server
// hangs. So a transaction's connection is released, and destroyed, when COMMIT or ROLLBACK fails.
// A failed ROLLBACK is not an error: a session that ends rolls its transaction back.
type AdapterFactory = PrismaPg;
type PgAdapter = Awaited<ReturnType<AdapterFactory['connect']>>;
type PgTransaction = Awaited<ReturnType<PgAdapter['startTransaction']>>;

function releasingFailedTransactions(factory: AdapterFactory): AdapterFactory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => releaseOnFailure(await start(isolationLevel));
    return adapter;
  };
  return factory;
}

function releaseOnFailure(tx: PgTransaction): PgTransaction {
  const client = (tx as unknown as { client: pg.PoolClient }).client;
  offerTransactionSql(async <Row>(text: string, params?: unknown[]) => (await client.query(prepared(text, params))).rows as Row[]);
  let released = false;
  const execute = tx.executeRaw.bind(tx);
  const commit = tx.commit.bind(tx);
  const rollback = tx.rollback.bind(tx);
  tx.executeRaw = async (query) => {
    try {
      return await execute(query);
    } catch (error) {
      if (query.sql !== 'COMMIT' && query.sql !== 'ROLLBACK') throw error;
      if (!released) {
        released = true;
        client.release(error instanceof Error ? error : new Error(String(error)));
      }
      if (query.sql === 'ROLLBACK') return 0;
      throw error;
    }
  };
  // These release the connection back to the pool; never twice.
  tx.commit = async () => {
    if (released) return;
    released = true;
    await commit();
  };
  tx.rollback = async () => {
    if (released) return;
    released = true;
    await rollback();
  };
  return tx;
}

// pglite-prisma-adapter is built against an older @prisma/driver-adapter-utils whose types
// differ nominally from @prisma/client 6.19's; the runtime interface is the same (its own
// integration tests, and ours, run every query through it).
function pgliteAdapter(pglite: PGlite): NonNullable<Prisma.PrismaClientOptions['adapter']> {
  const factory = new PrismaPGlite(pglite);
  const connect = factory.connect.bind(factory);
  // The adapter's transaction holds PGlite's own transaction object: offered for transactionSql.ts.
  factory.connect = async () => {
    const adapter = await connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = await start(isolationLevel);
      const inner = (tx as unknown as { client: Pick<PGlite, 'query'> }).client;
      offerTransactionSql(async <Row>(text: string, params?: unknown[]) => (await inner.query<Row>(text, params)).rows);
      return tx;
    };
    return adapter;
  };
  return factory as unknown as NonNullable<Prisma.PrismaClientOptions['adapter']>;
}

async function ping(prisma: PrismaClient): Promise<void> {
  await prisma.$queryRaw`SELECT 1`;
}

function pgliteSession(pglite: PGlite): SqlSession {
  return {
    exec: async (script) => {
      await pglite.exec(script);
    },
    query: async <Row>(sql: string, params?: unknown[]) => (await pglite.query<Row>(sql, params)).rows,
  };
}

async function migratePostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await applyMigrations({
      exec: async (script) => {
        await client.query(script);
      },
      query: async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[],
    });
  } finally {
    await client.end();
  }
}
