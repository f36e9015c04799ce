// /api/residents/:id - the resident panel and the edits staff make from it. Everyone signed in
// reads it and keeps it current: agents record representatives, consent, adjustments and
// disclosures during a live chat (3.6, 5.10) because that is when residents tell us. Contact
// restrictions (5.14) are a decision about the resident's behaviour, so only complaints officers
// and admins add, review or end them. (The resident search and create routes live in
// lookupRoutes.ts.)
import { Router, type Response } from 'express';
import type { ServerContext } from '../context.ts';
import { currentStaff, requireRole } from '../auth/middleware.ts';
import {
  ZCreateAdjustmentSchema,
  ZCreateDisclosureSchema,
  ZCreateRepresentativeSchema,
  ZCreateRestrictionSchema,
  ZEndRecordSchema,
  ZRecordConsentSchema,
  ZResidentIdParamsSchema,
  ZResidentItemParamsSchema,
  ZReviewRecordSchema,
  ZUpdateAdjustmentSchema,
  ZUpdateRepresentativeSchema,
  ZUpdateResidentSchema,
} from '../schemas/index.ts';
import { addContactRestriction } from './addContactRestriction.ts';
import { addDisclosure } from './addDisclosure.ts';
import { addReasonableAdjustment } from './addReasonableAdjustment.ts';
import { addRepresentative } from './addRepresentative.ts';
import { endResidentRecord } from './endResidentRecord.ts';
import { getResidentPanel } from './getResidentPanel.ts';
import { recordRepresentativeConsent } from './recordRepresentativeConsent.ts';
import { REVIEWED_RECORD_KINDS } from './residentRecordKinds.ts';
import { reviewResidentRecord } from './reviewResidentRecord.ts';
import { updateReasonableAdjustment } from './updateReasonableAdjustment.ts';
import { updateRepresentative } from './updateRepresentative.ts';
import { updateResidentDetails } from './updateResidentDetails.ts';

export const RESTRICTION_ROLES = ['complaints_officer', 'admin'] as const;

export function residentPanelRoutes(ctx: ServerContext): Router {
  const router = Router();
  const restrictionDecider = requireRole(...RESTRICTION_ROLES);
  const actorId = (res: Response) => currentStaff(res).id;

  router.get('/:id', async (req, res) => {
    res.json(await getResidentPanel(ctx, ZResidentIdParamsSchema.parse(req.params)));
  });

  router.put('/:id', async (req, res) => {
    const { id } = ZResidentIdParamsSchema.parse(req.params);
    res.json(await updateResidentDetails(ctx, { ...ZUpdateResidentSchema.parse(req.body), residentId: id, actorId: actorId(res) }));
  });

  router.post('/:id/representatives', async (req, res) => {
    const { id } = ZResidentIdParamsSchema.parse(req.params);
    res.status(201).json(await addRepresentative(ctx, { ...ZCreateRepresentativeSchema.parse(req.body), residentId: id, actorId: actorId(res) }));
  });

  router.put('/:id/representatives/:itemId', async (req, res) => {
    const { id, itemId } = ZResidentItemParamsSchema.parse(req.params);
    const body = ZUpdateRepresentativeSchema.parse(req.body);
    res.json(await updateRepresentative(ctx, { ...body, residentId: id, representativeId: itemId, actorId: actorId(res) }));
  });

  router.post('/:id/representatives/:itemId/consent', async (req, res) => {
    const { id, itemId } = ZResidentItemParamsSchema.parse(req.params);
    const body = ZRecordConsentSchema.parse(req.body);
    res.json(await recordRepresentativeConsent(ctx, { ...body, residentId: id, representativeId: itemId, actorId: actorId(res) }));
  });

  router.post('/:id/adjustments', async (req, res) => {
    const { id } = ZResidentIdParamsSchema.parse(req.params);
    res.status(201).json(await addReasonableAdjustment(ctx, { ...ZCreateAdjustmentSchema.parse(req.body), residentId: id, actorId: actorId(res) }));
  });

  router.put('/:id/adjustments/:itemId', async (req, res) => {
    const { id, itemId } = ZResidentItemParamsSchema.parse(req.params);
    const body = ZUpdateAdjustmentSchema.parse(req.body);
    res.json(await updateReasonableAdjustment(ctx, { ...body, residentId: id, adjustmentId: itemId, actorId: actorId(res) }));
  });

  router.post('/:id/disclosures', async (req, res) => {
    const { id } = ZResidentIdParamsSchema.parse(req.params);
    res.status(201).json(await addDisclosure(ctx, { ...ZCreateDisclosureSchema.parse(req.body), residentId: id, actorId: actorId(res) }));
  });

  router.post('/:id/restrictions', restrictionDecider, async (req, res) => {
    const { id } = ZResidentIdParamsSchema.parse(req.params);
    res.status(201).json(await addContactRestriction(ctx, { ...ZCreateRestrictionSchema.parse(req.body), residentId: id, actorId: actorId(res) }));
  });

  for (const kind of REVIEWED_RECORD_KINDS) {
    const allowed = kind === 'restrictions' ? [restrictionDecider] : [];
    router.post(`/:id/${kind}/:itemId/review`, ...allowed, async (req, res) => {
      const { id, itemId } = ZResidentItemParamsSchema.parse(req.params);
      res.json(await reviewResidentRecord(ctx, { ...ZReviewRecordSchema.parse(req.body), kind, residentId: id, itemId, actorId: actorId(res) }));
    });
    router.post(`/:id/${kind}/:itemId/end`, ...allowed, async (req, res) => {
      const { id, itemId } = ZResidentItemParamsSchema.parse(req.params);
      res.json(await endResidentRecord(ctx, { ...ZEndRecordSchema.parse(req.body), kind, residentId: id, itemId, actorId: actorId(res) }));
    });
  }

  return router;
}
