// 3.6: the resident's consent for a representative to act for them - given (how, the evidence,
// when), refused, withdrawn, or still to be verified. Every change is audited with who recorded it.
import type { ServerContext } from '../context.ts';
import { civilDateInLondon, civilDateToDbDate, consentProblem } from '../domain/index.ts';
import type { TRecordConsent, TResidentPanel } from '../schemas/index.ts';
import { changeRepresentative } from './representativeChange.ts';
import { assertNoProblem, publishResidentPanel } from './residentChanges.ts';

export async function recordRepresentativeConsent(
  ctx: ServerContext,
  options: TRecordConsent & { residentId: string; representativeId: string; actorId: string },
): Promise<TResidentPanel> {
  const at = ctx.now();
  const evidence = options.evidence ?? null;
  const givenOn = options.givenOn ?? null;
  assertNoProblem(consentProblem({ status: options.status, method: options.method, evidence, givenOn }, civilDateInLondon(at)));
  const data = {
    consentStatus: options.status,
    consentMethod: options.method,
    consentEvidence: evidence,
    consentGivenAt: givenOn ? civilDateToDbDate(givenOn) : null,
    consentRecordedById: options.actorId,
  };
  await ctx.prisma.$transaction((tx) => changeRepresentative(tx, { ...options, action: 'representative.consent_recorded', data, at }));
  return publishResidentPanel(ctx, options.residentId);
}
