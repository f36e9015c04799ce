// Two server processes on one PostgreSQL and one Redis under a sustained storm of signed SMS
// webhooks (issue 8, "Scale-out and resilience", load), with the bare-INSERT baseline (two
// processes of baselineApp.ts) measured in the same run at the same rate.
//
//   node --import tsx test/bench/scaleOut.bench.ts [--rate 300] [--seconds 60]
//        [--baseline-seconds 20] [--ceiling 100,150,200,250,400,500,600] [--step-seconds 20]
//        [--postgres-url postgresql://postgres@127.0.0.1:5432/postgres] [--redis-url redis://127.0.0.1:6379]
//        [--profile DIR]
//
// --profile DIR writes a CPU profile of each product process over the main storm and its drain.
//
// Each option can also be given as BENCH_RATE, BENCH_SECONDS, ... (upper case, BENCH_ in front).
//
// The storm: traffic.ts (most messages from many numbers, a few numbers sending long runs into
// one conversation), one generator shared by two open loops, each sending half the rate to one
// process — so a busy resident's messages arrive at both processes, and their turns must still
// run one at a time, in order, once. Measured:
//   - acknowledgement latency, from when each request was due to its 200 (target p99 < 100 ms);
//   - every acknowledged MessageSid stored exactly once and processed (zero lost, zero duplicated);
//   - each message's turn: processedAt - createdAt, read from the database (target: all < 5 s);
//   - a staff socket on process B times the inbound events of messages posted to process A
//     (Redis adapter), informative;
//   - how long after its turn each reply was sent (the outbox), informative;
//   - CPU used by each product process, by this load generator and by the rest of the machine
//     (PostgreSQL, Redis, the kernel), to say what limits the ceiling on this machine.
// Then the ceiling: the same storm at the --ceiling rates above --rate for --step-seconds each,
// until one misses a target (or, when --rate itself missed, at the rates below it, highest
// first, until one meets them all); the highest rate that met every target is reported.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@complaints/db';
import { createConversation, createResident } from '@complaints/db/factories';
import { freePort } from '../support/serverProcess.ts';
import { openLoop, summarise, type OpenLoopResult } from './webhooks/load.ts';
import { ADMIN, adminQuery, staffSocket } from './webhooks/benchServer.ts';
import { ask, startChild, type Child } from './webhooks/processes.ts';
import { ACCOUNT_SID, AUTH_TOKEN, BASELINE_PHONE, createTraffic, PUBLIC_BASE_URL, SMS_FROM, tagOf } from './webhooks/traffic.ts';

const TARGET = { ackP99Ms: 100, turnMaxMs: 5_000 };
const PROCESSES = 2;

const { values: flags } = parseArgs({
  options: {
    rate: { type: 'string' },
    seconds: { type: 'string' },
    'baseline-seconds': { type: 'string' },
    ceiling: { type: 'string' },
    'step-seconds': { type: 'string' },
    'postgres-url': { type: 'string' },
    'redis-url': { type: 'string' },
    profile: { type: 'string' },
  },
});
const option = (name: keyof typeof flags, fallback: string): string =>
  (flags[name] as string | undefined) ?? process.env[`BENCH_${name.toUpperCase().replaceAll('-', '_')}`] ?? fallback;
const settings = {
  rate: Number(option('rate', '300')),
  seconds: Number(option('seconds', '60')),
  baselineSeconds: Number(option('baseline-seconds', '20')),
  ceiling: option('ceiling', '100,150,200,250,400,500,600')
    .split(',')
    .filter((rate) => rate.trim() !== '')
    .map(Number),
  stepSeconds: Number(option('step-seconds', '20')),
  postgresUrl: option('postgres-url', 'postgresql://postgres@127.0.0.1:5432/postgres'),
  redisUrl: option('redis-url', 'redis://127.0.0.1:6379'),
  profile: option('profile', ''),
};

const workDir = mkdtempSync(path.join(os.tmpdir(), 'bench-scale-out-'));
const log = (line: string) => console.log(`  ${new Date().toISOString().slice(11, 19)} ${line}`);

/** CPU seconds the whole machine has been busy (/proc/stat: all but idle and I/O wait). */
function machineBusySeconds(): number {
  const ticks = 100; // USER_HZ on Linux
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
  return (total - fields[3]! - fields[4]!) / ticks;
}

interface Cpu {
  products: number[];
  machine: number;
  generator: number;
}

async function cpuNow(children: Child[]): Promise<Cpu> {
  const usage = process.cpuUsage();
  return {
    products: await Promise.all(children.map(async (child) => (await ask(child, 'cpu')).cpuMicros / 1e6)),
    machine: machineBusySeconds(),
    generator: (usage.user + usage.system) / 1e6,
  };
}

