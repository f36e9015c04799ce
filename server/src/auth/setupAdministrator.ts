// The first administrator. A fresh install has no default password: start-up either creates the
// administrator from ADMIN_EMAIL / ADMIN_PASSWORD (automated deployments) or prints a one-time
// setup link, which completeSetup() redeems.
import type { PrismaClient } from '@complaints/db';
import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TCompleteSetup } from '../schemas/auth.ts';
import { hashPassword } from './passwords.ts';
import { createSession, toSessionUser } from './sessions.ts';
import { hashToken, newToken } from './tokens.ts';
import type { LoginResult } from './login.ts';

const SETUP_LINK_HOURS = 24;

async function hasAdministrator(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.staffUser.count({ where: { active: true, roles: { some: { role: 'admin' } } } })) > 0;
}

export type BootstrapOutcome =
  | { kind: 'existing' }
  | { kind: 'created-from-environment'; email: string }
  | { kind: 'setup-link'; token: string; expiresAt: Date };

export async function bootstrapAdministrator(ctx: ServerContext): Promise<BootstrapOutcome> {
  const { prisma, config } = ctx;
  if (await hasAdministrator(prisma)) return { kind: 'existing' };
  const now = ctx.now();
  if (config.initialAdmin) {
    const email = config.initialAdmin.email.toLowerCase();
    const passwordHash = await hashPassword(config.initialAdmin.password);
    await prisma.$transaction(async (tx) => {
      // An existing account with that email is promoted rather than duplicated.
      const admin = await tx.staffUser.upsert({ where: { email }, create: { email, name: 'Administrator', passwordHash }, update: { active: true } });
      await tx.staffRoleGrant.upsert({
        where: { staffUserId_role: { staffUserId: admin.id, role: 'admin' } },
        create: { staffUserId: admin.id, role: 'admin' },
        update: {},
      });
      await recordAudit(tx, { actor: { type: 'system' }, action: 'staff.administrator_created', entityType: 'StaffUser', entityId: admin.id, after: { source: 'ADMIN_EMAIL' }, at: now });
    });
    return { kind: 'created-from-environment', email };
  }
  // A new link on every start while nobody has set up: an old printed link stops working.
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000);
  await prisma.$transaction([
    prisma.staffInvitation.updateMany({ where: { email: null, usedAt: null }, data: { expiresAt: now } }),
    prisma.staffInvitation.create({ data: { tokenHash, email: null, roles: ['admin'], createdAt: now, expiresAt } }),
  ]);
  return { kind: 'setup-link', token, expiresAt };
}

export async function completeSetup(ctx: ServerContext, input: TCompleteSetup & { userAgent?: string | undefined }): Promise<LoginResult> {
  const { prisma } = ctx;
  const now = ctx.now();
  const invitation = await prisma.staffInvitation.findUnique({ where: { tokenHash: hashToken(input.token) } });
  if (!invitation || invitation.email !== null || invitation.usedAt || invitation.expiresAt <= now) {
    throw new AppError(AppErrorCode.Forbidden, 'This setup link has expired or was already used. Restart the server to print a new one.');
  }
  if (await hasAdministrator(prisma)) {
    throw new AppError(AppErrorCode.Forbidden, 'An administrator already exists. Sign in instead.');
  }
  const passwordHash = await hashPassword(input.password);
  const admin = await prisma.$transaction(async (tx) => {
    // Marking the link used first, conditionally, makes a double submission create one account.
    const claimed = await tx.staffInvitation.updateMany({ where: { id: invitation.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new AppError(AppErrorCode.Forbidden, 'This setup link was already used.');
    const created = await tx.staffUser.create({
      data: { email: input.email, name: input.name, passwordHash, roles: { create: { role: 'admin' } } },
      include: { roles: true },
    });
    await recordAudit(tx, { actor: { type: 'staff', staffId: created.id }, action: 'staff.administrator_created', entityType: 'StaffUser', entityId: created.id, after: { source: 'setup link' }, at: now });
    return created;
  });
  const session = await createSession(prisma, admin.id, { now, ttlHours: ctx.config.sessionTtlHours, userAgent: input.userAgent });
  return { user: toSessionUser(admin), ...session };
}
