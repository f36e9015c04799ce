import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { TStaffMember } from '../schemas/staff.ts';
import { staffNotFound } from './adminGuards.ts';
import { staffMemberInclude, toStaffMemberDto } from './staffMemberDto.ts';

export interface ReactivateStaffOptions {
  staffId: string;
  actorId: string;
}

/** Lets a deactivated person sign in again with their existing password and roles. */
export async function reactivateStaff(ctx: ServerContext, options: ReactivateStaffOptions): Promise<TStaffMember> {
  const now = ctx.now();
  const updated = await ctx.prisma.$transaction(async (tx) => {
    const before = await tx.staffUser.findUnique({ where: { id: options.staffId }, include: staffMemberInclude });
    if (!before) throw staffNotFound();
    if (before.active) return before;
    const after = await tx.staffUser.update({ where: { id: before.id }, data: { active: true, version: { increment: 1 } }, include: staffMemberInclude });
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: options.actorId },
      action: 'staff.reactivated',
      entityType: 'StaffUser',
      entityId: before.id,
      before: { active: false },
      after: { active: true },
      at: now,
    });
    return after;
  });
  const dto = toStaffMemberDto(updated);
  ctx.broadcaster.toStaff({ type: 'staff.updated', payload: { staff: dto } });
  return dto;
}
