// The letter template as the letters screen shows it: what is saved, and what letters use for
// each blank field (the configuration), so nobody has to guess what "blank" means.
import type { ServerContext } from '../context.ts';
import type { TLetterTemplate, TLetterTemplateSettings } from '../schemas/settings.ts';
import { readLetterTemplate, readSetting } from './settingKeys.ts';

export async function getLetterTemplate(ctx: Pick<ServerContext, 'prisma' | 'config'>): Promise<TLetterTemplateSettings> {
  const stored = await readSetting(ctx.prisma, 'letterTemplate');
  const landlord = ctx.config.letters.landlord;
  return {
    value: (await readLetterTemplate(ctx.prisma)) as TLetterTemplate,
    version: stored.version,
    updatedAt: stored.updatedAt?.toISOString() ?? null,
    configured: {
      landlordName: landlord.name,
      complaintsTeam: landlord.complaintsTeam ?? null,
      phone: landlord.phone ?? null,
      email: landlord.email ?? null,
      website: landlord.website ?? null,
      address: [...(landlord.address ?? [])],
    },
  };
}
