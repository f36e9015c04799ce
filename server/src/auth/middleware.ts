import { parse as parseCookies } from 'cookie';
import type { RequestHandler } from 'express';
import type { ServerContext } from '../context.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TStaffRole, TStaffSessionUser } from '../schemas/auth.ts';
import { resolveSession, SESSION_COOKIE, type ResolvedSession } from './sessions.ts';

declare module 'express-serve-static-core' {
  interface Locals {
    session?: ResolvedSession;
  }
}

export function sessionTokenFrom(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  return parseCookies(cookieHeader)[SESSION_COOKIE] || undefined;
}

/** Attaches the signed-in staff member, if any, to res.locals.session. */
export function loadSession(ctx: ServerContext): RequestHandler {
  return async (req, res, next) => {
    const token = sessionTokenFrom(req.headers.cookie);
    if (token) res.locals.session = await resolveSession(ctx.prisma, token, ctx.now());
    next();
  };
}

export const requireStaff: RequestHandler = (_req, res, next) => {
  if (!res.locals.session) throw new AppError(AppErrorCode.Unauthenticated, 'Sign in to continue.');
  next();
};

export function requireRole(...roles: TStaffRole[]): RequestHandler {
  return (_req, res, next) => {
    const user = res.locals.session?.user;
    if (!user) throw new AppError(AppErrorCode.Unauthenticated, 'Sign in to continue.');
    if (!user.roles.some((role) => roles.includes(role))) {
      throw new AppError(AppErrorCode.Forbidden, `This needs one of these roles: ${roles.join(', ')}.`);
    }
    next();
  };
}

export function currentStaff(res: { locals: { session?: ResolvedSession } }): TStaffSessionUser {
  const user = res.locals.session?.user;
  if (!user) throw new AppError(AppErrorCode.Unauthenticated, 'Sign in to continue.');
  return user;
}
