import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TLogin, TStaffSessionUser } from '../schemas/auth.ts';
import { verifyDecoy, verifyPassword } from './passwords.ts';
import { createSession, toSessionUser } from './sessions.ts';

export interface LoginOptions extends TLogin {
  userAgent?: string | undefined;
}

export interface LoginResult {
  user: TStaffSessionUser;
  token: string;
  expiresAt: Date;
}

// One message for every failure: saying which part was wrong helps an attacker, not staff.
const REFUSED = 'That email and password do not match an active account.';

export async function login(ctx: ServerContext, options: LoginOptions): Promise<LoginResult> {
  const { prisma } = ctx;
  const now = ctx.now();
  const staffUser = await prisma.staffUser.findUnique({ where: { email: options.email }, include: { roles: true } });
  if (!staffUser?.passwordHash) {
    await verifyDecoy(options.password);
    throw new AppError(AppErrorCode.Unauthenticated, REFUSED);
  }
  const valid = await verifyPassword(staffUser.passwordHash, options.password);
  if (!valid || !staffUser.active) throw new AppError(AppErrorCode.Unauthenticated, REFUSED);

  const session = await createSession(prisma, staffUser.id, { now, ttlHours: ctx.config.sessionTtlHours, userAgent: options.userAgent });
  await prisma.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: staffUser.id }, data: { lastLoginAt: now } });
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: staffUser.id },
      action: 'staff.signed_in',
      entityType: 'StaffUser',
      entityId: staffUser.id,
      at: now,
    });
  });
  return { user: toSessionUser(staffUser), ...session };
}
