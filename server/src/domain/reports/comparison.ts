// 9.7 "reviews of issues and trends": the volumes (CH01), timeliness (CH02) and categories of
// the period beside the same figures for the period just before it (period.ts, previousPeriod),
// computed by the same functions over the previous period's records, so the two columns are
// like for like. The number of homes is today's setting for both (it is not kept by date).
import type { AnalysedCase } from './analysedCase.ts';
import { UNCATEGORISED, breakdowns, type CategoryFigures } from './breakdowns.ts';
import { ch01, type Ch01 } from './ch01.ts';
import { ch02, type Ch02 } from './ch02.ts';
import { formatChange, formatPercent } from './labels.ts';
import type { ComparedPeriod } from './period.ts';
import type { PerformanceReport } from './performanceReport.ts';
import type { ReportCase } from './reportCase.ts';
import { roundTo } from './timeliness.ts';

export interface CategoryTrend {
  category: string;
  /** Complaints received in the period. */
  received: number;
  /** In the previous period. */
  previous: number;
  /** received − previous. */
  change: number;
}

export interface PeriodComparison {
  previous: ComparedPeriod;
  /** The previous period's CH01 and CH02, to set beside the report's own. */
  ch01: Ch01;
  ch02: Ch02;
  /** Every category received in either period: most received now first, then most before, then by name; "Not yet categorised" last. */
  categories: CategoryTrend[];
}

export function categoryTrends(current: readonly CategoryFigures[], previous: readonly CategoryFigures[]): CategoryTrend[] {
  const trends = new Map<string, CategoryTrend>();
  const entry = (category: string) => {
    let trend = trends.get(category);
    if (!trend) trends.set(category, (trend = { category, received: 0, previous: 0, change: 0 }));
    return trend;
  };
  for (const c of current) entry(c.category).received = c.received;
  for (const c of previous) entry(c.category).previous = c.received;
  for (const t of trends.values()) t.change = t.received - t.previous;
  return [...trends.values()].sort(
    (a, b) =>
      Number(a.category === UNCATEGORISED) - Number(b.category === UNCATEGORISED) ||
      b.received - a.received ||
      b.previous - a.previous ||
      a.category.localeCompare(b.category),
  );
}

export function comparePeriods(
  cases: readonly ReportCase[],
  analysed: readonly AnalysedCase[],
  current: readonly CategoryFigures[],
  previous: ComparedPeriod,
  homes: number | null,
): PeriodComparison {
  return {
    previous,
    ch01: ch01(cases, previous, homes),
    ch02: ch02(analysed, previous),
    categories: categoryTrends(current, breakdowns(cases, previous).categories),
  };
}

/** Now minus before, or null when either is missing (no responses to take a share of). */
export function changeIn(now: number | null, before: number | null, places = 1): number | null {
  return now === null || before === null ? null : roundTo(now - before, places);
}

const oneDecimal = (value: number | null) => (value === null ? '–' : value.toFixed(1));
const whole = (value: number) => value.toLocaleString('en-GB');

/**
 * CH01 and CH02 beside the previous period's, as the rows the annual report and the dashboard
 * print (measure, this period, previous period, change): one wording for both.
 */
export function comparisonRows(r: Pick<PerformanceReport, 'ch01' | 'ch02' | 'comparison'>): [string, string, string, string][] {
  const c = r.comparison;
  const counts = (label: string, now: number, before: number): [string, string, string, string] => [label, whole(now), whole(before), formatChange(now - before)];
  const rates = (label: string, now: number | null, before: number | null): [string, string, string, string] => [label, oneDecimal(now), oneDecimal(before), formatChange(changeIn(now, before), 1)];
  const shares = (label: string, now: number | null, before: number | null): [string, string, string, string] => {
    const change = changeIn(now, before);
    return [label, formatPercent(now), formatPercent(before), change === null ? '–' : `${formatChange(change, 1)} points`];
  };
  return [
    counts('CH01: stage 1 complaints received', r.ch01.stage1.received, c.ch01.stage1.received),
    counts('CH01: stage 2 complaints received', r.ch01.stage2.received, c.ch01.stage2.received),
    ...(r.ch01.homes
      ? [
          rates('CH01: stage 1 per 1,000 homes', r.ch01.stage1.perThousandHomes, c.ch01.stage1.perThousandHomes),
          rates('CH01: stage 2 per 1,000 homes', r.ch01.stage2.perThousandHomes, c.ch01.stage2.perThousandHomes),
        ]
      : []),
    shares('CH02: stage 1 within Code timescales', r.ch02.stage1.percent, c.ch02.stage1.percent),
    shares('CH02: stage 2 within Code timescales', r.ch02.stage2.percent, c.ch02.stage2.percent),
  ];
}
