// kill -9 one of two server processes in the middle of a stream of signed webhooks, then start it
// again: every webhook answered 200 is stored once and processed exactly once — no turn is lost
// with the process, and none runs twice (every bot reply belongs to exactly one turn).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTwilioApi, type FakeTwilioApi } from '../../support/processes/fakeTwilioApi.ts';
import { postSms, signedSms, type ProductProcess } from '../../support/processes/productProcesses.ts';
import {
  explainSkip,
  freshDatabase,
  logEntries,
  missingServices,
  repliesByTurn,
  startScaleOutProduct,
  storedMessages,
  testRedisUrl,
  until,
  type ScaleOutDatabase,
} from '../../support/processes/scaleOut.ts';

const missing = await missingServices();
explainSkip('faults/killDuringWebhooks.test.ts', missing);

const RESIDENTS = ['+447700900411', '+447700900412', '+447700900413'];
const IN_FLIGHT = 6;

let twilio: FakeTwilioApi;
let database: ScaleOutDatabase;
let a: ProductProcess;
let b: ProductProcess;
let restarted: ProductProcess | undefined;

describe.skipIf(missing !== undefined)('a server process killed mid-stream', () => {
  beforeAll(async () => {
    twilio = await startFakeTwilioApi();
    database = await freshDatabase();
    a = await startScaleOutProduct({ databaseUrl: database.url, redisUrl: testRedisUrl(), fakeTwilioUrl: twilio.url });
    b = await startScaleOutProduct({ databaseUrl: database.url, redisUrl: testRedisUrl(), fakeTwilioUrl: twilio.url });
  }, 180_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), restarted?.stop()]);
    await twilio?.close();
    await database?.drop();
  });

  it('every webhook acknowledged with 200 is stored once and processed exactly once', { timeout: 300_000 }, async () => {
    const acknowledged: string[] = [];
    let refused = 0;
    let target = (i: number) => (i % 2 === 0 ? a.url : b.url);
    let next = 0;
    const TOTAL = 150;
    const KILL_AT = 60;
    const RESTART_AT = 100;
    let backlogAtKill = -1;

    /** Sends webhooks in order, IN_FLIGHT at a time, as a storm would arrive. */
    async function sender(): Promise<void> {
      while (next < TOTAL) {
        const i = next++;
        const webhook = signedSms(RESIDENTS[i % RESIDENTS.length]!, `Message ${i + 1}: still no hot water in the flat`);
        try {
          const response = await postSms(target(i), webhook);
          if (response.status === 200) acknowledged.push(webhook.params.MessageSid!);
          else refused++;
        } catch {
          // The killed process dropped the connection: not acknowledged, so Twilio would retry.
          refused++;
        }
        if (i === KILL_AT) {
          // The hard way, while it has turns running and a backlog: no shutdown code runs.
          target = () => b.url;
          await a.kill();
          const [row] = await database.query<{ count: string }>(`SELECT count(*) AS count FROM "Message" WHERE "direction" = 'inbound' AND "processedAt" IS NULL`);
          backlogAtKill = Number(row!.count);
        }
        if (i === RESTART_AT) {
          restarted = await startScaleOutProduct({ databaseUrl: database.url, redisUrl: testRedisUrl(), fakeTwilioUrl: twilio.url });
          const again = restarted;
          target = (n) => (n % 2 === 0 ? again.url : b.url);
        }
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
    expect(acknowledged.length + refused).toBe(TOTAL);
    // The kill interrupted work in progress, not an idle process.
    expect(backlogAtKill).toBeGreaterThan(0);

    await until(
      async () => (await database.query(`SELECT 1 FROM "Message" WHERE "direction" = 'inbound' AND "processedAt" IS NULL LIMIT 1`)).length === 0,
      180_000,
      'every stored message processed',
    );
    const messages = await storedMessages(database);
    const inbound = messages.filter((message) => message.direction === 'inbound');
    // Each acknowledged webhook stored once and processed.
    for (const sid of acknowledged) {
      const rows = inbound.filter((message) => message.providerMessageId === sid);
      expect(rows, sid).toHaveLength(1);
      expect(rows[0]!.processedAt, sid).not.toBeNull();
    }
    // Processed once: every bot reply shares its transaction time with exactly one processed
    // message of its conversation, so no turn left replies behind or ran twice; and each
    // conversation's messages were processed in order.
    const { orphans, byInbound } = repliesByTurn(messages);
    expect(orphans.map((reply) => reply.seq)).toEqual([]);
    expect(inbound.filter((message) => !byInbound.has(message.id)).map((message) => message.seq)).toEqual([]);
    for (const resident of new Set(inbound.map((message) => message.conversationId))) {
      const processed = inbound.filter((message) => message.conversationId === resident).map((message) => message.processedAt!.getTime());
      expect(processed).toEqual([...processed].sort((x, y) => x - y));
    }
    // Only webhooks in flight to the killed process went unanswered.
    expect(refused).toBeLessThanOrEqual(IN_FLIGHT);
    expect(logEntries(a).some((entry) => entry.msg === 'bot turn committed')).toBe(true);
  });
});
