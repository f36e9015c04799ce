// The retention rule (UK GDPR storage limitation): a resident's personal data is anonymised once
// every complaint of theirs finished (closed, or refused) more than the retention period ago.
// While any complaint is open, or finished within the period, everything is kept.
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}
