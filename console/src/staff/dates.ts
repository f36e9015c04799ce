// Dates as the console shows them, always on a London calendar. Civil dates ('2026-11-03', the
// Code's deadlines and review dates) have no time zone: they are shown as written.
const civil = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const instant = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });
const instantWithTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

/** '2026-11-03' → '3 Nov 2026'. */
export function formatCivilDate(date: string): string {
  return civil.format(new Date(`${date}T00:00:00Z`));
}

/** An ISO instant → '3 Nov 2026' (London). */
export function formatDate(iso: string): string {
  return instant.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return instantWithTime.format(new Date(iso));
}
