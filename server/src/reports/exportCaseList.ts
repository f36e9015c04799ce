import { analyseCases, caseListCsv, reportAsOf } from '../domain/index.ts';
import type { TReportQuery } from '../schemas/index.ts';
import { prepareReport, type ReportContext } from './reportRequest.ts';

/** The case list behind a period's figures, as CSV (columns documented in the README). */
export async function exportCaseList(ctx: ReportContext, query: TReportQuery): Promise<{ filename: string; csv: string }> {
  const { data, options } = await prepareReport(ctx, query, { compare: false });
  const csv = caseListCsv(analyseCases(data, options), options.period, reportAsOf(options));
  return { filename: `complaints-${options.period.from}-to-${options.period.to}.csv`, csv };
}
