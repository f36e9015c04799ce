// Writes one landlord setting inside the caller's transaction: version-checked (0 when it was never
// set), with its audit row, so the change and its record land together (5.12).
import type { Prisma } from '@complaints/db';
import { recordAudit } from '../audit/recordAudit.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import { readSetting, SETTING_KEYS, type SettingName } from './settingKeys.ts';

export interface WriteSettingOptions {
  name: SettingName;
  value: Prisma.InputJsonValue;
  /** The version the person was looking at; 0 if the setting had never been set. */
  version: number;
  actorId: string;
  now: Date;
}

export async function writeSetting(tx: Prisma.TransactionClient, options: WriteSettingOptions): Promise<void> {
  const key = SETTING_KEYS[options.name];
  const before = await readSetting(tx, options.name);
  const stale = () => new AppError(AppErrorCode.StaleVersion, 'This setting was changed by someone else since you opened it. Reload to see the current value.');
  if (before.version !== options.version) throw stale();
  if (before.version === 0) {
    // Two first saves race on the primary key; the loser gets the same 409 as a stale edit.
    const created = await tx.setting.createMany({ data: [{ key, value: options.value, updatedAt: options.now }], skipDuplicates: true });
    if (created.count !== 1) throw stale();
  } else {
    const updated = await tx.setting.updateMany({ where: { key, version: options.version }, data: { value: options.value, version: { increment: 1 }, updatedAt: options.now } });
    if (updated.count !== 1) throw stale();
  }
  await recordAudit(tx, {
    actor: { type: 'staff', staffId: options.actorId },
    action: 'setting.changed',
    entityType: 'Setting',
    entityId: key,
    before: { value: (before.value ?? null) as Prisma.InputJsonValue },
    after: { value: options.value },
    at: options.now,
  });
}
