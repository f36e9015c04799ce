// Report period queries and the report DTOs. Browser-safe: the console's dashboard imports these.
import { z } from 'zod';
import { calendarDaysBetween } from '../domain/civilDate.ts';
import { MAX_PERIOD_DAYS, PERIOD_PRESETS } from '../domain/reports/period.ts';
import { ZCivilDateSchema } from './common.ts';

export type { PerformanceReport as TPerformanceReport } from '../domain/reports/performanceReport.ts';
export type { PeriodPreset as TPeriodPreset } from '../domain/reports/period.ts';
export { PERIOD_PRESETS } from '../domain/reports/period.ts';
export { formatChange, formatPercent, formatPounds } from '../domain/reports/labels.ts';
export { comparisonRows } from '../domain/reports/comparison.ts';
export { REFUSAL_REASON_REPORT_LABELS } from '../domain/reports/refusals.ts';
export { REPORT_CHANNELS } from '../domain/reports/reportCase.ts';
export { CASE_LIST_COLUMNS } from '../domain/reports/caseListCsv.ts';

/** ?period=this_quarter | last_quarter | this_year | last_year | custom&from=YYYY-MM-DD&to=YYYY-MM-DD */
export const ZReportQuerySchema = z
  .object({
    period: z.enum(PERIOD_PRESETS, { error: `period must be one of ${PERIOD_PRESETS.join(', ')}` }).default('this_quarter'),
    from: ZCivilDateSchema.optional(),
    to: ZCivilDateSchema.optional(),
  })
  .superRefine((query, ctx) => {
    if (query.period !== 'custom') {
      if (query.from || query.to) ctx.addIssue({ code: 'custom', path: ['period'], message: 'from and to are only used with period=custom' });
      return;
    }
    if (!query.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'A custom period needs a from date (YYYY-MM-DD)' });
    if (!query.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'A custom period needs a to date (YYYY-MM-DD)' });
    if (!query.from || !query.to) return;
    if (query.to < query.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `The period ends (${query.to}) before it starts (${query.from})` });
    else if (calendarDaysBetween(query.from, query.to) + 1 > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'A period can be at most five years long' });
  });

export type TReportQuery = z.infer<typeof ZReportQuerySchema>;
