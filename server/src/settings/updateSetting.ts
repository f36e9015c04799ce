// Changes one numeric landlord setting (homes, retention), version-checked and audited.
import type { ServerContext } from '../context.ts';
import type { TLandlordSettings } from '../schemas/settings.ts';
import { getLandlordSettings } from './getLandlordSettings.ts';
import type { SettingName } from './settingKeys.ts';
import { writeSetting } from './writeSetting.ts';

export interface UpdateSettingOptions {
  name: Extract<SettingName, 'homes' | 'retentionMonths'>;
  value: number;
  /** The version the person was looking at; 0 if the setting had never been set. */
  version: number;
  actorId: string;
}

export async function updateSetting(ctx: ServerContext, options: UpdateSettingOptions): Promise<TLandlordSettings> {
  const now = ctx.now();
  await ctx.prisma.$transaction((tx) => writeSetting(tx, { ...options, now }));
  const settings = await getLandlordSettings(ctx);
  ctx.broadcaster.toStaff({ type: 'settings.updated', payload: { settings } });
  return settings;
}
