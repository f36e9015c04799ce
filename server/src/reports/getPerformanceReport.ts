import { buildPerformanceReport, type PerformanceReport } from '../domain/index.ts';
import type { TReportQuery } from '../schemas/index.ts';
import { prepareReport, type ReportContext } from './reportRequest.ts';

/** The dashboard's figures for a period (9.7). */
export async function getPerformanceReport(ctx: ReportContext, query: TReportQuery): Promise<PerformanceReport> {
  const { data, options } = await prepareReport(ctx, query);
  return buildPerformanceReport(data, options);
}
