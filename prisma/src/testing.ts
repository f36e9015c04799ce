// A fresh, migrated database per test file, so files run in parallel without sharing rows:
// in-memory PGlite by default, or a new database on the PostgreSQL server named by
// TEST_DATABASE_URL when the integration:postgres project runs (TEST_DB=postgres).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, type Database } from './database.ts';
import { PGLITE_EXTENSIONS } from './pgliteExtensions.ts';
import { applyMigrations, readMigrations } from './migrate.ts';

export interface TestDatabase extends Database {
  /** Closes the connection and drops the throw-away database. */
  destroy(): Promise<void>;
}

export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: await migratedPGliteSnapshot() });
    return { ...database, destroy: () => database.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  return {
    ...database,
    destroy: async () => {
      await database.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** The URL of a brand-new empty database (for migration tests); dropped by the returned function. */
export async function createEmptyPostgresDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `test_empty_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// A fresh PGlite costs ~3 s (initdb in WebAssembly) plus migrations; loading a dump of an
// already-migrated one costs well under a second. The dump is cached in the temp folder, keyed
// by the migrations and the PGlite version, so a changed migration never reuses a stale one.
// openDatabase still runs the migration runner on it (a no-op), so correctness never depends
// on the cache.
let snapshot: Promise<Blob> | undefined;
function migratedPGliteSnapshot(): Promise<Blob> {
  return (snapshot ??= loadOrBuildSnapshot());
}

async function loadOrBuildSnapshot(): Promise<Blob> {
  const pgliteEntry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  const pgliteVersion = (JSON.parse(readFileSync(path.join(path.dirname(pgliteEntry), '..', 'package.json'), 'utf8')) as { version: string }).version;
  const key = createHash('sha256')
    .update(pgliteVersion)
    .update(readMigrations().map((migration) => `${migration.name}:${migration.checksum}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const file = path.join(tmpdir(), `complaints-pglite-${key}.tar`);
  if (existsSync(file)) return new Blob([await readFile(file)]);
  const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  try {
    await applyMigrations({
      exec: async (script) => {
        await pglite.exec(script);
      },
      query: async <Row>(sql: string, params?: unknown[]) => (await pglite.query<Row>(sql, params)).rows,
    });
    const dump = await pglite.dumpDataDir('none');
    // Written under a unique name then renamed: parallel workers never read a half-written file.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
    return dump;
  } finally {
    await pglite.close();
  }
}
