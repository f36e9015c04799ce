import express, { type Express, type RequestHandler, type Router } from 'express';
import { pinoHttp } from 'pino-http';
import type { ServerContext } from '../context.ts';
import { authRoutes } from '../auth/routes.ts';
import { loadSession, requireStaff } from '../auth/middleware.ts';
import { calendarRoutes } from '../calendar/routes.ts';
import { categoryRoutes } from '../categories/routes.ts';
import { complaintRoutes } from '../complaints/routes.ts';
import { openApiRoutes } from '../openapi/routes.ts';
import { residentPanelRoutes } from '../residents/routes.ts';
import { staffRoutes } from '../staff/routes.ts';
import { AppError, AppErrorCode } from './appError.ts';
import { conversationRoutes, triageRoutes } from '../conversations/routes.ts';
import type { LiveChatSender } from '../conversations/replyToConversation.ts';
import { residentLookupRoutes } from '../residents/lookupRoutes.ts';
import { serviceRequestRoutes } from '../serviceRequests/routes.ts';
import { reportRoutes } from '../reports/routes.ts';
import { settingsRoutes } from '../settings/routes.ts';
import { dataProtectionRoutes } from '../dataProtection/routes.ts';
import { mediaRoutes } from '../media/routes.ts';
import type { MediaSource } from '@complaints/bot';
import { apiNotFound, errorHandler } from './errorHandler.ts';
import { requireSameOrigin } from './sameOrigin.ts';
import { securityHeaders } from './securityHeaders.ts';
import { refuseUnstorableInput } from './storableInput.ts';
import { chatPageRateLimit, DEFAULT_PUBLIC_RATE_LIMITS, mediaRateLimit, refusedWebhookRateLimit, type PublicRateLimitOptions } from './publicRateLimits.ts';
import { staticSite } from './staticSite.ts';

export interface AppOptions {
  /** Where the built console lives; tests may point elsewhere. */
  consoleDist?: string;
  /** Twilio webhooks, when Twilio is configured (signed by Twilio, not by a staff session). */
  twilioRoutes?: Router;
  /** The Bot Framework endpoint, when configured (authenticated by the channel's JWT). */
  botFrameworkRoutes?: Router;
  /** The development phone simulator's API; its page is served only when this is set. */
  simulatorRoutes?: Router;
  /** Sends staff replies on the resident's channel (the channel runtime). */
  liveChat?: LiveChatSender;
  /** Where attachments are fetched from for GET /api/media/:id (the channel runtime). */
  media?: MediaSource;
  /** The public endpoints' rate limits (publicRateLimits.ts); tests lower or raise them. */
  rateLimits?: Partial<PublicRateLimitOptions>;
}

/**
 * Every router under /api, by mount point: /auth (anonymous doors and the session) first, then
 * the staff API behind requireStaff. The OpenAPI test reads the routes from this same list, so a
 * new router cannot go undocumented (and the access matrix needs a row for each documented one).
 */
export function apiRouters(ctx: ServerContext, options: Pick<AppOptions, 'liveChat' | 'media'> = {}): [string, Router][] {
  return [['/auth', authRoutes(ctx)], ...staffApiRouters(ctx, options)];
}

function staffApiRouters(ctx: ServerContext, options: Pick<AppOptions, 'liveChat' | 'media'>): [string, Router][] {
  return [
    ['/complaints', complaintRoutes(ctx)],
    ['/calendar', calendarRoutes(ctx)],
    ['/staff', staffRoutes(ctx)],
    ['/categories', categoryRoutes(ctx)],
    ['/triage', triageRoutes(ctx)],
    ['/conversations', conversationRoutes(ctx, options.liveChat)],
    ['/residents', residentLookupRoutes(ctx)],
    ['/service-requests', serviceRequestRoutes(ctx)],
    ['/residents', residentPanelRoutes(ctx)],
    ['/reports', reportRoutes(ctx)],
    ['/settings', settingsRoutes(ctx)],
    ['/data-protection', dataProtectionRoutes(ctx)],
    ['/media', mediaRoutes(ctx, options.media)],
  ];
}

export function createApp(ctx: ServerContext, options: AppOptions = {}): Express {
  const app = express();
  const limits = { ...DEFAULT_PUBLIC_RATE_LIMITS, ...options.rateLimits };
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.trustProxy);
  app.use(securityHeaders(ctx.config));
  // Above the request log: in a storm each webhook logs one line of its own ('inbound message
  // stored', with the message id) instead of two, without the access log's per-request child
  // loggers.
  if (options.twilioRoutes) app.use('/twilio', refusedWebhookRateLimit(limits), options.twilioRoutes);
  app.use(
    pinoHttp({
      logger: ctx.logger,
      autoLogging: { ignore: (req) => req.url === '/healthz' },
      quietReqLogger: true,
      // Paths only: query strings can carry search terms such as a resident's phone number.
      serializers: {
        req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );

  app.get('/healthz', async (_req, res) => {
    try {
      await ctx.database.ping();
      res.json({ status: 'ok', database: ctx.database.kind });
    } catch (error) {
      ctx.logger.error({ err: error }, 'health check: database unreachable');
      res.status(503).json({ status: 'unavailable', database: ctx.database.kind });
    }
  });

  // Above the staff API: Azure Bot Service has no staff session. Off, it is a plain 404.
  app.use('/api/messages', options.botFrameworkRoutes ?? botFrameworkOff);
  if (options.simulatorRoutes) app.use('/simulator', options.simulatorRoutes);

  const api = express.Router();
  api.use(express.json({ limit: '256kb' }));
  api.use(requireSameOrigin(ctx.config.publicBaseUrl));
  api.use(refuseUnstorableInput);
  api.use(loadSession(ctx));
  api.use('/auth', authRoutes(ctx));
  api.use(openApiRoutes());
  // Everything below is for signed-in staff unless a route is mounted above this line.
  api.use(requireStaff);
  api.use('/media', mediaRateLimit(limits));
  for (const [prefix, router] of staffApiRouters(ctx, options)) api.use(prefix, router);
  api.use(apiNotFound);
  app.use('/api', api);

  app.use(staticSite(options.consoleDist, { simulator: Boolean(options.simulatorRoutes), chatPageLimit: chatPageRateLimit(limits) }));
  app.use(errorHandler(ctx.logger));
  return app;
}

const botFrameworkOff: RequestHandler = (_req, _res, next) => {
  next(new AppError(AppErrorCode.NotFound, 'The Bot Framework endpoint is off: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to turn it on.'));
};
