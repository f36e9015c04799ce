export { openDatabase, pgliteDirectory, JOB_LOCK_SPACE } from './database.ts';
export { isDatabaseUnavailable } from './unavailable.ts';
export type { Database, DatabaseKind, DatabaseTarget, OpenOptions, SqlDriver, SqlQuery } from './database.ts';
export { applyMigrations, readMigrations, migrationsFolder, MigrationError } from './migrate.ts';
export type { SqlSession, Migration } from './migrate.ts';
export { PrismaClient, Prisma } from '../generated/client/client.ts';
export * from '../generated/client/enums.ts';
export type * from '../generated/client/models.ts';
