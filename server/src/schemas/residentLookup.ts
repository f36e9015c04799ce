// Finding and recording residents for the console's pickers (logging a contact, converting a
// conversation). Browser-safe (the console's forms import these).
import { z } from 'zod';
import { optionalText, requiredText } from './common.ts';

export const ZResidentSearchQuerySchema = z.object({
  q: z
    .string({ error: 'Type a name, postcode, phone number or tenancy reference to search for.' })
    .trim()
    .min(2, { error: 'Type at least 2 characters to search for a resident.' })
    .max(100, { error: 'Search with at most 100 characters.' }),
});
export type TResidentSearchQuery = z.infer<typeof ZResidentSearchQuerySchema>;

const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i;
// UK numbers as people write them: 07700 900123, +44 7700 900123, 0044 7700 900123.
const UK_PHONE = /^(?:\+44|0044|0)\s*\d(?:[\s-]*\d){8,9}$/;

export const ZCreateResidentSchema = z.object({
  fullName: requiredText('Full name', 200),
  preferredName: optionalText('Preferred name', 200),
  postcode: optionalText('Postcode', 12).refine((value) => value === undefined || UK_POSTCODE.test(value), {
    error: 'Enter a UK postcode, like ZZ1 1ZZ',
  }),
  tenancyReference: optionalText('Tenancy reference', 50),
  addressLine: optionalText('Address', 300),
  email: optionalText('Email', 320).refine((value) => value === undefined || z.email().safeParse(value).success, {
    error: 'Enter a valid email address, like name@example.org',
  }),
  phone: optionalText('Phone', 30).refine((value) => value === undefined || UK_PHONE.test(value), {
    error: 'Enter a UK phone number, like 07700 900123',
  }),
});
export type TCreateResident = z.infer<typeof ZCreateResidentSchema>;

/** A resident as pickers list them: enough to tell two people of the same name apart. */
export const ZResidentSummarySchema = z.object({
  id: z.uuid(),
  fullName: z.string().nullable(),
  preferredName: z.string().nullable(),
  postcode: z.string().nullable(),
  tenancyReference: z.string().nullable(),
  addressLine: z.string().nullable(),
  /** SMS and WhatsApp numbers on record (E.164). */
  phones: z.array(z.string()),
});
export type TResidentSummary = z.infer<typeof ZResidentSummarySchema>;
