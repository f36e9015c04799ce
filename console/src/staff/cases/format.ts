// How the case view writes dates and times: civil dates (Code deadlines) as the calendar day they
// are, instants in London time, whatever the browser's own time zone.
const civil = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const instant = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** "2026-04-17" → "Friday 17 April 2026". */
export function formatCivilDate(day: string): string {
  return civil.format(new Date(`${day}T00:00:00Z`));
}

/** An ISO instant → "1 Apr 2026, 10:00" (London). */
export function formatInstant(iso: string): string {
  return instant.format(new Date(iso));
}

/** An ISO instant → "10:00" (London). */
export function formatTime(iso: string): string {
  return time.format(new Date(iso));
}

/** Today's date in London as YYYY-MM-DD (the default for a remedy done today). */
export function todayInLondon(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** "50" or "50.5" or "£50.00" → 5000 pence; undefined for blank; NaN for anything else. */
export function poundsToPence(value: string): number | undefined {
  const trimmed = value.trim().replace(/^£/, '');
  if (trimmed === '') return undefined;
  return /^\d+(\.\d{1,2})?$/.test(trimmed) ? Math.round(Number(trimmed) * 100) : Number.NaN;
}
