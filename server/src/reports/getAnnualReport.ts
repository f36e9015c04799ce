import type { ServerContext } from '../context.ts';
import { buildPerformanceReport, renderAnnualReportHtml } from '../domain/index.ts';
import type { TReportQuery } from '../schemas/index.ts';
import { prepareReport, type ReportContext } from './reportRequest.ts';

/** 8.1: the annual complaints performance and service improvement report, as printable HTML. */
export async function getAnnualReportHtml(ctx: ReportContext & Pick<ServerContext, 'config'>, query: TReportQuery): Promise<string> {
  const { data, options } = await prepareReport(ctx, query);
  return renderAnnualReportHtml(buildPerformanceReport(data, options), { landlordName: ctx.config.landlordName });
}
