// Staff sessions live in the database so sign-out and deactivation take effect at once, on
// every process.
import type { PrismaClient, StaffRole } from '@complaints/db';
import type { TStaffSessionUser } from '../schemas/auth.ts';
import { hashToken, newToken } from './tokens.ts';

export const SESSION_COOKIE = 'complaints_session';

// Recording "last seen" on every request would turn each read into a write.
const LAST_SEEN_RESOLUTION_MS = 60_000;

export async function createSession(
  prisma: PrismaClient,
  staffUserId: string,
  options: { now: Date; ttlHours: number; userAgent?: string | undefined },
): Promise<{ token: string; expiresAt: Date }> {
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(options.now.getTime() + options.ttlHours * 3_600_000);
  await prisma.staffSession.create({
    data: { tokenHash, staffUserId, createdAt: options.now, lastSeenAt: options.now, expiresAt, userAgent: options.userAgent?.slice(0, 300) },
  });
  return { token, expiresAt };
}

export interface ResolvedSession {
  sessionId: string;
  user: TStaffSessionUser;
}

export async function resolveSession(prisma: PrismaClient, token: string, now: Date): Promise<ResolvedSession | undefined> {
  const session = await prisma.staffSession.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { staffUser: { include: { roles: true } } },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || !session.staffUser.active) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await prisma.staffSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { staffUser } = session;
  return { sessionId: session.id, user: toSessionUser(staffUser) };
}

export function toSessionUser(staffUser: { id: string; email: string; name: string; roles: { role: StaffRole }[] }): TStaffSessionUser {
  return { id: staffUser.id, email: staffUser.email, name: staffUser.name, roles: staffUser.roles.map((grant) => grant.role).sort() };
}

export async function revokeSession(prisma: PrismaClient, sessionId: string, now: Date): Promise<void> {
  await prisma.staffSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}
