// What the multi-process tests share: the local PostgreSQL (TEST_DATABASE_URL) and Redis
// (TEST_REDIS_URL, default redis://127.0.0.1:6379) — skipped with a clear message when either is
// missing — a fresh database per test file, several product processes on it, their JSON logs,
// and a signed-in staff socket on any of them.
import { connect } from 'node:net';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { createEmptyPostgresDatabase } from '@complaints/db/testing';
import { startProduct, type ProductProcess } from './productProcesses.ts';

export const STAFF = { email: 'scale.admin@example.org', password: 'scale-out test password' };

export const testRedisUrl = () => process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** Why a test needing PostgreSQL cannot run here, or undefined when TEST_DATABASE_URL answers. */
export async function missingPostgres(): Promise<string | undefined> {
  const postgres = process.env.TEST_DATABASE_URL;
  if (!postgres) return 'TEST_DATABASE_URL is not set (a PostgreSQL server where the user may create databases)';
  const client = new pg.Client({ connectionString: postgres, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    return `PostgreSQL at TEST_DATABASE_URL does not answer (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
  return undefined;
}

/** Why these tests cannot run here, or undefined when PostgreSQL and Redis both answer. */
export async function missingServices(): Promise<string | undefined> {
  const postgres = await missingPostgres();
  if (postgres) return postgres;
  const redis = new URL(testRedisUrl());
  const answered = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: redis.hostname, port: Number(redis.port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(3_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
  if (!answered) return `Redis does not answer at ${testRedisUrl()} (set TEST_REDIS_URL)`;
  return undefined;
}

/** Logs why the file is skipped (vitest only says "skipped"). */
export function explainSkip(file: string, reason: string | undefined): void {
  if (reason) process.stderr.write(`\n${file}: skipped — ${reason}\n`);
}

export interface ScaleOutDatabase {
  url: string;
  /** Queries on the database the processes share. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  drop(): Promise<void>;
}

/** A brand-new database on TEST_DATABASE_URL's server; the first process started migrates it. */
export async function freshDatabase(): Promise<ScaleOutDatabase> {
  const created = await createEmptyPostgresDatabase(process.env.TEST_DATABASE_URL!);
  const pool = new pg.Pool({ connectionString: created.url, max: 2 });
  return {
    url: created.url,
    query: async <Row>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as Row[],
    drop: async () => {
      await pool.end();
      await created.drop();
    },
  };
}

/** A product process on the shared database, with Redis, the first administrator and debug logs (turn lines). */
export function startScaleOutProduct(options: { databaseUrl: string; redisUrl: string; fakeTwilioUrl: string; port?: number }): Promise<ProductProcess> {
  return startProduct({
    env: {
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      // The processes of one test file hear each other, not those of other files sharing Redis.
      REDIS_KEY_PREFIX: `test-${new URL(options.databaseUrl).pathname.slice(1)}`,
      ADMIN_EMAIL: STAFF.email,
      ADMIN_PASSWORD: STAFF.password,
      LOG_LEVEL: 'debug',
    },
    fakeTwilioUrl: options.fakeTwilioUrl,
    ...(options.port ? { port: options.port } : {}),
  });
}

export interface LogEntry {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** The process's JSON log lines (production logging) so far. */
export function logEntries(product: ProductProcess): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const line of product.output().split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      entries.push(JSON.parse(line) as LogEntry);
    } catch {
      // A line cut short by a kill.
    }
  }
  return entries;
}

/** What a process logs after each bot turn it committed (turnRunner.ts, at debug). */
export interface TurnLine {
  messageId: string;
  seq: number;
  lockedAt: number;
  releasedAt: number;
  transactionMs: number;
}

export function turnLines(product: ProductProcess): TurnLine[] {
  return logEntries(product)
    .filter((entry) => entry.msg === 'bot turn committed')
    .map((entry) => ({
      messageId: String(entry.messageId),
      seq: Number(entry.seq),
      lockedAt: Number(entry.lockedAt),
      releasedAt: Number(entry.releasedAt),
      transactionMs: Number(entry.transactionMs),
    }));
}

export interface StaffSocket {
  socket: Socket;
  /** Every event received, in order. */
  events: { name: string; payload: Record<string, unknown> }[];
  close(): void;
}

/** Signs the administrator in on this process; the session cookie. */
async function signInOn(product: ProductProcess): Promise<string> {
  const response = await fetch(`${product.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(STAFF),
  });
  if (!response.ok) throw new Error(`sign-in failed on ${product.url}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('sign-in gave no session cookie');
  return cookie;
}

/** The administrator's API on this process: JSON posts with the session cookie. */
export async function signedInClient(product: ProductProcess) {
  const cookie = await signInOn(product);
  return {
    async post(path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
      const response = await fetch(product.url + path, {
        method: 'POST',
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined };
    },
  };
}

/** Signs the administrator in on this process and connects a staff socket there (websocket only). */
export async function staffSocketOn(product: ProductProcess): Promise<StaffSocket> {
  const cookie = await signInOn(product);
  const socket = io(product.url, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
  const events: StaffSocket['events'] = [];
  socket.onAny((name: string, payload: Record<string, unknown>) => events.push({ name, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once('ready', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, events, close: () => socket.close() };
}

/** The `conversation.message` events a staff socket got, as the messages they carry. */
export function messagesSeen(staff: StaffSocket): { id: string; conversationId: string; direction: string; body: string }[] {
  return staff.events.filter((event) => event.name === 'conversation.message').map((event) => event.payload.message as { id: string; conversationId: string; direction: string; body: string });
}

export async function until<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The checks every scale-out test makes of the stored record once the processes are idle. */
export interface RecordRow {
  seq: string;
  id: string;
  conversationId: string;
  direction: 'inbound' | 'outbound';
  author: string;
  providerMessageId: string | null;
  processedAt: Date | null;
  createdAt: Date;
}

export async function storedMessages(database: ScaleOutDatabase): Promise<RecordRow[]> {
  return database.query<RecordRow>(
    `SELECT "seq"::text AS seq, "id", "conversationId", "direction"::text AS direction, "author"::text AS author, "providerMessageId", "processedAt", "createdAt" FROM "Message" ORDER BY "Message"."seq"`,
  );
}

/**
 * Each bot reply is written in its turn's transaction, and the turn marks its message processed
 * at the transaction's time (now()), which is also the replies' createdAt. So every reply must
 * share its createdAt with exactly one processed inbound message of its conversation: a reply
 * from a turn that ran twice, or ran without being recorded as processed, matches none.
 * Returns the replies that belong to no turn, and the replies of each inbound message.
 */
export function repliesByTurn(messages: RecordRow[]): { orphans: RecordRow[]; byInbound: Map<string, RecordRow[]> } {
  const turns = new Map<string, RecordRow>();
  for (const message of messages) {
    if (message.direction !== 'inbound' || !message.processedAt) continue;
    const key = `${message.conversationId}@${message.processedAt.getTime()}`;
    if (turns.has(key)) throw new Error(`two inbound messages share one turn time: ${turns.get(key)!.seq} and ${message.seq}`);
    turns.set(key, message);
  }
  const orphans: RecordRow[] = [];
  const byInbound = new Map<string, RecordRow[]>();
  for (const message of messages) {
    if (message.direction !== 'outbound' || message.author !== 'bot') continue;
    const turn = turns.get(`${message.conversationId}@${message.createdAt.getTime()}`);
    if (!turn) {
      orphans.push(message);
      continue;
    }
    byInbound.set(turn.id, [...(byInbound.get(turn.id) ?? []), message]);
  }
  return { orphans, byInbound };
}
