// The retention rule (UK GDPR storage limitation): a resident's personal data is anonymised once
// every complaint of theirs finished (closed, or refused) more than the retention period ago.
// While any complaint is open, or finished within the period, everything is kept.
//
// "N months before" keeps the day of the month and the time of day; a day the earlier month does
// not have (31 March minus 1 month, 29 February minus 12) becomes that month's last day, as
// people count months. Date's own month arithmetic would roll over into the next month instead
// (31 March minus 1 month = 3 March), which would anonymise some residents days early.
export function retentionCutoff(now: Date, months: number): Date {
  const monthIndex = now.getUTCFullYear() * 12 + now.getUTCMonth() - months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(year, month, Math.min(now.getUTCDate(), lastDay));
  return cutoff;
}
