import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { ServerContext } from '../context.ts';
import { authRoutes } from '../auth/routes.ts';
import { loadSession, requireStaff } from '../auth/middleware.ts';
import { calendarRoutes } from '../calendar/routes.ts';
import { complaintRoutes } from '../complaints/routes.ts';
import { openApiRoutes } from '../openapi/routes.ts';
import { staffRoutes } from '../staff/routes.ts';
import { reportRoutes } from '../reports/routes.ts';
import { settingsRoutes } from '../settings/routes.ts';
import { dataProtectionRoutes } from '../dataProtection/routes.ts';
import { apiNotFound, errorHandler } from './errorHandler.ts';
import { requireSameOrigin } from './sameOrigin.ts';
import { staticSite } from './staticSite.ts';

export interface AppOptions {
  /** Where the built console lives; tests may point elsewhere. */
  consoleDist?: string;
  /** Twilio webhooks, when Twilio is configured (signed by Twilio, not by a staff session). */
  twilioRoutes?: Router;
}

export function createApp(ctx: ServerContext, options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // socket.io falls back to long-polling on the same origin; websockets need ws(s):.
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'img-src': ["'self'", 'data:'],
          'upgrade-insecure-requests': ctx.config.env === 'production' ? [] : null,
        },
      },
      strictTransportSecurity: ctx.config.env === 'production',
    }),
  );
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

  if (options.twilioRoutes) app.use('/twilio', options.twilioRoutes);

  const api = express.Router();
  api.use(express.json({ limit: '256kb' }));
  api.use(requireSameOrigin(ctx.config.publicBaseUrl));
  api.use(loadSession(ctx));
  api.use('/auth', authRoutes(ctx));
  api.use(openApiRoutes());
  // Everything below is for signed-in staff unless a route is mounted above this line.
  api.use(requireStaff);
  api.use('/complaints', complaintRoutes(ctx));
  api.use('/calendar', calendarRoutes(ctx));
  api.use('/staff', staffRoutes(ctx));
  api.use('/reports', reportRoutes(ctx));
  api.use('/settings', settingsRoutes(ctx));
  api.use('/data-protection', dataProtectionRoutes(ctx));
  api.use(apiNotFound);
  app.use('/api', api);

  app.use(staticSite(options.consoleDist));
  app.use(errorHandler(ctx.logger));
  return app;
}
