// Redis goes away under two server processes (a TCP proxy the test controls sits in front of the
// shared Redis, which is never stopped): each process carries on delivering to its own staff
// sockets, says so in its log once, and reconnects when Redis is back — after which an event
// raised on one process reaches staff on the other again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTwilioApi, type FakeTwilioApi } from '../../support/processes/fakeTwilioApi.ts';
import { postSms, signedSms, type ProductProcess } from '../../support/processes/productProcesses.ts';
import {
  explainSkip,
  freshDatabase,
  logEntries,
  messagesSeen,
  missingServices,
  staffSocketOn,
  startScaleOutProduct,
  testRedisUrl,
  until,
  type ScaleOutDatabase,
  type StaffSocket,
} from '../../support/processes/scaleOut.ts';
import { startTcpProxy, type TcpProxy } from '../../support/processes/tcpProxy.ts';

const missing = await missingServices();
explainSkip('faults/redisAway.test.ts', missing);

// What the server logs (server/src/realtime/redisAdapter.ts).
const DOWN = /Redis is unreachable: real-time events now reach only this process's sockets/;
const BACK = /Redis is reachable again/;

let twilio: FakeTwilioApi;
let database: ScaleOutDatabase;
let proxy: TcpProxy;
let a: ProductProcess;
let b: ProductProcess;
let staffOnA: StaffSocket;
let staffOnB: StaffSocket;

const logged = (product: ProductProcess, pattern: RegExp) => logEntries(product).filter((entry) => pattern.test(entry.msg));

/** Posts one SMS to A and returns the stored message's id once staff on A have seen it. */
async function postToA(from: string, body: string): Promise<string> {
  const webhook = signedSms(from, body);
  expect((await postSms(a.url, webhook)).status).toBe(200);
  const [stored] = await database.query<{ id: string }>('SELECT "id" FROM "Message" WHERE "providerMessageId" = $1', [webhook.params.MessageSid]);
  return stored!.id;
}

describe.skipIf(missing !== undefined)('Redis goes away', () => {
  beforeAll(async () => {
    twilio = await startFakeTwilioApi();
    database = await freshDatabase();
    const redis = new URL(testRedisUrl());
    proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    a = await startScaleOutProduct({ databaseUrl: database.url, redisUrl: proxy.url('redis'), fakeTwilioUrl: twilio.url });
    b = await startScaleOutProduct({ databaseUrl: database.url, redisUrl: proxy.url('redis'), fakeTwilioUrl: twilio.url });
    staffOnA = await staffSocketOn(a);
    staffOnB = await staffSocketOn(b);
  }, 180_000);
  afterAll(async () => {
    staffOnA?.close();
    staffOnB?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await proxy?.close();
    await twilio?.close();
    await database?.drop();
  });

  it('single-process delivery carries on, the log says so once, and fan-out resumes when Redis is back', { timeout: 120_000 }, async () => {
    // With Redis: A's event reaches staff on B.
    const before = await postToA('+447700900421', 'Hello, the lift is broken');
    await until(() => messagesSeen(staffOnB).some((message) => message.id === before), 20_000, 'B to see A’s message with Redis up');
    expect(logged(a, DOWN)).toHaveLength(0);

    proxy.cut();
    await until(() => logged(a, DOWN).length > 0 && logged(b, DOWN).length > 0, 20_000, 'both processes to log that Redis is away');

    // Without Redis: staff on A still get A's events, several of them; B's staff do not.
    const during: string[] = [];
    for (let i = 0; i < 3; i++) during.push(await postToA('+447700900422', `Still no lift, message ${i + 1}`));
    await until(() => during.every((id) => messagesSeen(staffOnA).some((message) => message.id === id)), 20_000, 'A’s staff to see A’s messages');
    // The bot's replies too (queued in A's turns, announced after commit).
    await until(() => messagesSeen(staffOnA).some((message) => message.direction === 'outbound' && message.body !== '' && !messagesSeen(staffOnB).some((seen) => seen.id === message.id)), 20_000, 'a reply seen on A only');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(messagesSeen(staffOnB).filter((message) => during.includes(message.id))).toEqual([]);
    // Alive, answering, and it said so once, whatever it sent meanwhile.
    expect((await fetch(`${a.url}/healthz`)).status).toBe(200);
    expect(logged(a, DOWN)).toHaveLength(1);
    expect(logged(a, DOWN)[0]!.level).toBe(40);
    expect(a.child.exitCode).toBeNull();

    proxy.restore();
    await until(() => logged(a, BACK).length > 0 && logged(b, BACK).length > 0, 30_000, 'both processes to log that Redis is back');
    expect(logged(a, BACK)[0]!.level).toBe(30);
    const after = await postToA('+447700900423', 'The lift works again, thanks');
    await until(() => messagesSeen(staffOnB).some((message) => message.id === after), 20_000, 'B to see A’s message with Redis back');
    expect(logged(a, DOWN)).toHaveLength(1);
    expect(logEntries(a).filter((entry) => /unhandled|uncaught/i.test(entry.msg))).toEqual([]);
  });
});
