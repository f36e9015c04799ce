// Starts server processes for multi-process and fault tests (productProcess.ts: the real server
// with Twilio's HTTP layer forwarded to one fake Twilio API), signs webhooks as Twilio does, and
// kills processes the hard way when a test needs a crash.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { signTwilioWebhook } from '@complaints/bot';
import { freePort, repoRoot } from '../serverProcess.ts';

export const TWILIO_TEST_ENV = {
  TWILIO_ACCOUNT_SID: `AC${'12'.repeat(16)}`,
  TWILIO_AUTH_TOKEN: 'multi-process-test-token',
  TWILIO_SMS_FROM: '+447700900001',
  TWILIO_WHATSAPP_FROM: 'whatsapp:+447700900002',
  PUBLIC_BASE_URL: 'https://complaints.example.org',
} as const;

export interface ProductProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait (a clean shutdown). */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown code runs (a crash). */
  kill(): Promise<void>;
}

/**
 * `env` is added to the Twilio settings above and FAKE_TWILIO_URL; give DATABASE_URL (PostgreSQL,
 * for several processes) or DATA_DIR (PGlite, one process), and REDIS_URL where wanted.
 */
export async function startProduct(options: { env: Record<string, string | undefined>; fakeTwilioUrl: string; port?: number }): Promise<ProductProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'productProcess.ts')], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      ...TWILIO_TEST_ENV,
      FAKE_TWILIO_URL: options.fakeTwilioUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server process exited while starting:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server process did not become healthy within 90 s:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const done = () => child.exitCode !== null || child.signalCode !== null;
  return {
    url,
    port,
    child,
    output: () => output,
    async stop() {
      if (done()) return;
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (done()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export const messageSid = () => `SM${randomBytes(16).toString('hex')}`;

/** An inbound SMS as Twilio would post it, signed against PUBLIC_BASE_URL + path. */
export function signedSms(from: string, body: string, sid = messageSid()): { params: Record<string, string>; signature: string } {
  const params = { MessageSid: sid, AccountSid: TWILIO_TEST_ENV.TWILIO_ACCOUNT_SID, From: from, To: TWILIO_TEST_ENV.TWILIO_SMS_FROM, Body: body, NumMedia: '0' };
  return { params, signature: signTwilioWebhook(TWILIO_TEST_ENV.TWILIO_AUTH_TOKEN, `${TWILIO_TEST_ENV.PUBLIC_BASE_URL}/twilio/sms`, params) };
}

export function postSms(baseUrl: string, webhook: { params: Record<string, string>; signature: string }): Promise<Response> {
  return fetch(`${baseUrl}/twilio/sms`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': webhook.signature },
    body: new URLSearchParams(webhook.params).toString(),
  });
}
