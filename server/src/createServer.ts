// Builds and starts the whole server: database (migrated), first administrator, HTTP app and
// socket.io. main.ts calls it with the real environment; tests call it with their own.
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase, type Database } from '@complaints/db';
import type { Config } from './config/config.ts';
import type { Logger } from './config/logger.ts';
import type { ServerContext } from './context.ts';
import { bootstrapAdministrator, type BootstrapOutcome } from './auth/setupAdministrator.ts';
import { answerClientError } from './http/clientErrors.ts';
import { createApp, type AppOptions } from './http/createApp.ts';
import { DEFAULT_PUBLIC_RATE_LIMITS, socketConnectionRateLimit } from './http/publicRateLimits.ts';
import { socketSecurityHeaders } from './http/securityHeaders.ts';
import { createSocketServer, SocketBroadcaster } from './realtime/socketServer.ts';
import { WEB_CHAT_NAMESPACE } from './channels/webchat/chatNamespace.ts';
import { createBotRuntime, type ChannelRuntime, type ChannelRuntimeOptions } from './channels/botRuntime.ts';
import { startRetentionSweeper } from './dataProtection/retentionSweeper.ts';
import { attachRedisAdapter } from './realtime/redisAdapter.ts';
import { AfterCommitBroadcaster, scopedPrisma } from './channels/turnScope.ts';

/** Longer than load balancers' idle timeout (60 s on most). */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface RunningServer {
  context: ServerContext;
  httpServer: HttpServer;
  url: string;
  bootstrap: BootstrapOutcome;
  channels: ChannelRuntime;
  close(): Promise<void>;
}

export interface CreateServerOptions extends AppOptions {
  config: Config;
  logger: Logger;
  /** Reuse an open database (tests); otherwise one is opened and migrated from config. */
  database?: Database;
  now?: () => Date;
  /** Channel test seams (a fake Twilio HTTP client, a fast outbox poll). */
  channels?: ChannelRuntimeOptions;
}

export async function startServer(options: CreateServerOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const database = options.database ?? (await openDatabase(config.database));
  if (database.migrationsApplied.length) logger.info({ migrations: database.migrationsApplied }, 'applied database migrations');

  // One client for everyone: inside a bot turn it is the turn's transaction (turnScope.ts).
  const base = { config, database, prisma: scopedPrisma(database.prisma), logger, now: options.now ?? (() => new Date()) };
  const io = createSocketServer(base);
  // Before any namespace is made, so the staff events and the web chat's both fan out.
  const redis = config.redisUrl ? await attachRedisAdapter(io, { url: config.redisUrl, keyPrefix: config.redisKeyPrefix, logger }) : undefined;
  const context: ServerContext = { ...base, broadcaster: new AfterCommitBroadcaster(new SocketBroadcaster(io)) };
  const channels = createBotRuntime(context, options.channels, io.of(WEB_CHAT_NAMESPACE));
  const httpServer = createHttpServer(
    createApp(context, { ...options, twilioRoutes: channels.twilioRoutes, botFrameworkRoutes: channels.botFrameworkRoutes, simulatorRoutes: channels.simulatorRoutes, liveChat: channels, media: channels.media }),
  );
  httpServer.on('clientError', answerClientError);
  // Idle keep-alive connections stay open longer than a load balancer's (60 s is usual): with
  // Node's 5 s, a balancer (or Twilio) reusing a connection the server is just closing gets a
  // reset — a 502 or a failed webhook under steady traffic.
  httpServer.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  httpServer.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  io.attach(httpServer);
  // engine.io answers /socket.io/ before express: its responses get the same headers, and new
  // connections are limited per address (publicRateLimits.ts).
  io.engine.use(socketSecurityHeaders(config));
  io.engine.use(socketConnectionRateLimit({ ...DEFAULT_PUBLIC_RATE_LIMITS, ...options.rateLimits }, config.trustProxy));

  const bootstrap = await bootstrapAdministrator(context);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  await channels.start(url);
  const retention = startRetentionSweeper(context);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await retention.stop();
      await channels.close();
      await io.close(); // also closes the HTTP server
      await redis?.close();
      if (!options.database) await database.close();
    })());
  return { context, httpServer, url, bootstrap, channels, close };
}
