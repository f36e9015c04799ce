// 5.10: a disability or vulnerability the resident chose to tell us about.
import type { ServerContext } from '../context.ts';
import { civilDateInLondon, civilDateToDbDate, nextReviewProblem } from '../domain/index.ts';
import type { TCreateDisclosure, TResidentPanel } from '../schemas/index.ts';
import { disclosureDto } from './residentPanelDto.ts';
import { assertNoProblem, assertResidentExists, auditResidentChange, publishResidentPanel } from './residentChanges.ts';

export async function addDisclosure(ctx: ServerContext, options: TCreateDisclosure & { residentId: string; actorId: string }): Promise<TResidentPanel> {
  const now = ctx.now();
  const today = civilDateInLondon(now);
  if (options.reviewOn) assertNoProblem(nextReviewProblem('5.10', options.reviewOn, today));
  await ctx.prisma.$transaction(async (tx) => {
    await assertResidentExists(tx, options.residentId);
    const created = await tx.disclosure.create({
      data: {
        residentId: options.residentId,
        kind: options.kind,
        description: options.description,
        source: options.source ?? null,
        disclosedAt: now,
        reviewOn: options.reviewOn ? civilDateToDbDate(options.reviewOn) : null,
      },
    });
    await auditResidentChange(tx, {
      actorId: options.actorId,
      residentId: options.residentId,
      action: 'disclosure.added',
      entityType: 'Disclosure',
      entityId: created.id,
      after: disclosureDto(created, today),
      at: now,
    });
  });
  return publishResidentPanel(ctx, options.residentId);
}
