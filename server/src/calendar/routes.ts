import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { currentStaff, requireRole } from '../auth/middleware.ts';
import { ZCalendarQuerySchema, ZClosureDayParamsSchema, ZClosureDaySchema } from '../schemas/index.ts';
import { addClosureDay } from './addClosureDay.ts';
import { listClosureDays } from './listClosureDays.ts';
import { removeClosureDay } from './removeClosureDay.ts';
import { getWorkingCalendar } from './workingCalendar.ts';

/** Mounted at /api/calendar, after requireStaff: every signed-in staff member may read it. */
export function calendarRoutes(ctx: ServerContext): Router {
  const router = Router();

  router.get('/add-working-days', async (req, res) => {
    const query = ZCalendarQuerySchema.parse(req.query);
    const calendar = await getWorkingCalendar(ctx.prisma);
    res.json({ date: calendar.addWorkingDays(query.from, query.days) });
  });

  router.get('/closure-days', async (_req, res) => {
    res.json({ closureDays: await listClosureDays(ctx) });
  });

  // Closure days move every open deadline, so only administrators change them.
  router.post('/closure-days', requireRole('admin'), async (req, res) => {
    const body = ZClosureDaySchema.parse(req.body);
    res.status(201).json(await addClosureDay(ctx, { ...body, actorId: currentStaff(res).id }));
  });

  router.delete('/closure-days/:date', requireRole('admin'), async (req, res) => {
    const { date } = ZClosureDayParamsSchema.parse(req.params);
    await removeClosureDay(ctx, { date, actorId: currentStaff(res).id });
    res.status(204).end();
  });

  return router;
}
