// CSRF defence for cookie-authenticated API calls, on top of the SameSite=Strict cookie: a
// state-changing request must be JSON (a cross-site form cannot send that without a CORS
// preflight, which we never grant) and, when the browser names its origin, come from ours.
import type { RequestHandler } from 'express';
import { AppError, AppErrorCode } from './appError.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requireSameOrigin(publicBaseUrl: string | undefined): RequestHandler {
  const allowed = publicBaseUrl ? new URL(publicBaseUrl).origin : undefined;
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    if (origin) {
      const own = allowed ?? `${req.protocol}://${req.get('host')}`;
      if (origin !== own) throw new AppError(AppErrorCode.Forbidden, 'Requests from other websites are not accepted.');
    }
    // req.is() answers null without a body and false for another type; a zero-length body counts as none.
    const empty = req.headers['content-length'] === '0' && !req.headers['transfer-encoding'];
    if (!empty && req.is('application/json') === false) {
      throw new AppError(AppErrorCode.InvalidRequest, 'Send the request body as JSON (Content-Type: application/json).');
    }
    next();
  };
}
