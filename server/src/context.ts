import type { Database, PrismaClient } from '@complaints/db';
import type { Config } from './config/config.ts';
import type { Logger } from './config/logger.ts';
import type { Broadcaster } from './realtime/broadcaster.ts';

/** What route handlers and services are given; built once in createServer. */
export interface ServerContext {
  config: Config;
  database: Database;
  prisma: PrismaClient;
  logger: Logger;
  /** The clock, injected so rules and tests never read the system time themselves. */
  now: () => Date;
  broadcaster: Broadcaster;
}
