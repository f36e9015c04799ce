// Landlord settings the reports and the retention rule read. Browser-safe (the console's
// settings screen imports these).
import { z } from 'zod';

/** Beyond this a typing slip is more likely than a landlord that size. */
export const MAX_HOMES = 2_000_000;
/** Retention after a resident's last complaint closes: 1 to 50 years, in months. */
export const MIN_RETENTION_MONTHS = 12;
export const MAX_RETENTION_MONTHS = 600;
/** Six years: the usual limitation period for a claim, a common retention choice. */
export const DEFAULT_RETENTION_MONTHS = 72;

/** The version of the setting you read; 0 when it had never been set. */
const settingVersion = z
  .number({ error: 'version is required (the version of the setting you are changing; 0 if it was never set)' })
  .int({ error: 'version must be a whole number' })
  .min(0, { error: 'version must be 0 or more' });

export const ZHomesSettingSchema = z.object({
  homes: z
    .number({ error: 'Enter the number of homes as a number' })
    .int({ error: 'The number of homes must be a whole number' })
    .min(1, { error: 'The number of homes must be at least 1' })
    .max(MAX_HOMES, { error: `The number of homes must be at most ${MAX_HOMES.toLocaleString('en-GB')}` }),
  version: settingVersion,
});

export const ZRetentionSettingSchema = z.object({
  months: z
    .number({ error: 'Enter the retention period in months' })
    .int({ error: 'The retention period must be a whole number of months' })
    .min(MIN_RETENTION_MONTHS, { error: `The retention period must be at least ${MIN_RETENTION_MONTHS} months` })
    .max(MAX_RETENTION_MONTHS, { error: `The retention period must be at most ${MAX_RETENTION_MONTHS} months` }),
  version: settingVersion,
});

export type THomesSetting = z.infer<typeof ZHomesSettingSchema>;
export type TRetentionSetting = z.infer<typeof ZRetentionSettingSchema>;

export interface TSettingValue<T> {
  value: T;
  version: number;
  /** null when the value is the default because it was never set. */
  updatedAt: string | null;
}

export interface TLandlordSettings {
  homes: TSettingValue<number | null>;
  retentionMonths: TSettingValue<number>;
}
