// Limits for the other password-shaped doors, counted like sign-in (per process, in memory):
// redeeming invitations (anonymous) and changing a password (proves the current one).
import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { AppError, AppErrorCode } from '../http/appError.ts';

const FIFTEEN_MINUTES = 15 * 60_000;

function limit(options: { max: number; key: Options['keyGenerator']; message: string; failuresOnly: boolean }): RequestHandler {
  return rateLimit({
    windowMs: FIFTEEN_MINUTES,
    limit: options.max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: options.failuresOnly,
    keyGenerator: options.key,
    handler: (_req, _res, next) => next(new AppError(AppErrorCode.RateLimited, options.message)),
  });
}

/** Per address, as sign-in: invitation tokens cannot be guessed, but their forms can be hammered. */
export function invitationRateLimits(): RequestHandler[] {
  return [
    limit({
      max: 50,
      key: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
      message: 'Too many attempts from this network. Try again in 15 minutes.',
      failuresOnly: false,
    }),
  ];
}

/** Per account: a borrowed session must not become a way to guess the password behind it. */
export function passwordChangeRateLimits(): RequestHandler[] {
  return [
    limit({
      max: 10,
      key: (_req, res) => `staff:${res.locals.session?.user.id ?? 'none'}`,
      message: 'Too many attempts to change your password. Try again in 15 minutes.',
      failuresOnly: true,
    }),
  ];
}
