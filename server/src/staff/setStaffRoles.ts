import type { StaffRole } from '@complaints/db';
import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { TStaffMember } from '../schemas/staff.ts';
import { assertAnotherActiveAdmin, claimVersion, lockAdministratorChanges, staffNotFound } from './adminGuards.ts';
import { staffMemberInclude, toStaffMemberDto } from './staffMemberDto.ts';

export interface SetStaffRolesOptions {
  staffId: string;
  roles: StaffRole[];
  /** The account's version the administrator was looking at (optimistic concurrency). */
  version: number;
  actorId: string;
}

/** Replaces a person's roles. Their open sessions see the new roles on their next request. */
export async function setStaffRoles(ctx: ServerContext, options: SetStaffRolesOptions): Promise<TStaffMember> {
  const now = ctx.now();
  const updated = await ctx.prisma.$transaction(async (tx) => {
    await lockAdministratorChanges(tx);
    const before = await tx.staffUser.findUnique({ where: { id: options.staffId }, include: staffMemberInclude });
    if (!before) throw staffNotFound();
    await claimVersion(tx, before.id, options.version);
    const current = before.roles.map((grant) => grant.role);
    if (before.active && current.includes('admin') && !options.roles.includes('admin')) {
      const whose = before.id === options.actorId ? 'your own' : 'their';
      await assertAnotherActiveAdmin(tx, before.id, `You cannot remove ${whose} admin role: this is the last active administrator. Give someone else the admin role first.`);
    }
    // Role grants are rows (not an array column), so change only the ones that differ.
    for (const role of current.filter((role) => !options.roles.includes(role))) {
      await tx.staffRoleGrant.delete({ where: { staffUserId_role: { staffUserId: before.id, role } } });
    }
    for (const role of options.roles.filter((role) => !current.includes(role))) {
      await tx.staffRoleGrant.create({ data: { staffUserId: before.id, role, grantedAt: now } });
    }
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: options.actorId },
      action: 'staff.roles_changed',
      entityType: 'StaffUser',
      entityId: before.id,
      before: { roles: [...current].sort() },
      after: { roles: options.roles },
      at: now,
    });
    return tx.staffUser.findUniqueOrThrow({ where: { id: before.id }, include: staffMemberInclude });
  });
  const dto = toStaffMemberDto(updated);
  ctx.broadcaster.toStaff({ type: 'staff.updated', payload: { staff: dto } });
  return dto;
}
