// How the reports write money and proportions. Browser-safe (the console's dashboard uses these).
/** 4250 → "£42.50"; 500000 → "£5,000.00". */
export function formatPounds(pence: number): string {
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** 60 → "60.0%"; null → "–" (nothing to divide by). */
export function formatPercent(value: number | null): string {
  return value === null ? '–' : `${value.toFixed(1)}%`;
}

/** A rise or fall: 3 → "+3"; -2 → "−2" (a minus sign); 0 → "0"; 5 with 1 place → "+5.0"; null → "–". */
export function formatChange(value: number | null, places = 0): string {
  if (value === null) return '–';
  if (value === 0) return (0).toFixed(places);
  const size = Math.abs(value).toLocaleString('en-GB', { minimumFractionDigits: places, maximumFractionDigits: places });
  return `${value > 0 ? '+' : '\u2212'}${size}`;
}
