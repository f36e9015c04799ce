// Rate limits for the doors the sign-in limits (rateLimits.ts, staff/rateLimits.ts) and the web
// chat's own (webChatLimits.ts) do not cover: the resident chat page, socket.io connections,
// the signed webhooks and the attachments route. Each is generous — far above what a housing
// office, a library sharing one address, or Twilio in a storm needs — and there only to stop one
// address (or one borrowed session) hammering the server. Counted in memory per process, like
// the others.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit, type Options } from 'express-rate-limit';
import { clientAddress } from '../channels/webchat/webChatLimits.ts';
import { AppError, AppErrorCode } from './appError.ts';

export interface PublicRateLimitOptions {
  windowMs: number;
  /** Loads of the resident chat page (/chat) per network address. */
  chatPagesPerAddress: number;
  /** New socket.io connections (handshakes; staff and residents) per network address. */
  socketConnectionsPerAddress: number;
  /**
   * Twilio webhooks refused for a missing or wrong signature, per network address. Only
   * refusals count: signed traffic, however heavy, is never limited.
   */
  refusedWebhooksPerAddress: number;
  /** Attachments opened per member of staff. */
  mediaPerStaff: number;
}

export const DEFAULT_PUBLIC_RATE_LIMITS: PublicRateLimitOptions = {
  windowMs: 15 * 60_000,
  chatPagesPerAddress: 600,
  socketConnectionsPerAddress: 900,
  refusedWebhooksPerAddress: 100,
  mediaPerStaff: 900,
};

const WAIT = 'Try again in 15 minutes.';

const common = (options: PublicRateLimitOptions) => ({ windowMs: options.windowMs, standardHeaders: 'draft-8' as const, legacyHeaders: false });

/**
 * The chat page (staticSite puts it on the route that sends chat.html, so the redirect from
 * /chat to /chat/, the embed snippet and the page's assets are not counted).
 */
export function chatPageRateLimit(options: PublicRateLimitOptions): RequestHandler {
  const limiter = rateLimit({
    ...common(options),
    limit: options.chatPagesPerAddress,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
    // A page, so words on a page rather than JSON.
    handler: (_req, res) => void res.status(429).type('text/plain').send(`The chat has been opened too many times from your network. ${WAIT}`),
  });
  return limiter;
}

/**
 * The signed webhooks (Twilio): only requests the signature check refused (403) count, and only
 * once they are answered — express-rate-limit's own middleware counts every request as it
 * arrives, so a storm of signed webhooks in flight from one address would trip it. An address
 * over the limit is refused before its body is read; signed traffic is never limited.
 */
export function refusedWebhookRateLimit(options: PublicRateLimitOptions): RequestHandler {
  const store = new MemoryStore();
  store.init({ windowMs: options.windowMs } as Options);
  return async (req, res, next) => {
    const key = ipKeyGenerator(req.ip ?? 'unknown');
    const refused = await store.get(key);
    if (refused && refused.totalHits >= options.refusedWebhooksPerAddress) {
      const seconds = Math.max(1, Math.ceil(((refused.resetTime?.getTime() ?? Date.now()) - Date.now()) / 1000));
      res.status(429).set('Retry-After', String(seconds)).type('text/plain').send(`Too many unsigned or wrongly signed requests from this address. ${WAIT}`);
      return;
    }
    res.once('finish', () => {
      if (res.statusCode === 403) void store.increment(key);
    });
    next();
  };
}

/** GET /api/media/:id, after requireStaff: per person, so a shared office address is not one bucket. */
export function mediaRateLimit(options: PublicRateLimitOptions): RequestHandler {
  return rateLimit({
    ...common(options),
    limit: options.mediaPerStaff,
    keyGenerator: (_req, res) => `staff:${res.locals.session?.user.id ?? 'none'}`,
    handler: (_req, _res, next) => next(new AppError(AppErrorCode.RateLimited, `You have opened a great many attachments in a short time. ${WAIT}`)),
  });
}

/**
 * socket.io's engine middleware: new connections (a handshake has no `sid`) per address. The
 * requests are Node's own, not express's: the address is worked out as express would
 * (TRUST_PROXY), and the refusal is written by hand.
 */
export function socketConnectionRateLimit(options: PublicRateLimitOptions, trustProxy: boolean) {
  const limiter = rateLimit({
    ...common(options),
    limit: options.socketConnectionsPerAddress,
    // Node's response has no res.append for the RateLimit headers; Retry-After is written below.
    standardHeaders: false,
    // express-rate-limit's checks assume express (req.ip); the key below stands in for it.
    validate: false,
    skip: (req) => new URL(req.url ?? '/', 'http://socket.invalid').searchParams.has('sid'),
    keyGenerator: (req) => ipKeyGenerator(clientAddress(req, trustProxy)),
    handler: (req, res) => {
      const resetTime = (req as IncomingMessage & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const body = JSON.stringify({ error: { code: AppErrorCode.RateLimited, message: `Too many connections from your network. ${WAIT}` } });
      // Over a websocket upgrade the response is engine.io's stand-in: ending it closes the socket.
      const retryAfter = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now()) - Date.now()) / 1000));
      res.writeHead(429, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'retry-after': String(retryAfter) });
      res.end(body);
    },
  }) as unknown as (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
  return limiter;
}
