// /api/settings: the number of homes (CH01's denominator) for complaints officers and admins;
// the retention period, which decides when personal data is anonymised, and the letter template
// (what residents read in every letter), for admins only.
import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { currentStaff, requireRole } from '../auth/middleware.ts';
import { ZHomesSettingSchema, ZLetterTemplatePreviewSchema, ZRetentionSettingSchema, ZUpdateLetterTemplateSchema } from '../schemas/index.ts';
import type { LetterTemplate } from '../domain/index.ts';
import { getLandlordSettings } from './getLandlordSettings.ts';
import { getLetterTemplate } from './getLetterTemplate.ts';
import { previewLetterTemplate } from './previewLetterTemplate.ts';
import { updateLetterTemplate } from './updateLetterTemplate.ts';
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

  router.get('/letters', requireRole('admin'), async (_req, res) => {
    res.json(await getLetterTemplate(ctx));
  });

  router.put('/letters', requireRole('admin'), async (req, res) => {
    const body = ZUpdateLetterTemplateSchema.parse(req.body);
    res.json(await updateLetterTemplate(ctx, { ...body, actorId: currentStaff(res).id }));
  });

  router.post('/letters/preview', requireRole('admin'), async (req, res) => {
    const body = ZLetterTemplatePreviewSchema.parse(req.body);
    res.json(await previewLetterTemplate(ctx, { template: body.template as LetterTemplate, kind: body.kind, actorId: currentStaff(res).id }));
  });

  return router;
}
