// Who the console may offer in a picker. The server excludes whom the Code excludes (6.13: the
// stage 2 handler is never the stage 1 handler); the engine still refuses anyone forced past it.
import type { Prisma } from '@complaints/db';
import type { ServerContext } from '../context.ts';
import type { TAssignee, TAssigneesQuery } from '../schemas/index.ts';
import { eligibleHandlersWhere } from './handlerEligibility.ts';
import { loadCaseRow } from './loadCaseSnapshot.ts';

export async function listAssignees(ctx: ServerContext, options: { complaintId: string } & TAssigneesQuery): Promise<TAssignee[]> {
  const row = await loadCaseRow(ctx.prisma, options.complaintId);
  const stage1Handler = row.stages.find((s) => s.stage === 'stage_1')?.handlerId ?? null;
  let where: Prisma.StaffUserWhereInput;
  if (options.for === 'owner') {
    // Remedies and outstanding actions may be owned by anyone active (a repairs manager, finance).
    where = { active: true };
  } else {
    const stage = options.for === 'escalation' ? 'stage_2' : row.stage;
    where = { ...eligibleHandlersWhere(stage), ...(stage === 'stage_2' && stage1Handler ? { id: { not: stage1Handler } } : {}) };
  }
  const staff = await ctx.prisma.staffUser.findMany({
    where,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, roles: { select: { role: true } } },
  });
  return staff.map((s) => ({ id: s.id, name: s.name, roles: s.roles.map((r) => r.role).sort() }));
}
