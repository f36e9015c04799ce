// The product under test, started as `npm start` starts it (server/src/main.ts: configuration
// from the environment, pino at the configured level, startServer) in its own process. The one
// difference: Twilio's HTTP layer is a fake that accepts every message after an optional delay,
// so bot replies go through the real outbox and the real Twilio SDK without leaving the machine.
// The parent asks for progress over IPC.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { createFakeTwilioHttpClient } from '@complaints/bot';
import { createLogger, loadConfig, startServer } from '@complaints/server';

const config = loadConfig();
const logger = createLogger(config);
const twilioDelayMs = Number(process.env.BENCH_TWILIO_LATENCY_MS ?? 0);
const fake = createFakeTwilioHttpClient();
let sentToTwilio = 0;
const twilioHttpClient: typeof fake = {
  ...fake,
  async request(options) {
    if (twilioDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, twilioDelayMs));
    const response = await fake.request(options);
    // The fake keeps every request for tests; a long benchmark only needs the count.
    fake.requests.length = 0;
    fake.accepted.length = 0;
    sentToTwilio++;
    return response;
  },
};

const server = await startServer({ config, logger, channels: { twilioHttpClient } });
const prisma = server.context.prisma;

export type ProductRequest = { id: number; type: 'progress' | 'stored' | 'cpu' | 'profile-start' | 'profile-stop' };
export type ProductReply =
  | { id: number; type: 'cpu'; cpuMicros: number }
  | { id: number; type: 'profile-start'; file?: string }
  | { id: number; type: 'profile-stop'; file?: string }
  | { id: number; type: 'progress'; unprocessed: number; outboxOpen: number; sentToTwilio: number }
  | { id: number; type: 'stored'; inbound: { sid: string; processed: boolean }[] };

process.on('message', (request: ProductRequest) => {
  void (async () => {
    if (request.type === 'profile-start' || request.type === 'profile-stop') {
      const file = await profile(request.type);
      reply(request.type === 'profile-start' ? { id: request.id, type: 'profile-start' } : { id: request.id, type: 'profile-stop', file });
    } else if (request.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      reply({ id: request.id, type: 'cpu', cpuMicros: user + system });
    } else if (request.type === 'progress') {
      const [unprocessed, outboxOpen] = await Promise.all([
        prisma.message.count({ where: { direction: 'inbound', processedAt: null } }),
        prisma.outboxMessage.count({ where: { status: { in: ['pending', 'sending'] } } }),
      ]);
      reply({ id: request.id, type: 'progress', unprocessed, outboxOpen, sentToTwilio });
    } else {
      const rows = await prisma.message.findMany({ where: { direction: 'inbound' }, select: { providerMessageId: true, processedAt: true } });
      reply({ id: request.id, type: 'stored', inbound: rows.map((row) => ({ sid: row.providerMessageId ?? '', processed: row.processedAt !== null })) });
    }
  })();
});

// BENCH_PROFILE_DIR: a CPU profile of the measured phases only (node --cpu-prof would also
// take in start-up and the drains), for chrome://inspect or any .cpuprofile viewer.
const inspector = new Session();
let profiles = 0;
async function profile(step: 'profile-start' | 'profile-stop'): Promise<string | undefined> {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return undefined;
  if (step === 'profile-start') {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
    return undefined;
  }
  const { profile: result } = await inspector.post('Profiler.stop');
  inspector.disconnect();
  const file = path.join(dir, `product-${process.pid}-${++profiles}.cpuprofile`);
  writeFileSync(file, JSON.stringify(result));
  return file;
}

function reply(message: ProductReply): void {
  process.send?.(message);
}

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
// The benchmark was stopped: do not outlive it.
process.on('disconnect', stop);
process.send?.({ type: 'ready', url: server.url });
