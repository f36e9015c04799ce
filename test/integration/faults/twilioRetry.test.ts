// Twilio's API answers 500, then 201: the reply is sent exactly once. Run against a real server
// process (productProcess.ts) whose Twilio SDK talks over HTTP to a fake Twilio in this process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTwilioApi, type FakeTwilioApi } from '../../support/processes/fakeTwilioApi.ts';
import { postSms, signedSms, startProduct, type ProductProcess } from '../../support/processes/productProcesses.ts';

let twilio: FakeTwilioApi;
let product: ProductProcess;
let dataDir: string;

beforeAll(async () => {
  twilio = await startFakeTwilioApi();
  dataDir = mkdtempSync(path.join(tmpdir(), 'complaints-twilio-retry-'));
  product = await startProduct({ env: { DATA_DIR: dataDir }, fakeTwilioUrl: twilio.url });
}, 120_000);
afterAll(async () => {
  await product?.stop();
  await twilio?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function until<T>(check: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Twilio fails, then accepts', () => {
  it('retries after a 500 and sends the reply exactly once', { timeout: 60_000 }, async () => {
    twilio.script({ status: 500 });
    const resident = '+447700900301';
    expect((await postSms(product.url, signedSms(resident, 'hello'))).status).toBe(200);

    const failed = await until(() => twilio.attempts.find((attempt) => attempt.to === resident && attempt.status === 500), 30_000);
    // The message Twilio refused is accepted on a later attempt, once.
    await until(() => twilio.sent.find((message) => message.to === resident && message.body === failed.body), 45_000);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(twilio.attempts.filter((attempt) => attempt.to === resident && attempt.body === failed.body).map((attempt) => attempt.status)).toEqual([500, 201]);
    // Every reply the bot gave reached Twilio once: no body was accepted twice.
    const bodies = twilio.sent.filter((message) => message.to === resident).map((message) => message.body);
    expect(bodies.length).toBeGreaterThan(0);
    expect(new Set(bodies).size).toBe(bodies.length);
  });
});
