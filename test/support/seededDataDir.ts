// A data folder for a browser test's server, filled beforehand: the folder is opened as the
// server will open it (PGlite, migrated), seeded with the factories, and closed, so the server
// process then starts on data the test knows. No database service is needed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type PrismaClient, type StaffRole } from '@complaints/db';
import { createStaffUser } from '@complaints/db/factories';
import { hashPassword } from '../../server/src/auth/passwords.ts';

export async function seededDataDir(seed: (prisma: PrismaClient) => Promise<void>): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'complaints-seeded-'));
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await seed(database.prisma);
  } finally {
    await database.close();
  }
  return dataDir;
}

export async function createStaffWithPassword(prisma: PrismaClient, person: { name: string; email: string; password: string; roles: StaffRole[] }) {
  return createStaffUser(prisma, { name: person.name, email: person.email, roles: person.roles, passwordHash: await hashPassword(person.password) });
}
