import { serialize } from 'cookie';
import { Router, type Response } from 'express';
import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { loginRateLimits } from '../http/rateLimits.ts';
import { ZCompleteSetupSchema, ZLoginSchema } from '../schemas/auth.ts';
import { ZAcceptInvitationSchema } from '../schemas/staff.ts';
import { acceptInvitation } from '../staff/acceptInvitation.ts';
import { invitationRateLimits } from '../staff/rateLimits.ts';
import { login, type LoginResult } from './login.ts';
import { currentStaff, requireStaff } from './middleware.ts';
import { SESSION_COOKIE, revokeSession } from './sessions.ts';
import { completeSetup } from './setupAdministrator.ts';

export function authRoutes(ctx: ServerContext): Router {
  const router = Router();
  // Secure cookies need https; a local `npm start` on http://localhost still has to work.
  const secure = ctx.config.env === 'production' || Boolean(ctx.config.publicBaseUrl?.startsWith('https:'));

  const setSessionCookie = (res: Response, result: LoginResult) => {
    res.setHeader(
      'Set-Cookie',
      serialize(SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires: result.expiresAt }),
    );
  };

  router.post('/login', ...loginRateLimits(), async (req, res) => {
    const input = ZLoginSchema.parse(req.body);
    const result = await login(ctx, { ...input, userAgent: req.get('user-agent') });
    setSessionCookie(res, result);
    res.json({ user: result.user });
  });

  router.post('/setup', ...loginRateLimits(), async (req, res) => {
    const input = ZCompleteSetupSchema.parse(req.body);
    const result = await completeSetup(ctx, { ...input, userAgent: req.get('user-agent') });
    setSessionCookie(res, result);
    res.status(201).json({ user: result.user });
  });

  // Anonymous by nature: the invited person has no account until this succeeds.
  router.post('/invitations/accept', ...invitationRateLimits(), async (req, res) => {
    const input = ZAcceptInvitationSchema.parse(req.body);
    const result = await acceptInvitation(ctx, { ...input, userAgent: req.get('user-agent') });
    setSessionCookie(res, result);
    res.status(201).json({ user: result.user });
  });

  router.post('/logout', async (_req, res) => {
    const session = res.locals.session;
    if (session) {
      const now = ctx.now();
      await revokeSession(ctx.prisma, session.sessionId, now);
      await recordAudit(ctx.prisma, { actor: { type: 'staff', staffId: session.user.id }, action: 'staff.signed_out', entityType: 'StaffUser', entityId: session.user.id, at: now });
    }
    res.setHeader('Set-Cookie', serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: 0 }));
    res.status(204).end();
  });

  router.get('/me', requireStaff, (_req, res) => {
    res.json({ user: currentStaff(res) });
  });

  return router;
}
