// 5.14-5.15: a restriction on how the landlord is contacted, decided by a complaints officer or
// admin, evidenced, with its reason and a review date. It limits how contact happens, never the
// right to complain (the console says so wherever a restriction is shown).
import type { ServerContext } from '../context.ts';
import { civilDateInLondon, civilDateToDbDate, restrictionDatesProblem } from '../domain/index.ts';
import type { TCreateRestriction, TResidentPanel } from '../schemas/index.ts';
import { restrictionDto } from './residentPanelDto.ts';
import { assertNoProblem, assertResidentExists, auditResidentChange, publishResidentPanel } from './residentChanges.ts';

export async function addContactRestriction(ctx: ServerContext, options: TCreateRestriction & { residentId: string; actorId: string }): Promise<TResidentPanel> {
  const now = ctx.now();
  const today = civilDateInLondon(now);
  const startsOn = options.startsOn ?? today;
  assertNoProblem(restrictionDatesProblem(startsOn, options.reviewOn, today));
  await ctx.prisma.$transaction(async (tx) => {
    await assertResidentExists(tx, options.residentId);
    const created = await tx.contactRestriction.create({
      data: {
        residentId: options.residentId,
        scope: options.scope,
        reason: options.reason,
        evidence: options.evidence,
        startsOn: civilDateToDbDate(startsOn),
        reviewOn: civilDateToDbDate(options.reviewOn),
        decidedById: options.actorId,
      },
    });
    await auditResidentChange(tx, {
      actorId: options.actorId,
      residentId: options.residentId,
      action: 'contact_restriction.added',
      entityType: 'ContactRestriction',
      entityId: created.id,
      after: restrictionDto(created, today),
      at: now,
    });
  });
  return publishResidentPanel(ctx, options.residentId);
}
