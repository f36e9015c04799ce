import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { newToken } from '../auth/tokens.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TInviteStaff, TStaffInvitationResult } from '../schemas/staff.ts';

export const INVITATION_DAYS = 7;

export interface InviteStaffOptions extends TInviteStaff {
  actorId: string;
  /** The console's origin, for the link the administrator passes on. */
  origin: string;
}

/**
 * Creates a one-time invitation. No email is sent (the product has no mail server): the link is
 * returned once for the administrator to pass on, and only its hash is stored.
 */
export async function inviteStaff(ctx: ServerContext, options: InviteStaffOptions): Promise<TStaffInvitationResult> {
  const { prisma } = ctx;
  const existing = await prisma.staffUser.findUnique({ where: { email: options.email }, select: { active: true } });
  if (existing?.active) throw new AppError(AppErrorCode.InvalidRequest, `${options.email} already has an account.`);
  if (existing) {
    throw new AppError(AppErrorCode.InvalidRequest, `${options.email} has a deactivated account. Reactivate it instead of inviting them again.`);
  }
  const now = ctx.now();
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const invitation = await prisma.$transaction(async (tx) => {
    // A new invitation replaces any earlier link for the same person, so only one works.
    await tx.staffInvitation.updateMany({ where: { email: options.email, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    const created = await tx.staffInvitation.create({
      data: { tokenHash, email: options.email, name: options.name, roles: options.roles, invitedById: options.actorId, createdAt: now, expiresAt },
    });
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: options.actorId },
      action: 'staff.invited',
      entityType: 'StaffInvitation',
      entityId: created.id,
      after: { email: options.email, name: options.name, roles: options.roles, expiresAt: expiresAt.toISOString() },
      at: now,
    });
    return created;
  });
  return {
    invitation: { id: invitation.id, email: options.email, name: options.name, roles: options.roles, expiresAt: expiresAt.toISOString() },
    // The token rides in the fragment, which browsers never send to servers or in Referer headers.
    link: `${options.origin}/invite#token=${token}`,
  };
}
