// Signed SMS webhooks: the product against a bare express handler doing one INSERT of the same
// row on the same database, measured in the same run (issue 5, "Channels", performance).
//
//   node --import tsx test/bench/webhooks.bench.ts [--database both|postgres|pglite]
//        [--seconds 10] [--rate 200] [--latency-seconds 30] [--connections 50]
//        [--twilio-latency-ms 0] [--postgres-url postgresql://postgres@127.0.0.1:5432/postgres]
//        [--profile DIR] [--keep-database]
//
// --profile DIR writes CPU profiles of the product's throughput and latency phases to DIR.
//
// Every option can also be given as an environment variable: BENCH_DATABASE, BENCH_SECONDS,
// BENCH_RATE, ... (upper case, dashes as underscores, BENCH_ in front).
//
// For each database (a throw-away PostgreSQL database, and a fresh PGlite folder):
//   1. baseline: a bare express app (baselineApp.ts), one INSERT per request;
//   2. product: the real server in its own process (productServer.ts: NODE_ENV=production,
//      LOG_LEVEL=info, Twilio on with a fake HTTP layer), bot turns and outbox running.
// Both get the same signed webhooks (traffic.ts) and are measured the same way (load.ts):
//   - throughput: closed loop, N connections, acknowledged requests per second;
//   - latency: open loop at a fixed rate, from when each request was due to its 200;
//   - product only: a signed-in staff socket.io client (websocket) times each inbound
//     message's conversation.message event from when its request was due; afterwards every
//     acknowledged MessageSid must be stored exactly once and processed (processedAt set).
// Targets: throughput >= 50% of the baseline; p99 acknowledgement < 50 ms and p99 staff event
// < 100 ms at 200 requests/s. The machine's load average is printed: other work on the machine
// moves absolute figures, much less the ratio to a baseline measured minutes apart.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openDatabase, pgliteDirectory } from '@complaints/db';
import { createConversation, createResident } from '@complaints/db/factories';
import { freePort } from '../support/serverProcess.ts';
import { closedLoop, openLoop, summarise, type ClosedLoopResult, type OpenLoopResult } from './webhooks/load.ts';
import { ADMIN, adminQuery, staffSocket } from './webhooks/benchServer.ts';
import { ask, startChild, type Child } from './webhooks/processes.ts';
import { ACCOUNT_SID, AUTH_TOKEN, BASELINE_PHONE, createTraffic, PUBLIC_BASE_URL, SMS_FROM, tagOf } from './webhooks/traffic.ts';

const TARGET_RATIO = 0.5;
const TARGET_ACK_P99_MS = 50;
const TARGET_EVENT_P99_MS = 100;

const { values: flags } = parseArgs({
  options: {
    database: { type: 'string' },
    seconds: { type: 'string' },
    rate: { type: 'string' },
    'latency-seconds': { type: 'string' },
    connections: { type: 'string' },
    'warmup-seconds': { type: 'string' },
    'twilio-latency-ms': { type: 'string' },
    'postgres-url': { type: 'string' },
    profile: { type: 'string' },
    'keep-database': { type: 'boolean' },
  },
});
const option = (name: keyof typeof flags, fallback: string): string =>
  (flags[name] as string | undefined) ?? process.env[`BENCH_${name.toUpperCase().replaceAll('-', '_')}`] ?? fallback;
const settings = {
  databases: (option('database', 'both') === 'both' ? ['postgres', 'pglite'] : [option('database', 'both')]) as ('postgres' | 'pglite')[],
  seconds: Number(option('seconds', '10')),
  rate: Number(option('rate', '200')),
  latencySeconds: Number(option('latency-seconds', '30')),
  connections: Number(option('connections', '50')),
  warmupSeconds: Number(option('warmup-seconds', '3')),
  twilioLatencyMs: Number(option('twilio-latency-ms', '0')),
  postgresUrl: option('postgres-url', 'postgresql://postgres@127.0.0.1:5432/postgres'),
  profile: option('profile', ''),
  keepDatabase: Boolean(flags['keep-database']) || process.env.BENCH_KEEP_DATABASE === '1',
};
for (const kind of settings.databases) if (kind !== 'postgres' && kind !== 'pglite') throw new Error(`--database must be both, postgres or pglite (got "${kind}")`);

