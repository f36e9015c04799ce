// The case list's one search box: a reference (or part), a resident's name (or part), or a phone
// number - whole in any UK format (matched exactly on the E.164 the channels store) or its last
// digits. Each reading applies only when the text could be one, so "Smith" never scans phone
// numbers and "07700 900123" never scans names. Each reading is an indexed lookup (trigram
// indexes for the parts, see the case_list migration).
import { Prisma } from '@complaints/db';
import { phoneDigits, toE164 } from '../residents/ukPhoneNumber.ts';

/** Shortest part of a phone number searched for (fewer digits would match most numbers). */
const MIN_PHONE_DIGITS = 4;

/** `%text%` for ILIKE, with the user's own % _ and \ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The search as a condition on the complaint `c`. */
export function caseSearchSql(q: string): Prisma.Sql {
  const readings: Prisma.Sql[] = [];
  if (/\d/.test(q)) readings.push(Prisma.sql`c.reference ILIKE ${containing(q)}`);
  if (/\p{L}/u.test(q)) {
    const name = containing(q);
    readings.push(Prisma.sql`c."residentId" IN (SELECT id FROM "Resident" WHERE "fullName" ILIKE ${name} OR "preferredName" ILIKE ${name})`);
  }
  const e164 = toE164(q);
  const digits = phoneDigits(q);
  const phone = e164
    ? Prisma.sql`address = ${e164}`
    : digits && digits.length >= MIN_PHONE_DIGITS
      ? Prisma.sql`address LIKE ${containing(digits)}`
      : null;
  if (phone) readings.push(Prisma.sql`c."residentId" IN (SELECT "residentId" FROM "ChannelIdentity" WHERE ${phone})`);
  // Punctuation alone ("--") can be none of them: it matches nothing rather than everything.
  if (readings.length === 0) return Prisma.sql`FALSE`;
  if (readings.length === 1) return readings[0] as Prisma.Sql;
  // Several readings: a UNION of indexed lookups, as an OR across tables would scan every complaint.
  return Prisma.sql`c.id IN (${Prisma.join(
    readings.map((reading) => Prisma.sql`SELECT c.id FROM "Complaint" c WHERE ${reading}`),
    ' UNION ',
  )})`;
}
