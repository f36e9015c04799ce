import type { ServerContext } from '../context.ts';
import { DEFAULT_RETENTION_MONTHS, type TLandlordSettings } from '../schemas/settings.ts';
import { readSetting } from './settingKeys.ts';

export async function getLandlordSettings(ctx: Pick<ServerContext, 'prisma'>): Promise<TLandlordSettings> {
  const [homes, retention] = await Promise.all([readSetting(ctx.prisma, 'homes'), readSetting(ctx.prisma, 'retentionMonths')]);
  return {
    homes: { value: typeof homes.value === 'number' ? homes.value : null, version: homes.version, updatedAt: homes.updatedAt?.toISOString() ?? null },
    retentionMonths: {
      value: typeof retention.value === 'number' ? retention.value : DEFAULT_RETENTION_MONTHS,
      version: retention.version,
      updatedAt: retention.updatedAt?.toISOString() ?? null,
    },
  };
}