function cpuShare(before: Cpu, after: Cpu, seconds: number): string {
  const share = (used: number) => `${((used / seconds) * 100).toFixed(0)}%`;
  const productSeconds = after.products.map((value, i) => value - before.products[i]!);
  const generator = after.generator - before.generator;
  const rest = after.machine - before.machine - productSeconds.reduce((sum, value) => sum + value, 0) - generator;
  return `product processes ${productSeconds.map(share).join(' + ')}, load generator ${share(generator)}, the rest (PostgreSQL, Redis, kernel) ${share(rest)}; machine ${share(after.machine - before.machine)} of ${os.cpus().length * 100}%`;
}

/** Both loops share one traffic generator, each sending half the rate to its process. */
async function storm(urls: string[], traffic: ReturnType<typeof createTraffic>, rate: number, seconds: number, onSent?: Parameters<typeof openLoop>[2]['onSent']) {
  const results = await Promise.all(urls.map((url) => openLoop(url, traffic, { rate: rate / urls.length, seconds, ...(onSent ? { onSent: (sent) => onSent(sent) } : {}) })));
  const merged: OpenLoopResult = {
    latencies: results.flatMap((r) => r.latencies),
    acknowledged: results.flatMap((r) => r.acknowledged),
    failed: results.reduce((sum, r) => sum + r.failed, 0),
    failures: results.reduce<Record<string, number>>((all, r) => {
      for (const [reason, count] of Object.entries(r.failures)) all[reason] = (all[reason] ?? 0) + count;
      return all;
    }, {}),
    maxSendLagMs: Math.max(...results.map((r) => r.maxSendLagMs)),
    achievedRate: results.reduce((sum, r) => sum + r.achievedRate, 0),
  };
  return merged;
}

