// The product under test, started as `npm start` starts it (server/src/main.ts: configuration
// from the environment, pino at the configured level, startServer) in its own process. The one
// difference: Twilio's HTTP layer is a fake that accepts every message after an optional delay,
// so bot replies go through the real outbox and the real Twilio SDK without leaving the machine.
// The parent asks for progress over IPC.
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

export type ProductRequest = { id: number; type: 'progress' | 'stored' | 'cpu' };
export type ProductReply =
  | { id: number; type: 'cpu'; cpuMicros: number }
  | { id: number; type: 'progress'; unprocessed: number; outboxOpen: number; sentToTwilio: number }
  | { id: number; type: 'stored'; inbound: { sid: string; processed: boolean }[] };

process.on('message', (request: ProductRequest) => {
  void (async () => {
    if (request.type === 'cpu') {
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

function reply(message: ProductReply): void {
  process.send?.(message);
}

let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  void server.close().then(() => process.exit(0));
});
process.send?.({ type: 'ready', url: server.url });
