// What the complaints received in the period were about and how they reached the landlord
// (9.4, 9.7: themes and trends). "Received" here is every complaint that came in during the
// period, including any later refused, so the mix describes all contacts; CH01 (ch01.ts) is
// the regulator's count of complaints accepted at each stage.
import { REPORT_CHANNELS, type ReportCase, type ReportChannel } from './reportCase.ts';
import { receivedAtStage } from './ch01.ts';
import { inPeriod, monthKey, monthsOf, type DateRange, type MonthBucket } from './period.ts';
import { percentOf } from './timeliness.ts';

/** Cases closed without a category cannot exist (9.1); open ones have none yet. */
export const UNCATEGORISED = 'Not yet categorised';

export interface CategoryFigures {
  category: string;
  received: number;
  /** One count per month of the period, in the order of `months`. */
  byMonth: number[];
}

export interface Breakdowns {
  received: number;
  months: MonthBucket[];
  /** CH01's counts month by month. */
  receivedByMonth: { stage1: number[]; stage2: number[] };
  /** Most received first (ties alphabetical); "Not yet categorised" last. */
  categories: CategoryFigures[];
  channels: Record<ReportChannel, number>;
  representatives: { count: number; percent: number | null };
}

export function breakdowns(cases: readonly ReportCase[], period: DateRange): Breakdowns {
  const months = monthsOf(period);
  const position = new Map(months.map((m, i) => [m.key, i]));
  const zeros = () => months.map(() => 0);
  const channels = Object.fromEntries(REPORT_CHANNELS.map((ch) => [ch, 0])) as Record<ReportChannel, number>;
  const categories = new Map<string, CategoryFigures>();
  const receivedByMonth = { stage1: zeros(), stage2: zeros() };
  let received = 0;
  let represented = 0;
  for (const c of cases) {
    if (receivedAtStage(c, 'stage_1', period)) (receivedByMonth.stage1[position.get(monthKey(c.stage1.startedOn)) as number] as number) += 1;
    if (c.stage2 && receivedAtStage(c, 'stage_2', period)) (receivedByMonth.stage2[position.get(monthKey(c.stage2.startedOn)) as number] as number) += 1;
    if (!inPeriod(c.receivedOn, period)) continue;
    received += 1;
    channels[c.channel] += 1;
    if (c.hasRepresentative) represented += 1;
    const name = c.category ?? UNCATEGORISED;
    let figures = categories.get(name);
    if (!figures) {
      figures = { category: name, received: 0, byMonth: zeros() };
      categories.set(name, figures);
    }
    figures.received += 1;
    (figures.byMonth[position.get(monthKey(c.receivedOn)) as number] as number) += 1;
  }
  const sorted = [...categories.values()].sort(
    (a, b) =>
      Number(a.category === UNCATEGORISED) - Number(b.category === UNCATEGORISED) || b.received - a.received || a.category.localeCompare(b.category),
  );
  return {
    received,
    months,
    receivedByMonth,
    categories: sorted,
    channels,
    representatives: { count: represented, percent: percentOf(represented, received) },
  };
}
