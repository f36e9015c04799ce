import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TStaffMember } from '../schemas/staff.ts';
import { announceAccessRevoked } from './accessRevoked.ts';
import { assertAnotherActiveAdmin, lockAdministratorChanges, staffNotFound } from './adminGuards.ts';
import { staffMemberInclude, toStaffMemberDto } from './staffMemberDto.ts';

export interface DeactivateStaffOptions {
  staffId: string;
  actorId: string;
}

/**
 * Stops an account at once: every session is revoked in the same transaction and its sockets are
 * disconnected after commit. The account and its history stay (the audit trail names them).
 */
export async function deactivateStaff(ctx: ServerContext, options: DeactivateStaffOptions): Promise<TStaffMember> {
  if (options.staffId === options.actorId) {
    throw new AppError(AppErrorCode.Forbidden, 'You cannot deactivate your own account. Ask another administrator.');
  }
  const now = ctx.now();
  const updated = await ctx.prisma.$transaction(async (tx) => {
    await lockAdministratorChanges(tx);
    const before = await tx.staffUser.findUnique({ where: { id: options.staffId }, include: staffMemberInclude });
    if (!before) throw staffNotFound();
    if (!before.active) return before;
    if (before.roles.some((grant) => grant.role === 'admin')) {
      await assertAnotherActiveAdmin(tx, before.id, 'You cannot deactivate the last active administrator.');
    }
    await tx.staffUser.update({ where: { id: before.id }, data: { active: false, version: { increment: 1 } } });
    const revoked = await tx.staffSession.updateMany({ where: { staffUserId: before.id, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: options.actorId },
      action: 'staff.deactivated',
      entityType: 'StaffUser',
      entityId: before.id,
      before: { active: true },
      after: { active: false, sessionsRevoked: revoked.count },
      at: now,
    });
    return tx.staffUser.findUniqueOrThrow({ where: { id: before.id }, include: staffMemberInclude });
  });
  announceAccessRevoked(ctx.broadcaster, { staffId: updated.id });
  const dto = toStaffMemberDto(updated);
  ctx.broadcaster.toStaff({ type: 'staff.updated', payload: { staff: dto } });
  return dto;
}
