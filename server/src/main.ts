// `npm start`: validate configuration, open and migrate the database, start one server process.
import { ConfigError, describeFeatures, loadConfig } from './config/config.ts';
import { createLogger } from './config/logger.ts';
import { startServer } from './createServer.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config);
  for (const feature of describeFeatures(config)) {
    logger.info({ feature: feature.feature, enabled: feature.on }, feature.on ? `${feature.feature} is on` : feature.off);
  }
  logger.info({ database: config.database.kind }, config.database.kind === 'pglite' ? `using embedded PostgreSQL in ${config.dataDir}` : 'using PostgreSQL from DATABASE_URL');

  const server = await startServer({ config, logger });
  const publicUrl = config.publicBaseUrl ?? server.url;
  logger.info({ url: publicUrl }, `complaints desk is running at ${publicUrl} (web chat: ${publicUrl}/chat)`);
  if (config.phoneSimulator) {
    logger.info({ url: `${publicUrl}/simulator` }, `try SMS and WhatsApp without Twilio in the phone simulator: ${publicUrl}/simulator`);
  }
  if (server.bootstrap.kind === 'setup-link') {
    // Printed, not logged: the link is a one-time credential and must not sit in log storage.
    process.stdout.write(
      `\nNo administrator yet. Open this one-time link within 24 hours to create one:\n  ${publicUrl}/setup#token=${server.bootstrap.token}\n\n`,
    );
  } else if (server.bootstrap.kind === 'created-from-environment') {
    logger.info('created the first administrator from ADMIN_EMAIL and ADMIN_PASSWORD');
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
