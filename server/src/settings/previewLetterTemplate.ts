// A made-up letter of the chosen kind rendered with a draft template, exactly as a real letter
// would be (renderLetterRequest with the template applied), so what the administrator sees is
// what residents will get. Nothing is saved.
import type { ServerContext } from '../context.ts';
import { getWorkingCalendar } from '../calendar/workingCalendar.ts';
import { applyLetterTemplate, civilDateInLondon, renderLetterRequest, sampleLetterRequest } from '../domain/index.ts';
import type { LetterTemplate, TemplateLetterKind } from '../domain/index.ts';
import type { TLetterTemplatePreview } from '../schemas/settings.ts';

export async function previewLetterTemplate(
  ctx: ServerContext,
  options: { template: LetterTemplate; kind: TemplateLetterKind; actorId: string },
): Promise<TLetterTemplatePreview> {
  const issuedOn = civilDateInLondon(ctx.now());
  const calendar = await getWorkingCalendar(ctx.prisma);
  const signer = await ctx.prisma.staffUser.findUnique({ where: { id: options.actorId }, select: { name: true } });
  const templated = applyLetterTemplate(options.kind, ctx.config.letters, { issuedOn, recipientName: 'Sam Example', ...(signer ? { signedBy: signer.name } : {}) }, options.template);
  const rendered = renderLetterRequest(sampleLetterRequest(options.kind, issuedOn, calendar), templated.context, templated.options);
  return { kind: options.kind, subject: rendered.subject, html: rendered.html, text: rendered.text };
}
