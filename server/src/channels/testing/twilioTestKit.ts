// Integration-test kit for the Twilio channels: the real server over a test database with
// Twilio configured, Twilio's HTTP layer faked (createFakeTwilioHttpClient), webhooks signed the
// way Twilio signs them, and a fast outbox poll.
import { randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { TestDatabase } from '@complaints/db/testing';
import { createFakeTwilioHttpClient, signTwilioWebhook, type FakeTwilioHttpClient, type MediaFetch } from '@complaints/bot';
import type { RunningServer } from '../../createServer.ts';
import { startTestServer, type TestServer, type TestServerOptions } from '../../testing/testServer.ts';
import type { OutboxWorkerOptions } from '../outbox/outboxWorker.ts';

export const PUBLIC_BASE_URL = 'https://complaints.example.org';
export const AUTH_TOKEN = 'test-auth-token';
export const SMS_FROM = '+447700900001';
export const WHATSAPP_FROM = 'whatsapp:+447700900002';
export const TEMPLATE_SID = 'HX' + 'ab'.repeat(16);

export const TWILIO_ENV: Record<string, string> = {
  TWILIO_ACCOUNT_SID: 'AC' + '12'.repeat(16),
  TWILIO_AUTH_TOKEN: AUTH_TOKEN,
  TWILIO_SMS_FROM: SMS_FROM,
  TWILIO_WHATSAPP_FROM: WHATSAPP_FROM,
  TWILIO_WHATSAPP_TEMPLATE_SID: TEMPLATE_SID,
  PUBLIC_BASE_URL,
};

export interface TwilioTestServer extends TestServer {
  twilio: FakeTwilioHttpClient;
}

export async function startTwilioTestServer(
  options: {
    database?: TestDatabase;
    env?: Record<string, string>;
    outbox?: Partial<OutboxWorkerOptions>;
    twilio?: FakeTwilioHttpClient;
    /** How attachments are fetched from Twilio's media API. */
    mediaFetch?: MediaFetch;
    logDestination?: Writable;
    rateLimits?: TestServerOptions['rateLimits'];
    consoleDist?: string;
  } = {},
): Promise<TwilioTestServer> {
  const twilio = options.twilio ?? createFakeTwilioHttpClient();
  const server = await startTestServer({
    database: options.database,
    logDestination: options.logDestination,
    rateLimits: options.rateLimits,
    consoleDist: options.consoleDist,
    env: { ...TWILIO_ENV, ...options.env },
    channels: {
      twilioHttpClient: twilio,
      outbox: { pollIntervalMs: 20, backoff: () => 30, ...options.outbox },
      ...(options.mediaFetch ? { twilioMediaFetch: options.mediaFetch } : {}),
    },
  });
  return Object.assign(server, { twilio });
}

export const messageSid = () => `SM${randomBytes(16).toString('hex')}`;

export function inboundSms(from: string, body: string, extra: Record<string, string> = {}): Record<string, string> {
  return { MessageSid: messageSid(), AccountSid: TWILIO_ENV.TWILIO_ACCOUNT_SID!, From: from, To: SMS_FROM, Body: body, NumMedia: '0', ...extra };
}

export function inboundWhatsApp(from: string, body: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...inboundSms(`whatsapp:${from}`, body), To: WHATSAPP_FROM, ...extra };
}

/** POSTs a form as Twilio would; `signature: null` sends none, a string sends that one. */
export async function postWebhook(
  server: RunningServer,
  path: string,
  params: Record<string, string>,
  options: { signature?: string | null; headers?: Record<string, string> } = {},
): Promise<Response> {
  const signature = options.signature === undefined ? signTwilioWebhook(AUTH_TOKEN, PUBLIC_BASE_URL + path, params) : options.signature;
  return fetch(server.url + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature === null ? {} : { 'x-twilio-signature': signature }),
      ...options.headers,
    },
    body: new URLSearchParams(params).toString(),
  });
}

/** Polls until `check` returns something truthy (the worker and turns run in the background). */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until every turn has run and the outbox has nothing left to send. */
export async function settle(server: TwilioTestServer): Promise<void> {
  await server.channels.turnRunner.idle();
  await waitFor(async () => (await server.context.prisma.outboxMessage.count({ where: { status: { in: ['pending', 'sending'] } } })) === 0);
}
