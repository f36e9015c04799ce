// The Setting rows this part of the product owns (key → JSON value).
import type { Prisma, PrismaClient } from '@complaints/db';
import { EMPTY_LETTER_TEMPLATE, type LetterTemplate } from '../domain/index.ts';
import { DEFAULT_RETENTION_MONTHS, ZLetterTemplateSchema } from '../schemas/settings.ts';

export const SETTING_KEYS = {
  /** Number of homes the landlord owns or manages: the denominator of TSM CH01. */
  homes: 'reports.homes',
  /** Months after a resident's last complaint closes before their personal data is anonymised. */
  retentionMonths: 'dataProtection.retentionMonths',
  /** The letter template: complaints team contact, signature, opening paragraphs (domain/letters/template.ts). */
  letterTemplate: 'letters.template',
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

/** The saved letter template; none saved (or one this version cannot read) leaves letters as configured. */
export async function readLetterTemplate(db: Reader): Promise<LetterTemplate> {
  const parsed = ZLetterTemplateSchema.safeParse((await readSetting(db, 'letterTemplate')).value);
  return parsed.success ? (parsed.data as LetterTemplate) : EMPTY_LETTER_TEMPLATE;
}
