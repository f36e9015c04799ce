// 3.6: the resident's consent for a representative to act for them - given (how, the evidence,
// when), refused, withdrawn, or still to be verified. Every change is audited with who recorded it.
import type { ServerContext } from '../context.ts';
import { civilDateInLondon, civilDateToDbDate, consentProblem } from '../domain/index.ts';
import type { TRecordConsent, TResidentPanel } from '../schemas/index.ts';
import { representativeDto } from './residentPanelDto.ts';
import { assertNoProblem, auditResidentChange, notFound, publishResidentPanel, staleRecordError } from './residentChanges.ts';

export async function recordRepresentativeConsent(
  ctx: ServerContext,
  options: TRecordConsent & { residentId: string; representativeId: string; actorId: string },
): Promise<TResidentPanel> {
  const now = ctx.now();
  const evidence = options.evidence ?? null;
  const givenOn = options.givenOn ?? null;
  assertNoProblem(consentProblem({ status: options.status, method: options.method, evidence, givenOn }, civilDateInLondon(now)));
  await ctx.prisma.$transaction(async (tx) => {
    const before = await tx.representative.findUnique({ where: { id: options.representativeId } });
    if (before?.residentId !== options.residentId) throw notFound('representative');
    const { count } = await tx.representative.updateMany({
      where: { id: before.id, version: options.version },
      data: {
        consentStatus: options.status,
        consentMethod: options.method,
        consentEvidence: evidence,
        consentGivenAt: givenOn ? civilDateToDbDate(givenOn) : null,
        consentRecordedById: options.actorId,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw await staleRecordError(tx, 'Representative', before.id, 'representative');
    const after = await tx.representative.findUniqueOrThrow({ where: { id: before.id } });
    await auditResidentChange(tx, {
      actorId: options.actorId,
      residentId: options.residentId,
      action: 'representative.consent_recorded',
      entityType: 'Representative',
      entityId: before.id,
      before: representativeDto(before),
      after: representativeDto(after),
      at: now,
    });
  });
  return publishResidentPanel(ctx, options.residentId);
}
