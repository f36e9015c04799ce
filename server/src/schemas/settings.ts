// Landlord settings the reports and the retention rule read. Browser-safe (the console's
// settings screen imports these).
import { z } from 'zod';
import { TEMPLATE_LETTER_KINDS } from '../domain/letters/template.ts';
import { optionalText } from './common.ts';

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

// ---------------------------------------------------------------------------
// The letter template (domain/letters/template.ts): the complaints team's contact, the signature
// and an opening paragraph per letter. Blank fields fall back to the configuration.
// ---------------------------------------------------------------------------

export { TEMPLATE_LETTER_KINDS };

/** How the settings screen names each kind of letter. */
export const TEMPLATE_LETTER_LABELS: Record<(typeof TEMPLATE_LETTER_KINDS)[number], string> = {
  acknowledgement: 'Acknowledgement',
  extension_notice: 'Extension notice',
  stage_1_response: 'Stage 1 response',
  final_response: 'Final response (stage 2)',
  refusal: 'Refusal',
};

export const ZLetterTemplateSchema = z.object({
  complaintsTeam: optionalText('The complaints team name', 120),
  phone: optionalText('The phone number', 40),
  email: optionalText('The email address', 200).pipe(z.email({ error: 'Enter a valid email address, or leave it blank' }).optional()),
  website: optionalText('The website', 200),
  address: z
    .array(z.string({ error: 'Each address line must be text' }).trim().max(100, { error: 'Each address line must be at most 100 characters' }), {
      error: 'The address must be a list of lines',
    })
    .max(8, { error: 'Use at most 8 address lines' })
    .optional()
    .transform((lines) => {
      const kept = lines?.filter((line) => line !== '');
      return kept?.length ? kept : undefined;
    }),
  signatoryName: optionalText('The name to sign with', 120),
  signatoryTitle: optionalText('The job title', 120),
  openings: z
    .object(
      Object.fromEntries(TEMPLATE_LETTER_KINDS.map((kind) => [kind, optionalText(`The ${TEMPLATE_LETTER_LABELS[kind].toLowerCase()} opening paragraph`, 2000)])) as Record<
        (typeof TEMPLATE_LETTER_KINDS)[number],
        ReturnType<typeof optionalText>
      >,
    )
    .partial()
    .optional()
    .transform((openings) => {
      const kept = Object.fromEntries(Object.entries(openings ?? {}).filter(([, text]) => text !== undefined));
      return Object.keys(kept).length ? (kept as Partial<Record<(typeof TEMPLATE_LETTER_KINDS)[number], string>>) : undefined;
    }),
});
export type TLetterTemplate = z.output<typeof ZLetterTemplateSchema>;
export type TLetterTemplateInput = z.input<typeof ZLetterTemplateSchema>;

export const ZUpdateLetterTemplateSchema = z.object({ template: ZLetterTemplateSchema, version: settingVersion });

export const ZLetterTemplatePreviewSchema = z.object({
  template: ZLetterTemplateSchema,
  kind: z.enum(TEMPLATE_LETTER_KINDS, { error: `Choose a letter: ${TEMPLATE_LETTER_KINDS.join(', ')}` }),
});

/** What the letters screen reads: the saved template and, for each blank field, what letters use instead. */
export interface TLetterTemplateSettings extends TSettingValue<TLetterTemplate> {
  configured: { landlordName: string; complaintsTeam: string | null; phone: string | null; email: string | null; website: string | null; address: string[] };
}

export interface TLetterTemplatePreview {
  kind: (typeof TEMPLATE_LETTER_KINDS)[number];
  subject: string;
  html: string;
  text: string;
}