const workDir = mkdtempSync(path.join(os.tmpdir(), 'bench-webhooks-'));

interface PreparedDatabase {
  kind: 'postgres' | 'pglite';
  target: Parameters<typeof openDatabase>[0];
  baselineConversationId: string;
  description: string;
  /** The product's environment for this database. */
  productEnv: Record<string, string>;
  baselineEnv: Record<string, string>;
  drop(): Promise<void>;
}

async function prepareDatabase(kind: 'postgres' | 'pglite'): Promise<PreparedDatabase> {
  let target: Parameters<typeof openDatabase>[0];
  let description: string;
  let productEnv: Record<string, string>;
  let baselineEnv: Record<string, string>;
  let drop: () => Promise<void>;
  if (kind === 'postgres') {
    const name = `bench_webhooks_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    const version = await adminQuery(settings.postgresUrl, `SELECT current_setting('server_version') AS v`);
    await adminQuery(settings.postgresUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(settings.postgresUrl);
    url.pathname = `/${name}`;
    target = { kind: 'postgres', url: url.toString() };
    description = `PostgreSQL ${version} at ${url.host}, throw-away database ${name}`;
    productEnv = { DATABASE_URL: url.toString() };
    baselineEnv = { DATABASE_URL: url.toString() };
    drop = async () => void (await adminQuery(settings.postgresUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  } else {
    const dataDir = path.join(workDir, 'data');
    mkdirSync(dataDir, { recursive: true });
    target = { kind: 'pglite', dataDir };
    const version = (JSON.parse(readFileSync(path.join(path.dirname(new URL(import.meta.resolve('@electric-sql/pglite')).pathname), '..', 'package.json'), 'utf8')) as { version: string }).version;
    description = `PGlite ${version} (embedded, in the server process), fresh folder ${pgliteDirectory(dataDir)}`;
    productEnv = { DATA_DIR: dataDir };
    baselineEnv = { BENCH_PGLITE_DIR: pgliteDirectory(dataDir) };
    drop = async () => rmSync(dataDir, { recursive: true, force: true });
  }
  // Migrate, and give the baseline a conversation of its own to insert into.
  const database = await openDatabase(target);
  let baselineConversationId: string;
  try {
    const resident = await createResident(database.prisma, { phone: BASELINE_PHONE });
    baselineConversationId = (await createConversation(database.prisma, resident.id, 'sms')).id;
    baselineEnv.BENCH_CONVERSATION_ID = baselineConversationId;
  } finally {
    await database.close();
  }
  return { kind, target, baselineConversationId, description, productEnv, baselineEnv, drop };
}

interface Measured {
  throughput: ClosedLoopResult;
  /** Server process CPU time per acknowledged request in the throughput phase (µs). */
  cpuPerRequest: number;
  latency: OpenLoopResult;
}

interface ProductMeasured extends Measured {
  eventLatencies: number[];
  eventsMissing: number;
  drainAfterThroughput: { seconds: number; messages: number; cpuPerMessage: number };
  verification: { acknowledged: number; stored: number; processed: number; duplicates: number; missing: number };
  sentToTwilio: number;
}

const log = (line: string) => console.log(`  ${new Date().toISOString().slice(11, 19)} ${line}`);

async function measureBaseline(db: PreparedDatabase): Promise<Measured> {
  const child = await startChild('baselineApp.ts', { env: db.baselineEnv, logFile: path.join(workDir, `baseline-${db.kind}.log`) });
  try {
    const traffic = createTraffic(7);
    log(`baseline: warm-up ${settings.warmupSeconds} s`);
    await openLoop(child.url, traffic, { rate: settings.rate, seconds: settings.warmupSeconds });
    log(`baseline: throughput, closed loop, ${settings.connections} connections, ${settings.seconds} s`);
    const cpuBefore = (await ask(child, 'cpu')).cpuMicros;
    const throughput = await closedLoop(child.url, traffic, { connections: settings.connections, seconds: settings.seconds });
    const cpuPerRequest = ((await ask(child, 'cpu')).cpuMicros - cpuBefore) / throughput.ok;
    log(`baseline: ${throughput.requestsPerSecond.toFixed(0)} req/s; latency at ${settings.rate} req/s for ${settings.latencySeconds} s`);
    const latency = await openLoop(child.url, traffic, { rate: settings.rate, seconds: settings.latencySeconds });
    return { throughput, cpuPerRequest, latency };
  } finally {
    await child.stop();
    // The product starts with the same tables, but without the baseline's rows (its turn
    // runner would otherwise pick them up as unprocessed messages).
    const database = await openDatabase(db.target, { migrate: false });
    await database.prisma.message.deleteMany({ where: { conversationId: db.baselineConversationId } });
    await database.close();
  }
}

async function measureProduct(db: PreparedDatabase): Promise<ProductMeasured> {
  const port = await freePort();
  if (settings.profile) mkdirSync(settings.profile, { recursive: true });
  const child = await startChild('productServer.ts', {
    env: {
      ...db.productEnv,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_SMS_FROM: SMS_FROM,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      BENCH_TWILIO_LATENCY_MS: String(settings.twilioLatencyMs),
      ...(settings.profile ? { BENCH_PROFILE_DIR: path.resolve(settings.profile) } : {}),
    },
    logFile: path.join(workDir, `product-${db.kind}.log`),
  });
  const url = `http://127.0.0.1:${port}`;
  const socket = await staffSocket(url);
  // A dropped staff socket would show as events that never came: say why it dropped.
  socket.on('disconnect', (reason) => log(`product: the staff socket disconnected (${reason})`));
  try {
    const traffic = createTraffic(11);
    const acknowledged: string[] = [];
    log(`product: warm-up ${settings.warmupSeconds} s`);
    acknowledged.push(...(await openLoop(url, traffic, { rate: settings.rate, seconds: settings.warmupSeconds })).acknowledged);
    await drain(child);
    log(`product: throughput, closed loop, ${settings.connections} connections, ${settings.seconds} s`);
    await ask(child, 'profile-start');
    const cpuBefore = (await ask(child, 'cpu')).cpuMicros;
    const throughput = await closedLoop(url, traffic, { connections: settings.connections, seconds: settings.seconds });
    const cpuAfterThroughput = (await ask(child, 'cpu')).cpuMicros;
    const profiled = (await ask(child, 'profile-stop')).file;
    if (profiled) log(`product: CPU profile of the throughput phase in ${profiled}`);
    acknowledged.push(...throughput.acknowledged);
    log(`product: ${throughput.requestsPerSecond.toFixed(0)} req/s; waiting for the bot turns and outbox to catch up`);
    const drainSeconds = await drain(child);
    const drainAfterThroughput = { seconds: drainSeconds, messages: throughput.ok, cpuPerMessage: ((await ask(child, 'cpu')).cpuMicros - cpuBefore) / throughput.ok };
    const cpuPerRequest = (cpuAfterThroughput - cpuBefore) / throughput.ok;

    // Staff console events, timed from when each request was due.
    const dueAt = new Map<string, number>();
    const eventLatencies: number[] = [];
    socket.on('conversation.message', (payload: { message: { direction: string; body: string } }) => {
      if (payload.message.direction !== 'inbound') return;
      const tag = tagOf(payload.message.body);
      const due = tag === undefined ? undefined : dueAt.get(tag);
      if (due === undefined) return;
      eventLatencies.push(performance.now() - due);
      dueAt.delete(tag!);
    });
    log(`product: latency at ${settings.rate} req/s for ${settings.latencySeconds} s, staff socket listening`);
    await ask(child, 'profile-start');
    const latency = await openLoop(url, traffic, { rate: settings.rate, seconds: settings.latencySeconds, onSent: (sent) => dueAt.set(sent.webhook.tag, sent.dueAt) });
    const latencyProfile = (await ask(child, 'profile-stop')).file;
    if (latencyProfile) log(`product: CPU profile of the latency phase in ${latencyProfile}`);
    acknowledged.push(...latency.acknowledged);
    log('product: waiting for the bot turns and outbox to finish, then checking every acknowledged message');
    await drain(child);
    await new Promise((resolve) => setTimeout(resolve, 500)); // last socket events in flight
    const eventsMissing = dueAt.size;

    const stored = (await ask(child, 'stored')).inbound;
    const bySid = new Map<string, { count: number; processed: boolean }>();
    for (const row of stored) {
      const seen = bySid.get(row.sid);
      bySid.set(row.sid, { count: (seen?.count ?? 0) + 1, processed: row.processed && (seen?.processed ?? true) });
    }
    let storedOnce = 0;
    let processed = 0;
    let duplicates = 0;
    let missing = 0;
    for (const sid of acknowledged) {
      const row = bySid.get(sid);
      if (!row) missing++;
      else {
        if (row.count === 1) storedOnce++;
        else duplicates++;
        if (row.processed) processed++;
      }
    }
    const progress = await ask(child, 'progress');
    return {
      throughput,
      cpuPerRequest,
      latency,
      eventLatencies,
      eventsMissing,
      drainAfterThroughput,
      verification: { acknowledged: acknowledged.length, stored: storedOnce, processed, duplicates, missing },
      sentToTwilio: progress.sentToTwilio,
    };
  } finally {
    socket.close();
    await child.stop();
  }
}

/** Waits until every inbound message is processed and the outbox is empty; returns the seconds it took. */
async function drain(child: Child, timeoutSeconds = 900): Promise<number> {
  const started = performance.now();
  for (;;) {
    const progress = await ask(child, 'progress');
    if (progress.unprocessed === 0 && progress.outboxOpen === 0) return (performance.now() - started) / 1000;
    if (performance.now() - started > timeoutSeconds * 1000) throw new Error(`not drained after ${timeoutSeconds} s: ${JSON.stringify(progress)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// ---- report -------------------------------------------------------------------------------

const ms = (value: number) => (Number.isNaN(value) ? '—' : `${value.toFixed(1)} ms`);
const micros = (value: number) => `${Math.round(value).toLocaleString('en-GB')} µs`;
const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-GB')} req/s`;
const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');

function row(cells: string[]): string {
  const widths = [38, 16, 16, 26, 12];
  return cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' ').trimEnd();
}

function report(db: PreparedDatabase, baseline: Measured, product: ProductMeasured, load: { before: string; after: string }): boolean {
  const ratio = product.throughput.requestsPerSecond / baseline.throughput.requestsPerSecond;
  const base = summarise(baseline.latency.latencies);
  const prod = summarise(product.latency.latencies);
  const events = summarise(product.eventLatencies);
  const v = product.verification;
  const exact = v.missing === 0 && v.duplicates === 0 && v.processed === v.acknowledged && v.stored === v.acknowledged;
  const rateHeld = product.latency.achievedRate >= settings.rate * 0.97;
  const checks = {
    throughput: ratio >= TARGET_RATIO,
    ack: prod.p99 < TARGET_ACK_P99_MS && product.latency.failed === 0 && rateHeld,
    event: events.p99 < TARGET_EVENT_P99_MS && product.eventsMissing === 0,
    exact,
  };
  const lines = [
    '',
    `== ${db.description}`,
    `   load average (1/5/15 min) before ${load.before}, after ${load.after}`,
    row(['', 'baseline', 'product', 'target', 'result']),
    row([
      `throughput, closed loop, ${settings.connections} connections`,
      perSecond(baseline.throughput.requestsPerSecond),
      perSecond(product.throughput.requestsPerSecond),
      `product >= ${TARGET_RATIO * 100}% of baseline`,
      `${(ratio * 100).toFixed(1)}% ${verdict(checks.throughput)}`,
    ]),
    row([`  (errors; p99 under that load)`, `${baseline.throughput.failed}; ${ms(baseline.throughput.p99Ms)}`, `${product.throughput.failed}; ${ms(product.throughput.p99Ms)}`]),
    row(['  server CPU per acknowledged request', micros(baseline.cpuPerRequest), micros(product.cpuPerRequest), 'informative', `${(product.cpuPerRequest / baseline.cpuPerRequest).toFixed(1)}x`]),
    row([`acknowledgement at ${settings.rate} req/s, ${settings.latencySeconds} s  p50`, ms(base.p50), ms(prod.p50)]),
    row(['                                    p95', ms(base.p95), ms(prod.p95)]),
    row(['                                    p99', ms(base.p99), ms(prod.p99), `p99 < ${TARGET_ACK_P99_MS} ms`, verdict(checks.ack)]),
    row(['                                    max', ms(base.max), ms(prod.max)]),
    row([
      '  (errors; achieved rate; generator lag)',
      `${baseline.latency.failed}; ${baseline.latency.achievedRate.toFixed(0)}/s; ${ms(baseline.latency.maxSendLagMs)}`,
      `${product.latency.failed}; ${product.latency.achievedRate.toFixed(0)}/s; ${ms(product.latency.maxSendLagMs)}`,
    ]),
    row([`resident message -> staff event       p50`, '', ms(events.p50)]),
    row(['  (from when the request was due)    p95', '', ms(events.p95)]),
    row(['                                    p99', '', ms(events.p99), `p99 < ${TARGET_EVENT_P99_MS} ms`, verdict(checks.event)]),
    row(['                                    max', '', `${ms(events.max)}${product.eventsMissing ? `, ${product.eventsMissing} never came` : ''}`]),
    row([
      'every acknowledged message stored once',
      '',
      `${v.acknowledged} acked`,
      'all stored once, processed',
      verdict(checks.exact),
    ]),
    `   ${v.stored} stored once, ${v.duplicates} stored twice, ${v.missing} missing, ${v.processed} processed; ${product.sentToTwilio} bot replies sent to the fake Twilio` +
      (settings.twilioLatencyMs ? ` (${settings.twilioLatencyMs} ms each)` : ''),
    `   after the throughput phase, bot turns and outbox took ${product.drainAfterThroughput.seconds.toFixed(1)} s more to finish its ${product.drainAfterThroughput.messages} messages` +
      ` (end to end ${(product.drainAfterThroughput.messages / (settings.seconds + product.drainAfterThroughput.seconds)).toFixed(0)} messages/s,` +
      ` ${micros(product.drainAfterThroughput.cpuPerMessage)} of server CPU per message with its bot turn and replies)`,
  ];
  if (!rateHeld) lines.push(`   NOTE: the product was offered ${product.latency.achievedRate.toFixed(0)} req/s, not ${settings.rate}: it fell behind, so the acknowledgement target fails`);
  const lag = Math.max(baseline.latency.maxSendLagMs, product.latency.maxSendLagMs);
  if (lag > 20) lines.push(`   note: the load generator itself was up to ${lag.toFixed(0)} ms late at times; latencies count from when each request was due, so they include that`);
  console.log(lines.join('\n'));
  return Object.values(checks).every(Boolean);
}

// ---- run ----------------------------------------------------------------------------------

const cpus = os.cpus();
console.log(`webhook benchmark: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${os.platform()} ${os.release()}`);
console.log(
  `throughput ${settings.seconds} s x ${settings.connections} connections; latency ${settings.rate} req/s x ${settings.latencySeconds} s; warm-up ${settings.warmupSeconds} s;` +
    ` fake Twilio answers after ${settings.twilioLatencyMs} ms; logs in ${workDir}`,
);
const results: { kind: string; passed: boolean }[] = [];
for (const kind of settings.databases) {
  console.log(`\n-- ${kind}`);
  const db = await prepareDatabase(kind);
  const before = loadAverage();
  try {
    const baseline = await measureBaseline(db);
    const product = await measureProduct(db);
    results.push({ kind, passed: report(db, baseline, product, { before, after: loadAverage() }) });
  } finally {
    if (settings.keepDatabase) console.log(`   kept: ${db.description}`);
    else await db.drop();
  }
}
console.log(`\n${results.map((r) => `${r.kind}: ${r.passed ? 'all targets met' : 'targets NOT met'}`).join('; ')}`);
console.log(`(figures from one run; the machine's other load moves absolute numbers, so compare the product with the baseline above it)`);
if (results.every((r) => r.passed) && !settings.keepDatabase) rmSync(workDir, { recursive: true, force: true });
process.exitCode = results.every((r) => r.passed) ? 0 : 1;
