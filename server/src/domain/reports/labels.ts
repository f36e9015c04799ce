// How the reports write money and proportions. Browser-safe (the console's dashboard uses these).
/** 4250 → "£42.50"; 500000 → "£5,000.00". */
export function formatPounds(pence: number): string {
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** 60 → "60.0%"; null → "–" (nothing to divide by). */
export function formatPercent(value: number | null): string {
  return value === null ? '–' : `${value.toFixed(1)}%`;
}