async function prepareDatabase() {
  const name = `bench_scale_out_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const version = await adminQuery(settings.postgresUrl, `SELECT current_setting('server_version') AS v`);
  await adminQuery(settings.postgresUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(settings.postgresUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  const resident = await createResident(database.prisma, { phone: BASELINE_PHONE });
  const baselineConversationId = (await createConversation(database.prisma, resident.id, 'sms')).id;
  return {
    url: url.toString(),
    database,
    baselineConversationId,
    description: `PostgreSQL ${version} at ${url.host}, throw-away database ${name}`,
    drop: async () => {
      await database.close();
      await adminQuery(settings.postgresUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
type Prepared = Awaited<ReturnType<typeof prepareDatabase>>;

async function measureBaseline(db: Prepared) {
  const children: Child[] = [];
  try {
    for (let i = 0; i < PROCESSES; i++) {
      children.push(await startChild('baselineApp.ts', { env: { DATABASE_URL: db.url, BENCH_CONVERSATION_ID: db.baselineConversationId }, logFile: path.join(workDir, `baseline-${i}.log`) }));
    }
    const traffic = createTraffic(5);
    await storm(
      children.map((child) => child.url),
      traffic,
      settings.rate,
      3,
    );
    log(`baseline: ${PROCESSES} processes, ${settings.rate} req/s for ${settings.baselineSeconds} s`);
    return await storm(
      children.map((child) => child.url),
      traffic,
      settings.rate,
      settings.baselineSeconds,
    );
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    await db.database.query(`DELETE FROM "Message" WHERE "conversationId" = $1::uuid`, [db.baselineConversationId]);
  }
}

async function startProducts(db: Prepared): Promise<Child[]> {
  const children: Child[] = [];
  const prefix = `bench-scale-out-${randomBytes(3).toString('hex')}:`;
  // One after the other: the first creates the administrator.
  for (let i = 0; i < PROCESSES; i++) {
    const port = await freePort();
    children.push(
      await startChild('productServer.ts', {
        env: {
          DATABASE_URL: db.url,
          REDIS_URL: settings.redisUrl,
          REDIS_KEY_PREFIX: prefix,
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
          ...(settings.profile ? { BENCH_PROFILE_DIR: path.resolve(settings.profile) } : {}),
        },
        logFile: path.join(workDir, `product-${i}.log`),
      }),
    );
  }
  return children;
}

/** Waits until no inbound message is unprocessed and the outbox is empty; the seconds it took. */
async function drain(db: Prepared, timeoutSeconds = 600): Promise<number> {
  const started = performance.now();
  for (;;) {
    const [row] = await db.database.query<{ unprocessed: number; open: number }>(
      `SELECT (SELECT count(*)::int FROM "Message" WHERE "direction" = 'inbound' AND "processedAt" IS NULL) AS "unprocessed",
              (SELECT count(*)::int FROM "OutboxMessage" WHERE "status" IN ('pending', 'sending')) AS "open"`,
    );
    if (row!.unprocessed === 0 && row!.open === 0) return (performance.now() - started) / 1000;
    if (performance.now() - started > timeoutSeconds * 1000) throw new Error(`not drained after ${timeoutSeconds} s: ${JSON.stringify(row)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

interface StepResult {
  rate: number;
  seconds: number;
  sent: OpenLoopResult;
  ack: ReturnType<typeof summarise>;
  turns: ReturnType<typeof summarise>;
  turnsOver: number;
  replies: ReturnType<typeof summarise>;
  acknowledged: number;
  storedOnce: number;
  duplicates: number;
  missing: number;
  unprocessed: number;
  drainSeconds: number;
  cpu: string;
  passed: boolean;
}

/** One storm at `rate`, then drained and checked against the database. */
async function step(db: Prepared, children: Child[], traffic: ReturnType<typeof createTraffic>, rate: number, seconds: number, onSent?: Parameters<typeof storm>[4]): Promise<StepResult> {
  const cpuBefore = await cpuNow(children);
  const [{ startedAt }] = (await db.database.query<{ startedAt: Date }>('SELECT now() AS "startedAt"')) as [{ startedAt: Date }];
  const began = performance.now();
  const sent = await storm(
    children.map((child) => child.url),
    traffic,
    rate,
    seconds,
    onSent,
  );
  const cpu = cpuShare(cpuBefore, await cpuNow(children), (performance.now() - began) / 1000);
  const drainSeconds = await drain(db);
  const rows = await db.database.query<{ sid: string; copies: number; processed: number; turnMs: number | null }>(
    `SELECT "providerMessageId" AS "sid", count(*)::int AS "copies", count("processedAt")::int AS "processed",
            max(EXTRACT(EPOCH FROM ("processedAt" - "createdAt")) * 1000)::float8 AS "turnMs"
     FROM "Message" WHERE "providerMessageId" = ANY($1::text[]) GROUP BY "providerMessageId"`,
    [sent.acknowledged],
  );
  const bySid = new Map(rows.map((row) => [row.sid, row]));
  let storedOnce = 0;
  let duplicates = 0;
  let missing = 0;
  let unprocessed = 0;
  const turnTimes: number[] = [];
  for (const sid of sent.acknowledged) {
    const row = bySid.get(sid);
    if (!row) {
      missing++;
      continue;
    }
    if (row.copies === 1) storedOnce++;
    else duplicates++;
    if (row.processed !== row.copies) unprocessed++;
    if (row.turnMs !== null) turnTimes.push(row.turnMs);
  }
  const replyRows = await db.database.query<{ ms: number }>(
    `SELECT (EXTRACT(EPOCH FROM (o."updatedAt" - m."createdAt")) * 1000)::float8 AS "ms" FROM "Message" m JOIN "OutboxMessage" o ON o."messageSeq" = m."seq"
     WHERE m."direction" = 'outbound' AND m."createdAt" >= $1 AND o."status" = 'sent'`,
    [startedAt],
  );
  const replies = summarise(replyRows.map((row) => row.ms));
  const ack = summarise(sent.latencies);
  const turns = summarise(turnTimes);
  const turnsOver = turnTimes.filter((ms) => ms >= TARGET.turnMaxMs).length;
  const passed =
    ack.p99 < TARGET.ackP99Ms &&
    sent.failed === 0 &&
    sent.achievedRate >= rate * 0.97 &&
    missing === 0 &&
    duplicates === 0 &&
    unprocessed === 0 &&
    turnsOver === 0;
  return { rate, seconds, sent, ack, turns, turnsOver, replies, acknowledged: sent.acknowledged.length, storedOnce, duplicates, missing, unprocessed, drainSeconds, cpu, passed };
}

const ms = (value: number) => (Number.isNaN(value) ? '—' : `${value.toFixed(1)} ms`);
const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

function describeStep(result: StepResult, baseline?: ReturnType<typeof summarise>): string[] {
  const base = baseline ? `   (baseline, bare INSERT on ${PROCESSES} processes: p50 ${ms(baseline.p50)}, p99 ${ms(baseline.p99)}, max ${ms(baseline.max)})` : undefined;
  return [
    `   acknowledgement p50 ${ms(result.ack.p50)}, p95 ${ms(result.ack.p95)}, p99 ${ms(result.ack.p99)}, max ${ms(result.ack.max)}; target p99 < ${TARGET.ackP99Ms} ms: ${verdict(result.ack.p99 < TARGET.ackP99Ms)}`,
    ...(base ? [base] : []),
    `   offered ${result.sent.achievedRate.toFixed(0)} req/s, ${result.sent.failed} errors${result.sent.failed ? ` (${Object.entries(result.sent.failures).map(([reason, count]) => `${count} ${reason}`).join(', ')})` : ''}, generator up to ${ms(result.sent.maxSendLagMs)} late`,
    `   ${result.acknowledged} acknowledged: ${result.storedOnce} stored once, ${result.duplicates} stored twice, ${result.missing} missing, ${result.unprocessed} unprocessed: ${verdict(result.duplicates + result.missing + result.unprocessed === 0)}`,
    `   turn done after arrival p50 ${ms(result.turns.p50)}, p99 ${ms(result.turns.p99)}, max ${ms(result.turns.max)}; ${result.turnsOver} at or over ${TARGET.turnMaxMs / 1000} s: ${verdict(result.turnsOver === 0)}`,
    `   reply sent after its turn queued it p50 ${ms(result.replies.p50)}, p99 ${ms(result.replies.p99)}, max ${ms(result.replies.max)} (${result.replies.count} replies; informative)`,
    `   backlog left when the storm ended took ${result.drainSeconds.toFixed(1)} s to finish`,
    `   CPU during the storm: ${result.cpu}`,
  ];
}

// ---- run ----------------------------------------------------------------------------------

const cpus = os.cpus();
console.log(`scale-out benchmark: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${os.platform()} ${os.release()}`);
console.log(`${PROCESSES} server processes, Redis at ${settings.redisUrl}; ${settings.rate} req/s for ${settings.seconds} s, then ceiling steps ${settings.ceiling.join(', ')} req/s x ${settings.stepSeconds} s; logs in ${workDir}`);
console.log(`load average before: ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}`);
const db = await prepareDatabase();
console.log(db.description);
let passed = false;
try {
  const baseline = summarise((await measureBaseline(db)).latencies);
  const children = await startProducts(db);
  const staff = await staffSocket(children[1]!.url);
  try {
    const traffic = createTraffic(13);
    log('product: warm-up 5 s');
    await storm(
      children.map((child) => child.url),
      traffic,
      settings.rate,
      5,
    );
    await drain(db);
    // Inbound events on B for messages posted to either process, from when each was due.
    const dueAt = new Map<string, number>();
    const eventLatencies: number[] = [];
    staff.on('conversation.message', (payload: { message: { direction: string; body: string } }) => {
      if (payload.message.direction !== 'inbound') return;
      const tag = tagOf(payload.message.body);
      const due = tag === undefined ? undefined : dueAt.get(tag);
      if (due === undefined) return;
      eventLatencies.push(performance.now() - due);
      dueAt.delete(tag!);
    });
    log(`product: ${settings.rate} req/s for ${settings.seconds} s over ${PROCESSES} processes`);
    if (settings.profile) mkdirSync(settings.profile, { recursive: true });
    await Promise.all(children.map((child) => ask(child, 'profile-start')));
    const main = await step(db, children, traffic, settings.rate, settings.seconds, (sent) => dueAt.set(sent.webhook.tag, sent.dueAt));
    for (const file of await Promise.all(children.map(async (child) => (await ask(child, 'profile-stop')).file))) if (file) log(`CPU profile of a product process: ${file}`);
    staff.removeAllListeners('conversation.message');
    const events = summarise(eventLatencies);
    console.log(`\n== ${settings.rate} req/s for ${settings.seconds} s, ${PROCESSES} processes: ${main.passed ? 'all targets met' : 'targets NOT met'}`);
    for (const line of describeStep(main, baseline)) console.log(line);
    console.log(`   staff socket on process B, inbound events from both processes: p50 ${ms(events.p50)}, p99 ${ms(events.p99)}, max ${ms(events.max)}; ${dueAt.size} never came (informative)`);
    passed = main.passed;

    // The ceiling: up from the target rate while every target holds, or, when it did not, down
    // to the highest rate at which all did.
    let ceiling = main.passed ? settings.rate : undefined;
    const steps = main.passed ? settings.ceiling.filter((rate) => rate > settings.rate).sort((x, y) => x - y) : settings.ceiling.filter((rate) => rate < settings.rate).sort((x, y) => y - x);
    for (const rate of steps) {
      log(`ceiling: ${rate} req/s for ${settings.stepSeconds} s`);
      const result = await step(db, children, traffic, rate, settings.stepSeconds);
      console.log(`\n-- ceiling step ${rate} req/s: ${result.passed ? 'met' : 'missed'}`);
      for (const line of describeStep(result)) console.log(line);
      if (main.passed && !result.passed) break;
      if (result.passed) {
        if (main.passed) ceiling = rate;
        else {
          ceiling = rate;
          break;
        }
      }
    }
    console.log(`\nceiling: ${ceiling === undefined ? `below ${Math.min(settings.rate, ...steps)} req/s` : `${ceiling} req/s`} met every target on this machine (steps tried: ${steps.join(', ') || 'none'})`);
  } finally {
    staff.close();
    await Promise.all(children.map((child) => child.stop()));
  }
} finally {
  await db.drop();
}
console.log(`load average after: ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}`);
if (passed) rmSync(workDir, { recursive: true, force: true });
process.exitCode = passed ? 0 : 1;
