// PostgreSQL restarts in the middle of a stream of signed SMS webhooks. The shared PostgreSQL is
// never touched: the server's DATABASE_URL goes through a TCP proxy the test controls, and a
// restart is played as one looks from the server — its sessions are ended by the server
// (pg_terminate_backend, the FATAL a shutting-down PostgreSQL sends), new connections are
// refused for a while, then accepted again. Meanwhile a bot reply is on its way to Twilio, so
// Twilio accepts it while the database is away.
//
// What must hold: during the outage every webhook is answered 503 with Retry-After (Twilio
// retries a 5xx) and never a 200 for a message that was not stored; /healthz says 503; the process stays up and
// recovers by itself once PostgreSQL is back; every webhook answered 200 is stored once and its
// turn runs once (turns the outage interrupted included); the webhooks refused meanwhile, sent
// again with the same MessageSid as Twilio would, are then stored and processed once; and every
// bot reply reaches Twilio exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTwilioApi, type FakeTwilioApi } from '../../support/processes/fakeTwilioApi.ts';
import { postSms, signedSms, startProduct, type ProductProcess } from '../../support/processes/productProcesses.ts';
import { explainSkip, freshDatabase, logEntries, missingPostgres, repliesByTurn, storedMessages, until, type ScaleOutDatabase } from '../../support/processes/scaleOut.ts';
import { startTcpProxy, type TcpProxy } from '../../support/processes/tcpProxy.ts';

const missing = await missingPostgres();
explainSkip('faults/postgresOutage.test.ts', missing);

const RESIDENTS = ['+447700900441', '+447700900442', '+447700900443', '+447700900444'];
const IN_FLIGHT = 4;
/** Webhooks sent at once into one conversation just before the outage. */
const BURST = 60;
/** Between one sender's webhooks: a steady stream rather than a flood of instant 5xx during the outage. */
const PACE_MS = 40;
/** Marks the server's own connections, so that the test ends only those. */
const APPLICATION_NAME = 'complaints-outage-test';

interface Delivery {
  i: number;
  webhook: ReturnType<typeof signedSms>;
  sentAt: number;
  answeredAt: number;
  status: number | 'no answer';
  retryAfter: string | null;
}

let twilio: FakeTwilioApi;
let database: ScaleOutDatabase;
let proxy: TcpProxy;
let product: ProductProcess;

const health = async () => (await fetch(`${product.url}/healthz`)).status;
const serverSessions = async () =>
  Number((await database.query<{ count: string }>(`SELECT count(*) AS count FROM pg_stat_activity WHERE "application_name" = $1`, [APPLICATION_NAME]))[0]!.count);

