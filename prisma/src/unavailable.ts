// Tells "the database cannot be reached just now" (a restart, a failover, a network cut) from
// every other database error, whichever layer reported it: node-postgres itself (Database.query,
// Database.transaction), Prisma over its pg adapter, or a connection the pool could not open.
// Callers answer those with 503 and try again later; any other error is a fault to look into.

/** SQLSTATEs of a server going away or not taking connections. */
const UNAVAILABLE_SQLSTATE = [
  /^08/, // connection exception
  /^57P0[1-4]$/, // admin_shutdown, crash_shutdown, cannot_connect_now, database_dropped
  /^53300$/, // too_many_connections
];
/** Socket errors (Node's codes). */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
/** @prisma/adapter-pg's names for the same. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** Prisma: can't reach the server, timed out reaching it, the server closed the connection. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017']);
/** node-postgres says these without a code. */
const DRIVER_MESSAGES = [/^Connection terminated( unexpectedly)?$/, /^Client has encountered a connection error and is not queryable$/, /^timeout exceeded when trying to connect$/, /^Connection terminated due to connection timeout$/];

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const candidate = queue.shift();
    if (typeof candidate !== 'object' || candidate === null || seen.has(candidate)) continue;
    seen.add(candidate);
    const { code, kind, originalCode, message, cause, meta, errors } = candidate as {
      code?: unknown;
      kind?: unknown;
      originalCode?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
      /** AggregateError: a host name with several addresses, each refused. */
      errors?: unknown;
    };
    for (const sqlstate of [code, originalCode]) {
      if (typeof sqlstate === 'string' && UNAVAILABLE_SQLSTATE.some((pattern) => pattern.test(sqlstate))) return true;
    }
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || PRISMA_CODES.has(code))) return true;
    if (typeof kind === 'string' && ADAPTER_KINDS.has(kind)) return true;
    if (typeof message === 'string' && DRIVER_MESSAGES.some((pattern) => pattern.test(message))) return true;
    queue.push(cause, meta?.driverAdapterError, ...(Array.isArray(errors) ? errors : []));
  }
  return false;
}
