import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { LoginResult } from '../auth/login.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createSession, toSessionUser } from '../auth/sessions.ts';
import { hashToken } from '../auth/tokens.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TAcceptInvitation } from '../schemas/staff.ts';

export interface AcceptInvitationOptions extends TAcceptInvitation {
  userAgent?: string | undefined;
}

const UNUSABLE = 'This invitation link has expired or was already used. Ask an administrator for a new one.';

/** Redeems an invitation: creates the account with the invited roles and signs the person in. */
export async function acceptInvitation(ctx: ServerContext, options: AcceptInvitationOptions): Promise<LoginResult> {
  const { prisma } = ctx;
  const now = ctx.now();
  const invitation = await prisma.staffInvitation.findUnique({ where: { tokenHash: hashToken(options.token) } });
  // email null marks the first administrator's setup link, which completeSetup() redeems instead.
  if (!invitation?.email || invitation.usedAt || invitation.expiresAt <= now) throw new AppError(AppErrorCode.Forbidden, UNUSABLE);
  const email = invitation.email;
  const passwordHash = await hashPassword(options.password);

  const user = await prisma.$transaction(async (tx) => {
    // Claiming the link first, conditionally, makes a double submission create one account.
    const claimed = await tx.staffInvitation.updateMany({ where: { id: invitation.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new AppError(AppErrorCode.Forbidden, UNUSABLE);
    if (await tx.staffUser.findUnique({ where: { email }, select: { id: true } })) {
      throw new AppError(AppErrorCode.Forbidden, `${email} already has an account. Sign in instead.`);
    }
    const created = await tx.staffUser.create({
      data: { email, name: options.name, passwordHash, lastLoginAt: now, roles: { create: invitation.roles.map((role) => ({ role })) } },
      include: { roles: true },
    });
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: created.id },
      action: 'staff.invitation_accepted',
      entityType: 'StaffUser',
      entityId: created.id,
      after: { email, name: options.name, roles: invitation.roles, invitationId: invitation.id, invitedById: invitation.invitedById },
      at: now,
    });
    return created;
  });
  const session = await createSession(prisma, user.id, { now, ttlHours: ctx.config.sessionTtlHours, userAgent: options.userAgent });
  return { user: toSessionUser(user), ...session };
}
