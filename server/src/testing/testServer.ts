// Starts the real server on a random port over a fresh test database (PGlite or PostgreSQL, see
// @complaints/db/testing), with a small cookie-keeping HTTP client for API tests.
import { createStaffUser } from '@complaints/db/factories';
import { createTestDatabase, type TestDatabase } from '@complaints/db/testing';
import type { StaffRole } from '@complaints/db';
import type { Writable } from 'node:stream';
import { io, type Socket } from 'socket.io-client';
import { loadConfig, type Config } from '../config/config.ts';
import { createLogger } from '../config/logger.ts';
import { startServer, type RunningServer } from '../createServer.ts';
import type { ChannelRuntimeOptions } from '../channels/botRuntime.ts';
import type { AppOptions } from '../http/createApp.ts';
import { hashPassword } from '../auth/passwords.ts';

export interface TestServer extends RunningServer {
  database: TestDatabase;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  now?: () => Date;
  consoleDist?: string;
  /** Reuse a database (restart scenarios); it is then not dropped on stop. */
  database?: TestDatabase;
  /** Channel seams: a fake Twilio HTTP client, a fast outbox poll. */
  channels?: ChannelRuntimeOptions;
  /** Where log lines go (tests that read the log; set LOG_LEVEL in `env`). */
  logDestination?: Writable;
  /** The public endpoints' rate limits (http/publicRateLimits.ts). */
  rateLimits?: AppOptions['rateLimits'];
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.database ?? (await createTestDatabase());
  const config: Config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env }), port: 0, host: '127.0.0.1' };
  const server = await startServer({
    config,
    logger: createLogger(config, options.logDestination),
    database,
    now: options.now,
    consoleDist: options.consoleDist,
    channels: options.channels,
    rateLimits: options.rateLimits,
  });
  return {
    ...server,
    database,
    stop: async () => {
      await server.close();
      if (!options.database) await database.destroy();
    },
  };
}

export const TEST_PASSWORD = 'correct horse battery staple';

export async function createSignedInStaff(server: RunningServer, roles: StaffRole[] = ['handler']) {
  const staff = await createStaffUser(server.context.prisma, { roles, passwordHash: await hashPassword(TEST_PASSWORD) });
  const client = new ApiClient(server.url);
  const response = await client.post('/api/auth/login', { email: staff.email, password: TEST_PASSWORD });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
  return { staff, client };
}

/** fetch with a cookie jar of one cookie: enough for a staff session. */
export class ApiClient {
  cookie: string | undefined;
  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json: json as Record<string, any>, text }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, body, headers);
  }
}

/** A signed-in staff member's socket.io connection, ready (authenticated) when this resolves. */
export async function connectStaffSocket(server: RunningServer, roles: StaffRole[] = ['agent']): Promise<Socket> {
  const { client } = await createSignedInStaff(server, roles);
  // forceNew: socket.io-client would otherwise reuse another (perhaps cookie-less) connection.
  const socket = io(server.url, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: client.cookie ?? '' } });
  await new Promise((resolve, reject) => {
    socket.once('ready', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}
