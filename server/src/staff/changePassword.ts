import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TChangePassword } from '../schemas/staff.ts';
import { announceAccessRevoked } from './accessRevoked.ts';

export interface ChangePasswordOptions extends TChangePassword {
  staffId: string;
  /** The session making the change stays signed in; every other one is revoked. */
  sessionId: string;
}

export async function changePassword(ctx: ServerContext, options: ChangePasswordOptions): Promise<{ otherSessionsRevoked: number }> {
  const { prisma } = ctx;
  const user = await prisma.staffUser.findUnique({ where: { id: options.staffId }, select: { id: true, passwordHash: true } });
  // 403 rather than 401: the session is fine, and 401 would tell the console to sign out.
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, options.currentPassword))) {
    throw new AppError(AppErrorCode.Forbidden, 'Your current password is not right.');
  }
  if (options.currentPassword === options.newPassword) {
    throw new AppError(AppErrorCode.InvalidRequest, 'Choose a new password that is different from your current one.');
  }
  const passwordHash = await hashPassword(options.newPassword);
  const now = ctx.now();
  const revoked = await prisma.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: user.id }, data: { passwordHash, version: { increment: 1 } } });
    // Someone who learnt the old password may be signed in elsewhere: those sessions end now.
    const others = await tx.staffSession.updateMany({
      where: { staffUserId: user.id, revokedAt: null, id: { not: options.sessionId } },
      data: { revokedAt: now },
    });
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: user.id },
      action: 'staff.password_changed',
      entityType: 'StaffUser',
      entityId: user.id,
      after: { otherSessionsRevoked: others.count },
      at: now,
    });
    return others.count;
  });
  announceAccessRevoked(ctx.broadcaster, { staffId: user.id, keepSessionId: options.sessionId });
  return { otherSessionsRevoked: revoked };
}
