// Several server processes share real-time events through Redis: @socket.io/redis-adapter over
// two node-redis clients (one publishes, one is subscribed), attached to the io server before any
// namespace is made, so the staff namespace and the web chat's '/chat' both fan out. A staff
// member connected to process A sees what process B emits, and a resident's web chat gets the
// reply whichever process ran the turn.
//
// Redis is a convenience, never a dependency: when it goes away every process carries on
// delivering to its own sockets. Publishing is skipped while the publisher is not ready (no
// offline queue, so nothing piles up in memory or arrives minutes late), every promise the
// adapter leaves unawaited is given a handler (an unhandled rejection would stop the process),
// and the clients reconnect with capped exponential backoff. The change is logged once at warn
// when fan-out stops and once at info when it is back. A process started while Redis is
// unreachable starts anyway, delivering to its own sockets, and joins in when Redis appears.
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { Logger } from '../config/logger.ts';

export interface RedisFanOut {
  /** True while events reach the sockets of every process. */
  connected(): boolean;
  /** After io.close(): drops the connections without waiting for Redis. */
  close(): Promise<void>;
}

export interface RedisFanOutOptions {
  url: string;
  /** Of every channel the adapter uses: deployments sharing one Redis must not hear each other. */
  keyPrefix: string;
  logger: Logger;
  /** How long start-up waits for Redis before starting with this process's sockets only. */
  startWaitMs?: number;
}

export const REDIS_DOWN_MESSAGE = "Redis is unreachable: real-time events now reach only this process's sockets (staff and web chat connected to other processes miss them until it is back)";
export const REDIS_BACK_MESSAGE = 'Redis is reachable again: real-time events reach the sockets of every process';

/** 100 ms doubling to 5 s, with jitter so that many processes do not reconnect in step. */
export function redisReconnectDelay(retries: number): number {
  return Math.min(100 * 2 ** Math.min(retries, 10), 5_000) + Math.floor(Math.random() * 100);
}

type Client = ReturnType<typeof createClient>;

export async function attachRedisAdapter(io: Server, options: RedisFanOutOptions): Promise<RedisFanOut> {
  const { logger } = options;
  const socket = { reconnectStrategy: redisReconnectDelay, connectTimeout: 5_000, keepAlive: true };
  // The publisher fails fast while disconnected; the subscriber keeps its offline queue, so the
  // adapter's SUBSCRIBE commands issued before the first connection wait for it.
  const publisher: Client = createClient({ url: options.url, disableOfflineQueue: true, socket });
  const subscriber: Client = createClient({ url: options.url, socket });
  let closing = false;
  let state: 'starting' | 'up' | 'down' = 'starting';

  const update = () => {
    if (closing) return;
    const up = publisher.isReady && subscriber.isReady;
    if (up && state !== 'up') {
      if (state === 'down') logger.info(REDIS_BACK_MESSAGE);
      else logger.info('connected to Redis: real-time events reach the sockets of every process');
      state = 'up';
    } else if (!up && state === 'up') {
      state = 'down';
      logger.warn(REDIS_DOWN_MESSAGE);
    }
  };
  for (const [role, client] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    // Without an 'error' listener node-redis would throw; each failed retry is only worth debug.
    client.on('error', (error: unknown) => {
      logger.debug({ err: error, role }, 'Redis connection error');
      update();
    });
    client.on('ready', update);
    client.on('end', update);
    client.on('reconnecting', update);
  }

  // connect() keeps retrying until it succeeds; it only settles early if the client is closed.
  const connected = Promise.all([publisher.connect(), subscriber.connect()]).catch((error: unknown) => {
    if (!closing) logger.debug({ err: error }, 'Redis connect gave up');
  });
  io.adapter(createAdapter(guardedPublisher(publisher), guardedSubscriber(subscriber, () => closing, logger), { key: options.keyPrefix }));

  let timer: NodeJS.Timeout | undefined;
  await Promise.race([connected, new Promise((resolve) => (timer = setTimeout(resolve, options.startWaitMs ?? 3_000)))]);
  clearTimeout(timer);
  if (state === 'starting') {
    state = 'down';
    logger.warn(REDIS_DOWN_MESSAGE);
  }

  return {
    connected: () => state === 'up',
    async close() {
      closing = true;
      // destroy(), not close(): with Redis away a graceful QUIT would wait for it.
      for (const client of [publisher, subscriber]) {
        try {
          client.destroy();
        } catch {
          // Already closed.
        }
      }
    },
  };
}

/** Gives every promise a handler: the adapter calls publish() and (un)subscribe() without awaiting. */
function handled<T>(value: T): T {
  if (value && typeof (value as { catch?: unknown }).catch === 'function') (value as unknown as Promise<unknown>).catch(() => undefined);
  return value;
}

/** The client's own methods, bound to it (node-redis keeps private state a Proxy cannot reach). */
function own(target: Client, prop: string | symbol): unknown {
  const value: unknown = Reflect.get(target, prop, target);
  if (typeof value !== 'function' || prop === 'constructor') return value;
  return (...args: unknown[]) => handled((value as (...a: unknown[]) => unknown).apply(target, args));
}

/** While the publisher is not ready, a publish reaches no other process: this one's sockets still get it. */
function guardedPublisher(client: Client): Client {
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'publish') return (channel: string, message: string | Buffer) => (target.isReady ? handled(target.publish(channel, message)) : Promise.resolve(0));
      return own(target, prop);
    },
  });
}

/**
 * node-redis resubscribes after a reconnect, but only to subscriptions Redis confirmed: one
 * whose reply was lost with the connection is issued again once the client is ready.
 */
function guardedSubscriber(client: Client, closing: () => boolean, logger: Logger): Client {
  return new Proxy(client, {
    get(target, prop) {
      if (prop !== 'subscribe' && prop !== 'pSubscribe') return own(target, prop);
      const subscribe = Reflect.get(target, prop, target) as (...args: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) => {
        const attempt = (): Promise<unknown> =>
          subscribe.apply(target, args).catch((error: unknown) => {
            if (closing()) return;
            logger.debug({ err: error }, 'Redis subscription failed; retrying when reconnected');
            target.once('ready', () => void attempt());
          });
        return attempt();
      };
    },
  });
}
