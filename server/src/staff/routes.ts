// /api/staff, mounted after requireStaff. Managing accounts is for administrators; complaints
// officers may read the list (they assign cases to people); anyone signed in may change their
// own password. Redeeming an invitation is anonymous and lives in auth/routes.ts.
import { Router, type Request } from 'express';
import type { ServerContext } from '../context.ts';
import { currentStaff, requireRole } from '../auth/middleware.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import { ZChangePasswordSchema, ZInvitationIdParamsSchema, ZInviteStaffSchema, ZSetStaffRolesSchema, ZStaffIdParamsSchema } from '../schemas/staff.ts';
import { changePassword } from './changePassword.ts';
import { deactivateStaff } from './deactivateStaff.ts';
import { inviteStaff } from './inviteStaff.ts';
import { listPendingInvitations } from './listPendingInvitations.ts';
import { listStaff } from './listStaff.ts';
import { passwordChangeRateLimits } from './rateLimits.ts';
import { reactivateStaff } from './reactivateStaff.ts';
import { setStaffRoles } from './setStaffRoles.ts';
import { withdrawInvitation } from './withdrawInvitation.ts';

export function staffRoutes(ctx: ServerContext): Router {
  const router = Router();
  const admin = requireRole('admin');
  // Behind a proxy the configured public address is the one staff can open.
  const origin = (req: Request) => (ctx.config.publicBaseUrl ? new URL(ctx.config.publicBaseUrl).origin : `${req.protocol}://${req.get('host')}`);

  router.get('/', requireRole('admin', 'complaints_officer'), async (_req, res) => {
    res.json({ staff: await listStaff(ctx) });
  });

  router.post('/invitations', admin, async (req, res) => {
    const body = ZInviteStaffSchema.parse(req.body);
    res.status(201).json(await inviteStaff(ctx, { ...body, actorId: currentStaff(res).id, origin: origin(req) }));
  });

  router.get('/invitations', admin, async (_req, res) => {
    res.json({ invitations: await listPendingInvitations(ctx) });
  });

  router.delete('/invitations/:id', admin, async (req, res) => {
    const { id } = ZInvitationIdParamsSchema.parse(req.params);
    await withdrawInvitation(ctx, { invitationId: id, actorId: currentStaff(res).id });
    res.status(204).end();
  });

  router.put('/:id/roles', admin, async (req, res) => {
    const { id } = ZStaffIdParamsSchema.parse(req.params);
    const body = ZSetStaffRolesSchema.parse(req.body);
    res.json(await setStaffRoles(ctx, { ...body, staffId: id, actorId: currentStaff(res).id }));
  });

  router.post('/:id/deactivate', admin, async (req, res) => {
    const { id } = ZStaffIdParamsSchema.parse(req.params);
    res.json(await deactivateStaff(ctx, { staffId: id, actorId: currentStaff(res).id }));
  });

  router.post('/:id/reactivate', admin, async (req, res) => {
    const { id } = ZStaffIdParamsSchema.parse(req.params);
    res.json(await reactivateStaff(ctx, { staffId: id, actorId: currentStaff(res).id }));
  });

  router.post('/me/password', ...passwordChangeRateLimits(), async (req, res) => {
    const session = res.locals.session;
    if (!session) throw new AppError(AppErrorCode.Unauthenticated, 'Sign in to continue.');
    const body = ZChangePasswordSchema.parse(req.body);
    res.json(await changePassword(ctx, { ...body, staffId: session.user.id, sessionId: session.sessionId }));
  });

  return router;
}
