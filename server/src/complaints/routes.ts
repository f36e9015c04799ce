// /api/complaints. Everyone signed in may read and log complaints: agents take complaints on live
// chat and the phone (1.3, 3.1) and must be able to record them at once. Changing a case (define,
// acknowledge, extend, respond, escalate, refuse, close, complete actions) is for the people who
// own cases: the routes let in the case-worker roles, and the services check the role owns the
// case's stage (handlers stage 1, reviewers stage 2, complaints officers and admins both:
// stageOwnership.ts). Who may act on a particular case (6.13) is the engine's rule. Assigning a
// handler is for complaints officers and admins (they allocate work); the assignee must hold the
// stage's role.
import { Router, type Response } from 'express';
import type { ServerContext } from '../context.ts';
import { currentStaff, requireRole } from '../auth/middleware.ts';
import {
  ZAcknowledgeComplaintRequestSchema,
  ZAssignCaseRequestSchema,
  ZCloseCaseSchema,
  ZCompleteActionSchema,
  ZComplaintActionParamsSchema,
  ZComplaintIdParamsSchema,
  ZComplaintLetterParamsSchema,
  ZCreateComplaintSchema,
  ZDefineComplaintSchema,
  ZEscalateCaseSchema,
  ZExtendCaseSchema,
  ZListComplaintsQuerySchema,
  ZRaiseRelatedIssueSchema,
  ZRefuseCaseSchema,
  ZRespondCaseSchema,
} from '../schemas/index.ts';
import { ZAddCaseNoteSchema, ZAssigneesQuerySchema, ZTimelineQuerySchema } from '../schemas/index.ts';
import { acknowledgeComplaint } from './acknowledgeComplaint.ts';
import { assignComplaintHandler } from './assignComplaintHandler.ts';
import { closeComplaint } from './closeComplaint.ts';
import { completeOutstandingAction } from './completeOutstandingAction.ts';
import { createComplaint } from './createComplaint.ts';
import { defineComplaint } from './defineComplaint.ts';
import { escalateComplaint } from './escalateComplaint.ts';
import { extendDeadline } from './extendDeadline.ts';
import { getComplaint } from './getComplaint.ts';
import { getLetterHtml } from './getLetter.ts';
import { listAssignees } from './listAssignees.ts';
import { listComplaints } from './listComplaints.ts';
import { PREVIEWS } from './previews.ts';
import { previewCaseOperation } from './previewCaseOperation.ts';
import { raiseRelatedIssue } from './raiseRelatedIssue.ts';
import { refuseComplaint } from './refuseComplaint.ts';
import { respondToComplaint } from './respondToComplaint.ts';
import { addCaseNote } from './timeline/addCaseNote.ts';
import { getTimeline } from './timeline/getTimeline.ts';
import { CASE_WORKER_ROLES, OVERSIGHT_ROLES } from './stageOwnership.ts';

