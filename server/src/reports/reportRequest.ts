// Turns a validated report query into the period, the day and the landlord's calendar and homes:
// what every report operation needs before it loads the period's data.
import type { ServerContext } from '../context.ts';
import { getWorkingCalendar } from '../calendar/workingCalendar.ts';
import { civilDateInLondon, PeriodError, reportDataFrom, resolvePeriod } from '../domain/index.ts';
import type { ReportData, ReportOptions } from '../domain/index.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TReportQuery } from '../schemas/index.ts';
import { readHomes } from '../settings/settingKeys.ts';
import { loadReportData } from './loadReportData.ts';

export type ReportContext = Pick<ServerContext, 'prisma' | 'database' | 'now'>;

/** `compare`: also read the period before, for the trend figures (the dashboard and the annual report; not the CSV). */
export async function prepareReport(ctx: ReportContext, query: TReportQuery, { compare = true }: { compare?: boolean } = {}): Promise<{ data: ReportData; options: ReportOptions }> {
  const today = civilDateInLondon(ctx.now());
  let period;
  try {
    period = resolvePeriod(query.period, today, { from: query.from, to: query.to });
  } catch (error) {
    if (error instanceof PeriodError) throw new AppError(AppErrorCode.InvalidRequest, error.message);
    throw error;
  }
  const [data, homes, calendar] = await Promise.all([loadReportData(ctx.database, period, compare ? { casesFrom: reportDataFrom(period) } : {}), readHomes(ctx.prisma), getWorkingCalendar(ctx.prisma)]);
  return { data, options: { period, today, homes, calendar } };
}
