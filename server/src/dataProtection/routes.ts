// /api/data-protection: subject access, erasure on request and the retention sweep. Admins only:
// these reach every record about a person, and erasure cannot be undone.
import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { currentStaff, requireRole } from '../auth/middleware.ts';
import { ZErasureRequestSchema, ZResidentIdParamsSchema, ZResidentLookupQuerySchema } from '../schemas/index.ts';
import { eraseResident } from './eraseResident.ts';
import { exportResidentData } from './exportResidentData.ts';
import { findResidentByComplaint } from './findResident.ts';
import { runRetentionSweep } from './runRetentionSweep.ts';

export function dataProtectionRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.use(requireRole('admin'));

  router.get('/residents', async (req, res) => {
    const { reference } = ZResidentLookupQuerySchema.parse(req.query);
    res.json(await findResidentByComplaint(ctx, reference));
  });

  router.get('/residents/:id/export', async (req, res) => {
    const { id: residentId } = ZResidentIdParamsSchema.parse(req.params);
    const data = await exportResidentData(ctx, { residentId, actorId: currentStaff(res).id });
    res.attachment(`subject-access-${residentId}.json`).json(data);
  });

  router.post('/residents/:id/erase', async (req, res) => {
    const { id: residentId } = ZResidentIdParamsSchema.parse(req.params);
    const body = ZErasureRequestSchema.parse(req.body);
    res.json(await eraseResident(ctx, { residentId, reason: body.reason, actorId: currentStaff(res).id }));
  });

  router.post('/retention-sweep', async (_req, res) => {
    res.json(await runRetentionSweep(ctx, { actor: { type: 'staff', staffId: currentStaff(res).id } }));
  });

  return router;
}