export function complaintRoutes(ctx: ServerContext): Router {
  const router = Router();
  const caseWorker = requireRole(...CASE_WORKER_ROLES);
  const assigner = requireRole(...OVERSIGHT_ROLES);
  const actor = (res: Response) => currentStaff(res).id;
  /** The member of staff acting and their roles, which decide whose stage they may work on. */
  const by = (res: Response) => {
    const staff = currentStaff(res);
    return { actorId: staff.id, actorRoles: staff.roles };
  };

  router.get('/', async (req, res) => {
    res.json(await listComplaints(ctx, { ...ZListComplaintsQuerySchema.parse(req.query), actorId: actor(res) }));
  });

  router.post('/', async (req, res) => {
    const body = ZCreateComplaintSchema.parse(req.body);
    res.status(201).json(await createComplaint(ctx, { ...body, actorId: actor(res) }));
  });

  router.get('/:id', async (req, res) => {
    const { id } = ZComplaintIdParamsSchema.parse(req.params);
    res.json(await getComplaint(ctx, { id }));
  });

  router.get('/:id/letters/:letterId', async (req, res) => {
    const { id, letterId } = ZComplaintLetterParamsSchema.parse(req.params);
    res.type('text/html').send(await getLetterHtml(ctx, { complaintId: id, letterId }));
  });

  router.put('/:id/definition', caseWorker, async (req, res) => {
    const { id } = ZComplaintIdParamsSchema.parse(req.params);
    res.json(await defineComplaint(ctx, { ...ZDefineComplaintSchema.parse(req.body), complaintId: id, ...by(res) }));
  });

  router.post('/:id/acknowledge', caseWorker, async (req, res) => {
    const { id } = ZComplaintIdParamsSchema.parse(req.params);
    res.json(await acknowledgeComplaint(ctx, { ...ZAcknowledgeComplaintRequestSchema.parse(req.body), complaintId: id, ...by(res) }));
  });

  router.post('/:id/assign', assigner, async (req, res) => {
    const { id } = ZComplaintIdParamsSchema.parse(req.params);
    res.json(await assignComplaintHandler(ctx, { ...ZAssignCaseRequestSchema.parse(req.body), complaintId: id, ...by(res) }));
  });

  // 6.8: 201 either way; the outcome says whether the issue joined this case or opened a linked one.
  router.post('/:id/related-issues', caseWorker, async (req, res) => {
    const { id } = ZComplaintIdParamsSchema.parse(req.params);
    res.status(201).json(await raiseRelatedIssue(ctx, { ...ZRaiseRelatedIssueSchema.parse(req.body), complaintId: id, ...by(res) }));
  });

  router.post('/:id/extend', caseWorker, async (req, res) => {
    const { id } = ZComplaintIdParamsSchema.parse(req.params);
    res.json(await extendDeadline(ctx, { ...ZExtendCaseSchema.parse(req.body), complaintId: id, ...by(res) }));
  });

  router.post('/:id/respond', caseWorker, async (req, res) => {
    const { id } = ZComplaintIdParamsSchema.parse(req.params);
    res.json(await respondToComplaint(ctx, { ...ZRespondCaseSchema.parse(req.body), complaintId: id, ...by(res) }));
  });

  router.post('/:id/escalate', caseWorker, async (req, res) => {
    const { id } = ZComplaintIdParamsSchema.parse(req.params);
    res.json(await escalateComplaint(ctx, { ...ZEscalateCaseSchema.parse(req.body), complaintId: id, ...by(res) }));
  });

  router.post('/:id/refuse', caseWorker, async (req, res) => {
    const { id } = ZComplaintIdParamsSchema.parse(req.params);
    res.json(await refuseComplaint(ctx, { ...ZRefuseCaseSchema.parse(req.body), complaintId: id, ...by(res) }));
  });

  router.post('/:id/close', caseWorker, async (req, res) => {
    const { id } = ZComplaintIdParamsSchema.parse(req.params);
    res.json(await closeComplaint(ctx, { ...ZCloseCaseSchema.parse(req.body), complaintId: id, ...by(res) }));
  });

  router.post('/:id/actions/:actionId/complete', caseWorker, async (req, res) => {
    const { id, actionId } = ZComplaintActionParamsSchema.parse(req.params);
    const body = ZCompleteActionSchema.parse(req.body);
    res.json(await completeOutstandingAction(ctx, { ...body, complaintId: id, itemId: actionId, ...by(res) }));
  });

  // 5.12: the case's full record, for anyone who may read the case.
  router.get('/:id/timeline', async (req, res) => {
    const { id } = ZComplaintIdParamsSchema.parse(req.params);
    res.json(await getTimeline(ctx, { ...ZTimelineQuerySchema.parse(req.query), complaintId: id }));
  });

  router.post('/:id/notes', caseWorker, async (req, res) => {
    const { id } = ZComplaintIdParamsSchema.parse(req.params);
    res.status(201).json(await addCaseNote(ctx, { ...ZAddCaseNoteSchema.parse(req.body), complaintId: id, actorId: actor(res) }));
  });

  router.get('/:id/assignees', caseWorker, async (req, res) => {
    const { id } = ZComplaintIdParamsSchema.parse(req.params);
    res.json({ assignees: await listAssignees(ctx, { ...ZAssigneesQuerySchema.parse(req.query), complaintId: id }) });
  });

  // The letter an operation would send, from the same engine call, without saving (previews.ts).
  for (const [name, preview] of Object.entries(PREVIEWS)) {
    router.post(`/:id/preview/${name}`, caseWorker, async (req, res) => {
      const { id } = ZComplaintIdParamsSchema.parse(req.params);
      res.json(await previewCaseOperation(ctx, preview.operation(preview.body.parse(req.body), id, by(res))));
    });
  }

  return router;
}
