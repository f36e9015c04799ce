// What both webhook benchmarks (webhooks.bench.ts, scaleOut.bench.ts) need around the product:
// the administrator it is started with, a signed-in staff socket, and admin queries on the
// PostgreSQL server that hold the throw-away databases.
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';

/** Passed to the product as ADMIN_EMAIL / ADMIN_PASSWORD. */
export const ADMIN = { email: 'bench-admin@example.org', password: 'bench password 0123' };

/** Signs in as ADMIN and opens a staff socket (websocket only), ready when this resolves. */
export async function staffSocket(url: string): Promise<Socket> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (response.status !== 200) throw new Error(`staff sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const socket = io(url, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
  await new Promise((resolve, reject) => {
    socket.once('ready', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

/** One statement on the PostgreSQL server at `postgresUrl`; the first row's `v`, if any. */
export async function adminQuery(postgresUrl: string, sql: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    return (await client.query<{ v: string }>(sql)).rows[0]?.v;
  } finally {
    await client.end();
  }
}
