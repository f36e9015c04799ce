// Saves the letter template, version-checked and audited. Letters issued from then on use it;
// letters already issued keep the words they were sent with.
import type { ServerContext } from '../context.ts';
import type { Prisma } from '@complaints/db';
import type { TLetterTemplate, TLetterTemplateSettings } from '../schemas/settings.ts';
import { getLetterTemplate } from './getLetterTemplate.ts';
import { writeSetting } from './writeSetting.ts';

export async function updateLetterTemplate(
  ctx: ServerContext,
  options: { template: TLetterTemplate; version: number; actorId: string },
): Promise<TLetterTemplateSettings> {
  const now = ctx.now();
  // Through JSON: the parsed template leaves blank fields undefined, which a JSON column drops.
  const value = JSON.parse(JSON.stringify(options.template)) as Prisma.InputJsonValue;
  await ctx.prisma.$transaction((tx) => writeSetting(tx, { name: 'letterTemplate', value, version: options.version, actorId: options.actorId, now }));
  const settings = await getLetterTemplate(ctx);
  ctx.broadcaster.toStaff({ type: 'settings.letters_updated', payload: { version: settings.version } });
  return settings;
}
