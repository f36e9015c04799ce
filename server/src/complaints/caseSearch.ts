// The case list's one search box: a reference (or part), a resident's name (or part), or a phone
// number - whole in any UK format (matched exactly on the E.164 the channels store) or its last
// digits. Each reading applies only when the text could be one, so "Smith" never scans phone
// numbers and "07700 900123" never scans names.
import type { Prisma } from '@complaints/db';
import { phoneDigits, toE164 } from '../residents/ukPhoneNumber.ts';

/** Shortest part of a phone number searched for (fewer digits would match most numbers). */
const MIN_PHONE_DIGITS = 4;

export function caseSearchWhere(q: string): Prisma.ComplaintWhereInput {
  const anyOf: Prisma.ComplaintWhereInput[] = [];
  const hasLetter = /\p{L}/u.test(q);
  if (/\d/.test(q)) anyOf.push({ reference: { contains: q, mode: 'insensitive' } });
  if (hasLetter) {
    anyOf.push({
      resident: { OR: [{ fullName: { contains: q, mode: 'insensitive' } }, { preferredName: { contains: q, mode: 'insensitive' } }] },
    });
  }
  const e164 = toE164(q);
  const digits = phoneDigits(q);
  if (e164) anyOf.push({ resident: { identities: { some: { address: e164 } } } });
  else if (digits && digits.length >= MIN_PHONE_DIGITS) anyOf.push({ resident: { identities: { some: { address: { contains: digits } } } } });
  // Punctuation alone ("--") can be nothing: match nothing rather than everything.
  return anyOf.length ? { OR: anyOf } : { id: { in: [] } };
}
