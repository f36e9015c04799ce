import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { readMigrations } from './migrate.ts';
import { createEmptyPostgresDatabase, createTestDatabase, testDatabaseKind, type TestDatabase } from './testing.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.destroy();
});

describe(`migrations on ${testDatabaseKind()}`, () => {
  it('applies every migration once and records it the way Prisma does', async () => {
    // Test PGlite databases start from a migrated snapshot; check a truly empty one here.
    const fresh = testDatabaseKind() === 'pglite' ? await openDatabase({ kind: 'pglite', dataDir: null }) : db;
    try {
      const names = readMigrations().map((m) => m.name);
      expect(fresh.migrationsApplied).toEqual(names);
      const rows = await fresh.prisma.$queryRaw<{ migration_name: string; checksum: string; finished_at: Date | null }[]>`
        SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`;
      expect(rows.map((row) => row.migration_name)).toEqual(names);
      expect(rows.every((row) => row.finished_at !== null && /^[0-9a-f]{64}$/.test(row.checksum))).toBe(true);
    } finally {
      if (fresh !== db) await fresh.close();
    }
  });

  it('keeps the audit log append-only', async () => {
    const event = await db.prisma.auditEvent.create({
      data: { actorType: 'system', action: 'test.append_only', entityType: 'Test', entityId: '1' },
    });
    await expect(db.prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditEvent.update({ where: { id: event.id }, data: { action: 'rewritten' } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow();
    expect(await db.prisma.auditEvent.count({ where: { id: event.id } })).toBe(1);
    // Retention anonymisation may redact personal data, only when it says so explicitly.
    await db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL app.audit_redaction = 'on'`);
      await tx.auditEvent.update({ where: { id: event.id }, data: { before: { redacted: true } } });
    });
    expect((await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe('test.append_only');
  });

  it('enforces one provider message id per message', async () => {
    const identity = await db.prisma.channelIdentity.create({ data: { channel: 'sms', address: '+447700900001' } });
    const conversation = await db.prisma.conversation.create({ data: { channel: 'sms', channelIdentityId: identity.id } });
    const message = { conversationId: conversation.id, channel: 'sms' as const, direction: 'inbound' as const, author: 'resident' as const, body: 'hello', deliveryStatus: 'received' as const, providerMessageId: 'SM00000000000000000000000000000001' };
    await db.prisma.message.create({ data: message });
    await expect(db.prisma.message.create({ data: message })).rejects.toThrow();
  });
});

describe.runIf(testDatabaseKind() === 'postgres')('Prisma CLI agrees with the start-up runner', () => {
  const serverUrl = process.env.TEST_DATABASE_URL ?? '';
  const prismaFolder = path.resolve(import.meta.dirname, '..');
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  const prismaCli = (url: string, ...args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], { cwd: prismaFolder, env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1' }, encoding: 'utf8', timeout: 120_000 });

  it('`prisma migrate deploy` applies cleanly to an empty database, and the server then has nothing to do', async () => {
    const empty = await createEmptyPostgresDatabase(serverUrl);
    try {
      const deploy = prismaCli(empty.url, 'migrate', 'deploy');
      expect(deploy.status, deploy.stdout + deploy.stderr).toBe(0);
      const opened = await openDatabase({ kind: 'postgres', url: empty.url });
      expect(opened.migrationsApplied).toEqual([]);
      await opened.close();
    } finally {
      await empty.drop();
    }
  }, 120_000);

  it('after the server migrated, `prisma migrate status` reports the schema up to date', async () => {
    const empty = await createEmptyPostgresDatabase(serverUrl);
    try {
      const opened = await openDatabase({ kind: 'postgres', url: empty.url });
      await opened.close();
      const status = prismaCli(empty.url, 'migrate', 'status');
      expect(status.status, status.stdout + status.stderr).toBe(0);
      expect(status.stdout).toMatch(/Database schema is up to date/);
    } finally {
      await empty.drop();
    }
  }, 120_000);
});
