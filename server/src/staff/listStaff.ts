import type { ServerContext } from '../context.ts';
import type { TStaffMember } from '../schemas/staff.ts';
import { staffMemberInclude, toStaffMemberDto } from './staffMemberDto.ts';

/** Everyone with an account, active first, then by name. */
export async function listStaff(ctx: ServerContext): Promise<TStaffMember[]> {
  const rows = await ctx.prisma.staffUser.findMany({ include: staffMemberInclude, orderBy: [{ active: 'desc' }, { name: 'asc' }, { email: 'asc' }] });
  return rows.map(toStaffMemberDto);
}
