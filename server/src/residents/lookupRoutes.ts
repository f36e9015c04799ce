// /api/residents (search and create) for the console's resident pickers. Anyone signed in may use
// them: anyone may log a complaint or a service request, and both need a resident. (The resident
// panel's /api/residents/:id routes are mounted beside these from routes.ts.)
import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { currentStaff } from '../auth/middleware.ts';
import { ZCreateResidentSchema, ZResidentSearchQuerySchema } from '../schemas/index.ts';
import { createResident } from './createResident.ts';
import { searchResidents } from './searchResidents.ts';

export function residentLookupRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await searchResidents(ctx, ZResidentSearchQuerySchema.parse(req.query)));
  });
  router.post('/', async (req, res) => {
    const body = ZCreateResidentSchema.parse(req.body);
    res.status(201).json(await createResident(ctx, { ...body, actorId: currentStaff(res).id }));
  });
  return router;
}
