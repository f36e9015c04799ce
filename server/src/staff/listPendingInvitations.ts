import type { ServerContext } from '../context.ts';
import type { TPendingInvitation } from '../schemas/staff.ts';

/** Invitations still waiting to be accepted, soonest to expire first (the first-run setup link is not one). */
export async function listPendingInvitations(ctx: ServerContext): Promise<TPendingInvitation[]> {
  const rows = await ctx.prisma.staffInvitation.findMany({
    where: { email: { not: null }, usedAt: null, expiresAt: { gt: ctx.now() } },
    orderBy: [{ expiresAt: 'asc' }, { id: 'asc' }],
    include: { invitedBy: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email as string,
    name: row.name,
    roles: row.roles,
    invitedBy: row.invitedBy?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  }));
}