describe.skipIf(missing !== undefined)('PostgreSQL restarts during traffic', () => {
  beforeAll(async () => {
    twilio = await startFakeTwilioApi();
    database = await freshDatabase();
    const direct = new URL(database.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(database.url);
    proxied.host = `127.0.0.1:${proxy.port}`;
    proxied.searchParams.set('application_name', APPLICATION_NAME);
    product = await startProduct({ env: { DATABASE_URL: proxied.toString(), LOG_LEVEL: 'debug' }, fakeTwilioUrl: twilio.url });
  }, 180_000);
  afterAll(async () => {
    await product?.stop();
    await proxy?.close();
    await twilio?.close();
    await database?.drop();
  });

  it('answers 503 while it is away, recovers by itself, and loses or repeats nothing', { timeout: 420_000 }, async () => {
    const deliveries: Delivery[] = [];
    let next = 0;
    let streaming = true;
    // While set, senders wait at it (how many: `parked`).
    let gate: Promise<void> | undefined;
    let parked = 0;
    async function deliver(resident?: string): Promise<void> {
      const i = next++;
      const webhook = signedSms(resident ?? RESIDENTS[i % RESIDENTS.length]!, `Message ${i + 1}: the heating is off across the estate`);
      const sentAt = Date.now();
      let status: Delivery['status'];
      let retryAfter: string | null = null;
      try {
        const response = await postSms(product.url, webhook);
        await response.arrayBuffer();
        status = response.status;
        retryAfter = response.headers.get('retry-after');
      } catch {
        status = 'no answer';
      }
      deliveries.push({ i, webhook, sentAt, answeredAt: Date.now(), status, retryAfter });
    }
    async function sender(): Promise<void> {
      while (streaming) {
        if (gate) {
          parked++;
          await gate;
          parked--;
        }
        await deliver();
        await new Promise((resolve) => setTimeout(resolve, PACE_MS));
      }
    }
    const answered = (after: number, status?: number) => deliveries.filter((d) => d.sentAt >= after && (status === undefined || d.status === status)).length;
    const senders = Promise.all(Array.from({ length: IN_FLIGHT }, sender));

    // Traffic with the database up, and a bot reply held on its way to Twilio.
    await until(() => answered(0, 200) >= 24, 90_000, '24 webhooks acknowledged before the outage');
    const releaseTwilio = twilio.hold();
    await until(() => twilio.heldCount > 0, 90_000, 'a bot reply on its way to Twilio');
    // A moment without webhooks, so that bot turns run (acknowledgements go first).
    let openGate!: () => void;
    gate = new Promise((resolve) => (openGate = resolve));
    await until(() => parked === IN_FLIGHT, 30_000, 'the senders to pause');
    // A burst into one conversation: its turns run one after another for a while (the server
    // keeps up with the steady stream, so without it there may be no turn left to interrupt).
    await Promise.all(Array.from({ length: BURST }, () => deliver(RESIDENTS[0])));
    const [backlog] = await database.query<{ count: string }>(`SELECT count(*) AS count FROM "Message" WHERE "direction" = 'inbound' AND "processedAt" IS NULL`);

    // The restart, in the middle of a bot turn: the server ends every session at once (while
    // one of them is inside a turn's transaction), refusing new ones, then stays down.
    const outageBegan = Date.now();
    proxy.refuseNew();
    await until(
      async () =>
        (
          await database.query(
            `SELECT pg_terminate_backend("pid") FROM pg_stat_activity WHERE "application_name" = $1
             AND EXISTS (SELECT 1 FROM pg_stat_activity WHERE "application_name" = $1 AND "state" = 'idle in transaction')`,
            [APPLICATION_NAME],
          )
        ).length > 0,
      30_000,
      'a bot turn in progress to interrupt',
    );
    await database.query(`SELECT pg_terminate_backend("pid") FROM pg_stat_activity WHERE "application_name" = $1`, [APPLICATION_NAME]);
    await until(async () => (await serverSessions()) === 0, 20_000, 'the server’s sessions to end');
    proxy.cut();
    const outageCut = Date.now();
    gate = undefined;
    openGate();
    // Twilio accepts the held reply now, while the database cannot record it.
    releaseTwilio();

    const healthDuring: number[] = [];
    await until(
      async () => {
        healthDuring.push(await health());
        return answered(outageCut) >= 16 && Date.now() - outageCut >= 5_000;
      },
      60_000,
      'webhooks answered during the outage',
    );
    expect(product.child.exitCode).toBeNull();
    expect(product.child.signalCode).toBeNull();

    // PostgreSQL is back: the server finds it again by itself.
    const restoredAt = Date.now();
    proxy.restore();
    await until(async () => (await health()) === 200, 30_000, '/healthz to answer 200 again');
    const recoveredAt = Date.now();
    await until(() => answered(recoveredAt, 200) >= 24, 90_000, 'webhooks acknowledged after the outage');
    streaming = false;
    await senders;

    const before = deliveries.filter((d) => d.answeredAt < outageBegan);
    const during = deliveries.filter((d) => d.sentAt >= outageCut && d.answeredAt < restoredAt);
    const after = deliveries.filter((d) => d.sentAt >= recoveredAt);
    const summary = (list: Delivery[]) => list.map((d) => d.status);
    expect(new Set(summary(before))).toEqual(new Set([200]));
    expect(during.length).toBeGreaterThanOrEqual(16);
    // 503, so that Twilio retries — never a false 200, never a dropped connection.
    expect(summary(during).filter((status) => status !== 503)).toEqual([]);
    expect(new Set(during.map((d) => d.retryAfter))).toEqual(new Set(['5']));
    expect(new Set(healthDuring)).toEqual(new Set([503]));
    expect(new Set(summary(after))).toEqual(new Set([200]));
    // Around the cut and the restore: either answer, but always one of these.
    expect(summary(deliveries).filter((status) => status !== 200 && status !== 500 && status !== 503)).toEqual([]);
    expect(recoveredAt - restoredAt).toBeLessThan(15_000);
    // The outage interrupted work in progress, not an idle server.
    expect(Number(backlog!.count)).toBeGreaterThan(0);

    // Twilio retries what was refused, with the same MessageSid: now stored and answered 200.
    const refused = deliveries.filter((d) => d.status !== 200);
    for (const delivery of refused) expect((await postSms(product.url, delivery.webhook)).status, `retry of webhook ${delivery.i}`).toBe(200);

    await until(
      async () => (await database.query(`SELECT 1 FROM "Message" WHERE "direction" = 'inbound' AND "processedAt" IS NULL LIMIT 1`)).length === 0,
      180_000,
      'every stored message processed',
    );
    await until(
      async () => (await database.query(`SELECT 1 FROM "OutboxMessage" WHERE "status" <> 'sent' LIMIT 1`)).length === 0,
      90_000,
      'every bot reply sent',
    );

    const messages = await storedMessages(database);
    const inbound = messages.filter((message) => message.direction === 'inbound');
    // Every webhook sent is stored exactly once — those refused too, after Twilio's retry — and
    // nothing else is.
    expect(inbound.map((message) => message.providerMessageId).sort()).toEqual(deliveries.map((d) => d.webhook.params.MessageSid).sort());
    // Each turn ran once: every bot reply belongs to exactly one processed message, every
    // message got its replies.
    const { orphans, byInbound } = repliesByTurn(messages);
    expect(orphans.map((reply) => reply.seq)).toEqual([]);
    expect(inbound.filter((message) => !byInbound.has(message.id)).map((message) => message.seq)).toEqual([]);
    // And each reply reached Twilio once, the one accepted during the outage included.
    const replies = messages.filter((message) => message.direction === 'outbound' && message.author === 'bot');
    expect(twilio.sent.map((sent) => sent.sid).sort()).toEqual(replies.map((reply) => reply.providerMessageId).sort());

    // What the log says: each refusal at warn, the interrupted turn waiting for the database
    // (not "marked processed"), the reply Twilio accepted meanwhile recorded; nothing unhandled.
    const log = logEntries(product);
    const said = (pattern: RegExp) => log.filter((entry) => pattern.test(entry.msg));
    expect(said(/^database unavailable: answered 503$/).length).toBeGreaterThanOrEqual(during.length);
    expect(new Set(said(/^database unavailable: answered 503$/).map((entry) => entry.level))).toEqual(new Set([40]));
    expect(said(/^could not process inbound messages: the database is unavailable/).length).toBeGreaterThan(0);
    expect(said(/^bot turn failed/)).toEqual([]);
    expect(said(/^recorded an outbound message Twilio accepted while the database was unavailable$/)).toHaveLength(1);
    expect(said(/unhandled|uncaught/i)).toEqual([]);
    expect(product.child.exitCode).toBeNull();
  });
});
