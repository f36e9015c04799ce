import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';

/** An invitation sent to the wrong address or person stops working at once (its link expires now). */
export async function withdrawInvitation(ctx: ServerContext, options: { invitationId: string; actorId: string }): Promise<void> {
  const now = ctx.now();
  await ctx.prisma.$transaction(async (tx) => {
    const { count } = await tx.staffInvitation.updateMany({
      where: { id: options.invitationId, email: { not: null }, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    if (count === 0) throw new AppError(AppErrorCode.NotFound, 'That invitation has already been accepted, withdrawn or has expired.');
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: options.actorId },
      action: 'staff.invitation_withdrawn',
      entityType: 'StaffInvitation',
      entityId: options.invitationId,
      at: now,
    });
  });
  ctx.broadcaster.toStaff({ type: 'staff.invitations_changed', payload: { withdrawn: options.invitationId } });
}
