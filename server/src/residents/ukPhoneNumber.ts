// Phone numbers as staff type them ("07700 900123", "+44 7700 900123", "0044 7700 900123",
// "(07700) 900-123") become the E.164 form channel identities are stored in (+447700900123).
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

const PHONE_CHARACTERS = /^[\d\s()+.-]+$/;

/** The digits typed, when the text looks like (part of) a phone number; otherwise null. */
export function phoneDigits(text: string): string | null {
  if (!PHONE_CHARACTERS.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  return digits.length > 0 ? digits : null;
}

/** E.164 for a whole number, read as a UK number unless it starts with + or 00; null otherwise. */
export function toE164(text: string): string | null {
  const digits = phoneDigits(text);
  if (!digits || digits.length < 10) return null;
  const parsed = parsePhoneNumberFromString(text.trim().replace(/^00/, '+'), 'GB');
  return parsed?.isPossible() ? parsed.number : null;
}
