// Reads "when did it start?" answers such as "March 2025", "3 weeks ago", "last year" or
// "02/01/2025" as a civil date. 2.3: an issue over 12 months old is flagged for staff discretion,
// never refused.
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, eighteen: 18, few: 3, couple: 2 };

/** Today's date in Europe/London as UTC midnight. */
export function londonToday(now: Date): Date {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now)
    .split('-')
    .map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

export function parseWhenStarted(answer: string, now: Date): Date | null {
  const said = answer.toLowerCase();
  const today = londonToday(now);
  const over = /\b(over|more than|at least)\b/.test(said) ? 1 : 0;

  const ago = said.match(/\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|few|couple)\s+(?:of\s+)?(day|week|month|year)s?\b/);
  if (ago && /\bago\b|\bfor\b|\bover\b|\bmore than\b|\bsince\b/.test(said)) return shift(today, Number(ago[1]) || NUMBER_WORDS[ago[1]!] || 1, ago[2]!, over);
  if (/\byesterday\b/.test(said)) return shift(today, 1, 'day', 0);
  if (/\btoday\b|\bthis morning\b/.test(said)) return today;
  const last = said.match(/\blast (week|month|year)\b/);
  if (last) return shift(today, 1, last[1]!, over);

  const numeric = said.match(/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b/);
  if (numeric) {
    const year = Number(numeric[3]) < 100 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
    return valid(new Date(Date.UTC(year, Number(numeric[2]) - 1, Number(numeric[1]))), today);
  }
  const month = said.match(/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b(?:\s+(\d{4}))?/);
  if (month) {
    const m = MONTHS.indexOf(month[1]!);
    let year = month[2] ? Number(month[2]) : today.getUTCFullYear();
    if (!month[2] && m > today.getUTCMonth()) year -= 1;
    return valid(new Date(Date.UTC(year, m, 1)), today);
  }
  const year = said.match(/\b(19|20)\d{2}\b/);
  if (year) return valid(new Date(Date.UTC(Number(year[0]), 0, 1)), today);
  return null;
}

/** True when the issue started more than 12 months before the complaint was received. */
export function overTwelveMonths(startedOn: Date | null, receivedAt: Date): boolean {
  if (!startedOn) return false;
  const limit = londonToday(receivedAt);
  limit.setUTCFullYear(limit.getUTCFullYear() - 1);
  return startedOn.getTime() < limit.getTime();
}

function shift(today: Date, amount: number, unit: string, extraDays: number): Date {
  const d = new Date(today);
  if (unit === 'day') d.setUTCDate(d.getUTCDate() - amount);
  if (unit === 'week') d.setUTCDate(d.getUTCDate() - 7 * amount);
  if (unit === 'month') d.setUTCMonth(d.getUTCMonth() - amount);
  if (unit === 'year') d.setUTCFullYear(d.getUTCFullYear() - amount);
  d.setUTCDate(d.getUTCDate() - extraDays);
  return d;
}

function valid(d: Date, today: Date): Date | null {
  return Number.isNaN(d.getTime()) || d.getTime() > today.getTime() ? null : d;
}
