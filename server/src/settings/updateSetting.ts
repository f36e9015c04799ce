// Changes one landlord setting, version-checked, with its audit row in the same transaction.
import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TLandlordSettings } from '../schemas/settings.ts';
import { getLandlordSettings } from './getLandlordSettings.ts';
import { readSetting, SETTING_KEYS, type SettingName } from './settingKeys.ts';

export interface UpdateSettingOptions {
  name: SettingName;
  value: number;
  /** The version the person was looking at; 0 if the setting had never been set. */
  version: number;
  actorId: string;
}

export async function updateSetting(ctx: ServerContext, options: UpdateSettingOptions): Promise<TLandlordSettings> {
  const key = SETTING_KEYS[options.name];
  const now = ctx.now();
  await ctx.prisma.$transaction(async (tx) => {
    const before = await readSetting(tx, options.name);
    const stale = () => new AppError(AppErrorCode.StaleVersion, 'This setting was changed by someone else since you opened it. Reload to see the current value.');
    if (before.version !== options.version) throw stale();
    if (before.version === 0) {
      // Two first saves race on the primary key; the loser gets the same 409 as a stale edit.
      const created = await tx.setting.createMany({ data: [{ key, value: options.value, updatedAt: now }], skipDuplicates: true });
      if (created.count !== 1) throw stale();
    } else {
      const updated = await tx.setting.updateMany({ where: { key, version: options.version }, data: { value: options.value, version: { increment: 1 }, updatedAt: now } });
      if (updated.count !== 1) throw stale();
    }
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: options.actorId },
      action: 'setting.changed',
      entityType: 'Setting',
      entityId: key,
      before: { value: before.value as number | null },
      after: { value: options.value },
      at: now,
    });
  });
  const settings = await getLandlordSettings(ctx);
  ctx.broadcaster.toStaff({ type: 'settings.updated', payload: { settings } });
  return settings;
}
