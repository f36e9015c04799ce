// How a search box entry is read for residents: one query matched against name, postcode, phone
// number and tenancy reference, each in the form that column is stored in.
import { toE164 } from './ukPhoneNumber.ts';

const FULL_POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$/i;
const POSTCODE_START = /^[A-Z]{1,2}\d/i;
const PHONE_LIKE = /^[+\d][\d\s()-]*$/;

export interface ResidentSearchTerms {
  /** Matched anywhere in the full or preferred name, ignoring case. */
  name: string;
  /** Postcodes are stored upper case with one space; a full postcode matches exactly, a start by prefix. */
  postcodePrefix: string | null;
  /** Tenancy references match by prefix, ignoring case. */
  tenancyReference: string;
  /** Digits as they appear in an E.164 number without the '+' (UK numbers from 0… become 44…). */
  phoneDigits: string | null;
}

export function residentSearchTerms(query: string): ResidentSearchTerms {
  const q = query.trim().replace(/\s+/g, ' ');
  const full = FULL_POSTCODE.exec(q);
  const postcodePrefix = full ? `${full[1]!.toUpperCase()} ${full[2]!.toUpperCase()}` : POSTCODE_START.test(q) && q.length <= 8 ? q.toUpperCase() : null;
  return { name: q, postcodePrefix, tenancyReference: q.replace(/\s/g, ''), phoneDigits: phoneDigits(q) };
}

function phoneDigits(q: string): string | null {
  if (!PHONE_LIKE.test(q)) return null;
  // A whole number in any format: exactly its stored E.164 digits.
  const whole = toE164(q);
  if (whole) return whole.slice(1);
  const digits = q.replace(/\D/g, '');
  if (digits.length < 6) return null;
  if (digits.startsWith('0044')) return digits.slice(2);
  if (digits.startsWith('0')) return `44${digits.slice(1)}`;
  return digits;
}
