// /api/reports: the oversight figures (8.1, 9.7, TSMs CH01/CH02) for complaints officers and
// admins. Every route takes the same period query (?period=…&from=…&to=…).
import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { requireRole } from '../auth/middleware.ts';
import { ZReportQuerySchema } from '../schemas/index.ts';
import { exportCaseList } from './exportCaseList.ts';
import { getAnnualReportHtml } from './getAnnualReport.ts';
import { getPerformanceReport } from './getPerformanceReport.ts';

export const REPORT_ROLES = ['complaints_officer', 'admin'] as const;

export function reportRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.use(requireRole(...REPORT_ROLES));

  router.get('/performance', async (req, res) => {
    res.json(await getPerformanceReport(ctx, ZReportQuerySchema.parse(req.query)));
  });

  router.get('/annual', async (req, res) => {
    res.type('text/html').send(await getAnnualReportHtml(ctx, ZReportQuerySchema.parse(req.query)));
  });

  router.get('/cases.csv', async (req, res) => {
    const { filename, csv } = await exportCaseList(ctx, ZReportQuerySchema.parse(req.query));
    res.type('text/csv; charset=utf-8').attachment(filename).send(csv);
  });

  return router;
}
