// Building blocks shared by the command schemas. Browser-safe: the console imports these too,
// so nothing here may reach Node-only modules.
import { z } from 'zod';
import { isCivilDate } from '../domain/civilDate.ts';
import type { CivilDate } from '../domain/civilDate.ts';

/** Trimmed text that must not be empty. */
export function requiredText(label: string, max = 10_000) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be text`) })
    .trim()
    .min(1, { error: `${label} cannot be empty` })
    .max(max, { error: `${label} must be at most ${max} characters` });
}

/** Optional text: blank becomes undefined so "no good reason" is never an empty string. */
export function optionalText(label: string, max = 10_000) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters` })
    .optional()
    .nullable()
    .transform((value) => (value ? value : undefined));
}

export const ZCivilDateSchema = z
  .string({ error: 'Enter a date as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Enter a date as YYYY-MM-DD' })
  .refine(isCivilDate, { error: 'That date does not exist' })
  .transform((value) => value as CivilDate);

export function idSchema(label: string) {
  return z.uuid({ error: `${label} must be a valid id` });
}

/** Optimistic concurrency: the version of the complaint the user was looking at. */
export const ZVersionSchema = z
  .number({ error: 'version is required (the version of the complaint you are changing)' })
  .int({ error: 'version must be a whole number' })
  .positive({ error: 'version must be 1 or more' });

/** An ISO 8601 instant with an offset (e.g. 2026-04-02T09:30:00Z), read as a Date. */
export const ZInstantSchema = z.iso
  .datetime({ offset: true, error: 'Enter a date and time in ISO 8601 format, e.g. 2026-04-02T09:30:00Z' })
  .transform((value) => new Date(value));
