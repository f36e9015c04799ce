// /api/service-requests. Like complaints, anyone signed in may record one: agents and handlers
// take calls, letters and visits, and a request must be recorded whoever hears it (1.4).
import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { currentStaff } from '../auth/middleware.ts';
import { ZCreateServiceRequestSchema } from '../schemas/index.ts';
import { createServiceRequest } from './createServiceRequest.ts';

export function serviceRequestRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    const body = ZCreateServiceRequestSchema.parse(req.body);
    res.status(201).json(await createServiceRequest(ctx, { ...body, actorId: currentStaff(res).id }));
  });
  return router;
}
