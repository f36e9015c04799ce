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

const databaseUrl = process.env.DATABASE_URL;
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
    const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(import.meta.dirname, '..', 'data'), 'pg');
    mkdirSync(dataDir, { recursive: true });
    return new PrismaPGlite(new PGlite({ dataDir }));
  },
});
