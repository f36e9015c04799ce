// Turns a validated report query into the period, the day and the landlord's calendar and homes:
// what every report operation needs before it loads the period's data.
import type { ServerContext } from '../context.ts';
import { getWorkingCalendar } from '../calendar/workingCalendar.ts';
import { civilDateInLondon, PeriodError, resolvePeriod } from '../domain/index.ts';
import type { ReportData, ReportOptions } from '../domain/index.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TReportQuery } from '../schemas/index.ts';
import { readHomes } from '../settings/settingKeys.ts';
import { loadReportData } from './loadReportData.ts';

export type ReportContext = Pick<ServerContext, 'prisma' | 'database' | 'now'>;

export async function prepareReport(ctx: ReportContext, query: TReportQuery): Promise<{ data: ReportData; options: ReportOptions }> {
  const today = civilDateInLondon(ctx.now());
  let period;
  try {
    period = resolvePeriod(query.period, today, { from: query.from, to: query.to });
  } catch (error) {
    if (error instanceof PeriodError) throw new AppError(AppErrorCode.InvalidRequest, error.message);
    throw error;
  }
  const [data, homes, calendar] = await Promise.all([loadReportData(ctx.database, period), readHomes(ctx.prisma), getWorkingCalendar(ctx.prisma)]);
  return { data, options: { period, today, homes, calendar } };
}
