// The complaints performance report (8.1, 9.7): every figure of the dashboard and the annual
// report, computed from plain case records for one period, and the headline figures of the
// period before it for the trend (the records must cover that period too: reportDataFrom).
// No I/O; `today` is passed in.
import { addCalendarDays } from '../civilDate.ts';
import type { CivilDate } from '../civilDate.ts';
import type { WorkingCalendar } from '../workingDays.ts';
import { adjustments, type AdjustmentFigures } from './adjustments.ts';
import { analyseCase, type AnalysedCase } from './analysedCase.ts';
import { breakdowns, type Breakdowns } from './breakdowns.ts';
import { ch01, type Ch01 } from './ch01.ts';
import { ch02, type Ch02 } from './ch02.ts';
import { comparePeriods, type PeriodComparison } from './comparison.ts';
import { extensionsUsed, type ExtensionsReport } from './extensions.ts';
import { acknowledgements, responseTimes, type AcknowledgementFigures, type PerStage, type ResponseFigures } from './handlingTimes.ts';
import { learningByCategory, type LearningGroup } from './learning.ts';
import { openAt, type OpenFigures } from './openCases.ts';
import { outcomes, remedies, type DecisionCounts, type RemedyFigures } from './outcomes.ts';
import { previousPeriod, type DateRange, type ReportPeriod } from './period.ts';
import { refusals, type RefusalFigures } from './refusals.ts';
import type { ReportData } from './reportCase.ts';
import { createWorkingDayIndex } from './workingDayIndex.ts';

export interface ReportOptions {
  period: ReportPeriod;
  /** London date the report is produced on. */
  today: CivilDate;
  /** Number of homes (a setting); null until set. */
  homes: number | null;
  calendar: WorkingCalendar;
}

export interface PerformanceReport {
  period: ReportPeriod;
  generatedOn: CivilDate;
  /** The end of the period, or today while the period is still running. */
  asOf: CivilDate;
  ch01: Ch01;
  ch02: Ch02;
  acknowledgements: PerStage<AcknowledgementFigures>;
  responses: PerStage<ResponseFigures>;
  extensions: ExtensionsReport;
  outcomes: PerStage<DecisionCounts>;
  remedies: RemedyFigures;
  refusals: RefusalFigures;
  breakdowns: Breakdowns;
  adjustments: AdjustmentFigures;
  openAtEnd: PerStage<OpenFigures>;
  learning: LearningGroup[];
  /** The same volumes, timeliness and categories for the period before (trends, 9.7). */
  comparison: PeriodComparison;
}

/** Working days are tabulated from the earliest case to well past the latest date in play. */
const INDEX_MARGIN_DAYS = 400;

export function analyseCases(data: ReportData, options: ReportOptions): AnalysedCase[] {
  let earliest = options.period.from;
  for (const c of data.cases) if (c.stage1.startedOn < earliest) earliest = c.stage1.startedOn;
  const latest = options.period.to > options.today ? options.period.to : options.today;
  const index = createWorkingDayIndex(options.calendar, { from: earliest, to: addCalendarDays(latest, INDEX_MARGIN_DAYS) });
  return data.cases.map((c) => analyseCase(c, index));
}

/** The first day the report's records must cover: the start of the period it is compared with. */
export function reportDataFrom(period: DateRange): CivilDate {
  return previousPeriod(period).from;
}

export function reportAsOf(options: Pick<ReportOptions, 'period' | 'today'>): CivilDate {
  return options.period.to < options.today ? options.period.to : options.today;
}

export function buildPerformanceReport(data: ReportData, options: ReportOptions): PerformanceReport {
  const { period } = options;
  const analysed = analyseCases(data, options);
  const asOf = reportAsOf(options);
  const breakdownsNow = breakdowns(data.cases, period);
  return {
    period,
    generatedOn: options.today,
    asOf,
    ch01: ch01(data.cases, period, options.homes),
    ch02: ch02(analysed, period),
    acknowledgements: acknowledgements(analysed, period),
    responses: responseTimes(analysed, period),
    extensions: extensionsUsed(analysed, period),
    outcomes: outcomes(data.cases, period),
    remedies: remedies(data.cases, period),
    refusals: refusals(data.cases, period),
    breakdowns: breakdownsNow,
    adjustments: adjustments(data.adjustments, asOf),
    openAtEnd: openAt(analysed, asOf),
    learning: learningByCategory(data.learningNotes, period, data.learningTotals),
    comparison: comparePeriods(data.cases, analysed, breakdownsNow.categories, previousPeriod(period), options.homes),
  };
}
