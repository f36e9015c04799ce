import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { AppError, AppErrorCode } from './appError.ts';

const FIFTEEN_MINUTES = 15 * 60_000;

const tooMany = (message: string): RequestHandler => (_req, _res, next) => next(new AppError(AppErrorCode.RateLimited, message));

/**
 * Sign-in attempts: per address (slows password spraying) and per account (slows guessing one
 * password). Counted in memory per process; see README for running several processes.
 */
export function loginRateLimits(): RequestHandler[] {
  const perAddress = rateLimit({
    windowMs: FIFTEEN_MINUTES,
    limit: 50,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
    handler: (req, res, next) => tooMany('Too many sign-in attempts from this network. Try again in 15 minutes.')(req, res, next),
  });
  const perAccount = rateLimit({
    windowMs: FIFTEEN_MINUTES,
    limit: 10,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    keyGenerator: (req) => {
      const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
      return `account:${email}`;
    },
    handler: (req, res, next) => tooMany('Too many attempts for this account. Try again in 15 minutes.')(req, res, next),
  });
  return [perAddress, perAccount];
}
