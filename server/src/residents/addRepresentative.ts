// 3.6: someone acting for the resident. Agents record them during a live chat; consent is
// recorded with them when the resident gives it there and then, or later.
import type { ServerContext } from '../context.ts';
import { civilDateInLondon, civilDateToDbDate, consentProblem } from '../domain/index.ts';
import type { TCreateRepresentative, TResidentPanel } from '../schemas/index.ts';
import { representativeDto } from './residentPanelDto.ts';
import { assertNoProblem, assertResidentExists, auditResidentChange, publishResidentPanel } from './residentChanges.ts';

export async function addRepresentative(ctx: ServerContext, options: TCreateRepresentative & { residentId: string; actorId: string }): Promise<TResidentPanel> {
  const now = ctx.now();
  const consent = options.consent;
  if (consent) {
    assertNoProblem(consentProblem({ status: consent.status, method: consent.method, evidence: consent.evidence ?? null, givenOn: consent.givenOn ?? null }, civilDateInLondon(now)));
  }
  await ctx.prisma.$transaction(async (tx) => {
    await assertResidentExists(tx, options.residentId);
    const created = await tx.representative.create({
      data: {
        residentId: options.residentId,
        name: options.name,
        relationship: options.relationship,
        organisation: options.organisation ?? null,
        phone: options.phone ?? null,
        email: options.email ?? null,
        ...(consent
          ? {
              consentStatus: consent.status,
              consentMethod: consent.method,
              consentEvidence: consent.evidence ?? null,
              consentGivenAt: consent.givenOn ? civilDateToDbDate(consent.givenOn) : null,
              consentRecordedById: options.actorId,
            }
          : {}),
      },
    });
    await auditResidentChange(tx, {
      actorId: options.actorId,
      residentId: options.residentId,
      action: 'representative.added',
      entityType: 'Representative',
      entityId: created.id,
      after: representativeDto(created),
      at: now,
    });
  });
  return publishResidentPanel(ctx, options.residentId);
}
