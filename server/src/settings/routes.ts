// /api/settings: the number of homes (CH01's denominator) for complaints officers and admins;
// the retention period, which decides when personal data is anonymised, for admins only.
import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { currentStaff, requireRole } from '../auth/middleware.ts';
import { ZHomesSettingSchema, ZRetentionSettingSchema } from '../schemas/index.ts';
import { getLandlordSettings } from './getLandlordSettings.ts';
import { updateSetting } from './updateSetting.ts';

export const SETTINGS_READER_ROLES = ['complaints_officer', 'admin'] as const;

export function settingsRoutes(ctx: ServerContext): Router {
  const router = Router();
  const reader = requireRole(...SETTINGS_READER_ROLES);

  router.get('/', reader, async (_req, res) => {
    res.json(await getLandlordSettings(ctx));
  });

  router.put('/homes', reader, async (req, res) => {
    const body = ZHomesSettingSchema.parse(req.body);
    res.json(await updateSetting(ctx, { name: 'homes', value: body.homes, version: body.version, actorId: currentStaff(res).id }));
  });

  router.put('/retention', requireRole('admin'), async (req, res) => {
    const body = ZRetentionSettingSchema.parse(req.body);
    res.json(await updateSetting(ctx, { name: 'retentionMonths', value: body.months, version: body.version, actorId: currentStaff(res).id }));
  });

  return router;
}
