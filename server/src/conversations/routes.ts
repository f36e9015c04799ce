// /api/triage and /api/conversations. The live queue and live chat are for the people who work it:
// agents, complaints officers and admins (the console's triage screen). Reading a conversation is
// open to every signed-in member of staff: it is part of the record a handler or reviewer needs
// (5.12: all correspondence with the resident).
import { Router, type Response } from 'express';
import type { ServerContext } from '../context.ts';
import { currentStaff, requireRole } from '../auth/middleware.ts';
import {
  ZConversationIdParamsSchema,
  ZConvertToComplaintSchema,
  ZConvertToServiceRequestSchema,
  ZLinkConversationResidentSchema,
  ZStaffReplySchema,
  ZStaffTypingSchema,
} from '../schemas/index.ts';
import { claimConversation } from './claimConversation.ts';
import { convertToComplaint } from './convertToComplaint.ts';
import { convertToServiceRequest } from './convertToServiceRequest.ts';
import { getConversation } from './getConversation.ts';
import { getTriageQueue } from './getTriageQueue.ts';
import { linkConversationResident } from './linkConversationResident.ts';
import { releaseConversation } from './releaseConversation.ts';
import { replyToConversation, type LiveChatSender } from './replyToConversation.ts';
import { showStaffTyping } from './showStaffTyping.ts';

export const TRIAGE_ROLES = ['agent', 'complaints_officer', 'admin'] as const;

export function triageRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get('/', requireRole(...TRIAGE_ROLES), async (_req, res) => {
    res.json(await getTriageQueue(ctx));
  });
  return router;
}

export function conversationRoutes(ctx: ServerContext, liveChat?: LiveChatSender): Router {
  const router = Router();
  const triage = requireRole(...TRIAGE_ROLES);
  const actorId = (res: Response) => currentStaff(res).id;
  const idOf = (params: unknown) => ZConversationIdParamsSchema.parse(params).id;

  router.get('/:id', async (req, res) => {
    res.json(await getConversation(ctx, { id: idOf(req.params) }));
  });

  router.post('/:id/claim', triage, async (req, res) => {
    res.json(await claimConversation(ctx, { conversationId: idOf(req.params), actorId: actorId(res) }));
  });

  router.post('/:id/release', triage, async (req, res) => {
    res.json(await releaseConversation(ctx, { conversationId: idOf(req.params), actor: currentStaff(res) }));
  });

  router.post('/:id/messages', triage, async (req, res) => {
    const id = idOf(req.params);
    const { text } = ZStaffReplySchema.parse(req.body);
    res.status(201).json(await replyToConversation(ctx, liveChat, { conversationId: id, actorId: actorId(res), text }));
  });

  router.post('/:id/typing', triage, async (req, res) => {
    const id = idOf(req.params);
    const { typing } = ZStaffTypingSchema.parse(req.body);
    await showStaffTyping(ctx, liveChat, { conversationId: id, actorId: actorId(res), typing });
    res.status(204).end();
  });

  router.post('/:id/resident', triage, async (req, res) => {
    const id = idOf(req.params);
    const body = ZLinkConversationResidentSchema.parse(req.body);
    res.json(await linkConversationResident(ctx, { ...body, conversationId: id, actorId: actorId(res) }));
  });

  router.post('/:id/complaint', triage, async (req, res) => {
    const id = idOf(req.params);
    const body = ZConvertToComplaintSchema.parse(req.body);
    res.status(201).json(await convertToComplaint(ctx, { ...body, conversationId: id, actorId: actorId(res) }));
  });

  router.post('/:id/service-request', triage, async (req, res) => {
    const id = idOf(req.params);
    const body = ZConvertToServiceRequestSchema.parse(req.body);
    res.status(201).json(await convertToServiceRequest(ctx, { ...body, conversationId: id, actorId: actorId(res) }));
  });

  return router;
}
