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

export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob }; // null: in memory (tests), optionally from a snapshot

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Names of the migrations applied while opening. */
  migrationsApplied: string[];
  /** A cheap round trip, for health checks. */
  ping(): Promise<void>;
  /**
   * One SQL statement straight through the driver, outside Prisma, for set-based work on many
   * rows (the reports read 100,000 cases; benchmarks bulk-insert them): Prisma's raw queries cost
   * many times more per row. Parameters are bound ($1, $2…), never interpolated.
   */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
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
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) });
    let pool: pg.Pool | undefined;
    return {
      kind: 'postgres',
      prisma,
      migrationsApplied,
      ping: () => ping(prisma),
      query: async <Row>(sql: string, params?: unknown[]) => {
        if (!pool) {
          pool = new pg.Pool({ connectionString: target.url, max: 4 });
          // An idle connection the server closes (restart, failover) is dropped by the pool and
          // reopened on the next query; without a listener its 'error' would end the process.
          pool.on('error', () => undefined);
        }
        return (await pool.query(sql, params)).rows as Row[];
      },
      close: async () => {
        await prisma.$disconnect();
        await pool?.end();
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
    migrationsApplied,
    ping: () => ping(prisma),
    query: async <Row>(sql: string, params?: unknown[]) => (await pglite.query<Row>(sql, params)).rows,
    close: async () => {
      await prisma.$disconnect();
      // An open PGlite keeps the process alive and leaves the data folder to crash recovery.
      if (!pglite.closed) await pglite.close();
    },
  };
}

// pglite-prisma-adapter is built against an older @prisma/driver-adapter-utils whose types
// differ nominally from @prisma/client 6.19's; the runtime interface is the same (its own
// integration tests, and ours, run every query through it).
function pgliteAdapter(pglite: PGlite): NonNullable<Prisma.PrismaClientOptions['adapter']> {
  return new PrismaPGlite(pglite) as unknown as NonNullable<Prisma.PrismaClientOptions['adapter']>;
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
