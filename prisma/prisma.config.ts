// Configuration for the Prisma CLI (generate, migrate diff, migrate deploy). The CLI talks to
// the database through the same driver adapters as the server: real PostgreSQL when
// DATABASE_URL is set, otherwise embedded PostgreSQL (PGlite) in DATA_DIR/pg.
// The server applies migrations itself at start-up (src/migrate.ts); `prisma migrate deploy`
// remains the tool for deployments and accepts the history the server writes.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PGLITE_EXTENSIONS } from './src/pgliteExtensions.ts';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

const databaseUrl = process.env.DATABASE_URL;
// Commands that need no real database (`migrate diff` between schema files) use a throw-away
// in-memory PGlite; scripts/newMigration.ts sets this.
const inMemory = process.env.PRISMA_IN_MEMORY === '1';
// The schema's datasource reads DATABASE_URL; with PGlite it is never dialled, but the CLI
// needs some postgres URL to exist or it tries to download a query engine.
if (!databaseUrl) process.env.DATABASE_URL = 'postgresql://embedded@localhost/embedded';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(import.meta.dirname, 'schema.prisma'),
  migrations: { path: path.join(import.meta.dirname, 'migrations') },
  async adapter() {
    if (databaseUrl) return new PrismaPg({ connectionString: databaseUrl });
    if (inMemory) return lazyPGlite(null);
    const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(import.meta.dirname, '..', 'data'), 'pg');
    return lazyPGlite(dataDir);
  },
});

// Open PGlite only when the CLI really connects: an open PGlite keeps the CLI process alive,
// and commands such as `migrate diff --from-empty` never need a database.
// (The cast: pglite-prisma-adapter is typed against an older @prisma/driver-adapter-utils.)
function lazyPGlite(dataDir: string | null): SqlMigrationAwareDriverAdapterFactory {
  let factory: SqlMigrationAwareDriverAdapterFactory | undefined;
  const open = () => {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const pglite = new PGlite({ extensions: PGLITE_EXTENSIONS, ...(dataDir ? { dataDir } : {}) });
    return (factory ??= new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory);
  };
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pglite',
    connect: () => open().connect(),
    connectToShadowDb: () => open().connectToShadowDb(),
  };
}
