// The Setting rows this part of the product owns (key → JSON value).
import type { Prisma, PrismaClient } from '@complaints/db';
import { DEFAULT_RETENTION_MONTHS } from '../schemas/settings.ts';

export const SETTING_KEYS = {
  /** Number of homes the landlord owns or manages: the denominator of TSM CH01. */
  homes: 'reports.homes',
  /** Months after a resident's last complaint closes before their personal data is anonymised. */
  retentionMonths: 'dataProtection.retentionMonths',
} as const;

export type SettingName = keyof typeof SETTING_KEYS;

type Reader = Pick<PrismaClient | Prisma.TransactionClient, 'setting'>;

export interface StoredSetting {
  value: unknown;
  version: number;
  updatedAt: Date | null;
}

export async function readSetting(db: Reader, name: SettingName): Promise<StoredSetting> {
  const row = await db.setting.findUnique({ where: { key: SETTING_KEYS[name] } });
  return row ? { value: row.value, version: row.version, updatedAt: row.updatedAt } : { value: null, version: 0, updatedAt: null };
}

const wholeNumber = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null);

export async function readHomes(db: Reader): Promise<number | null> {
  return wholeNumber((await readSetting(db, 'homes')).value);
}

export async function readRetentionMonths(db: Reader): Promise<number> {
  return wholeNumber((await readSetting(db, 'retentionMonths')).value) ?? DEFAULT_RETENTION_MONTHS;
}
