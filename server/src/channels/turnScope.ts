// A bot turn is one database transaction (turnRunner.ts): every write it makes — dialog state,
// replies and their outbox rows, complaints and the rest of the intake, the classification, the
// message marked processed — commits together or not at all, so a process killed mid-turn
// leaves nothing behind and the turn simply runs again. The bot package keeps being handed one
// Prisma client; the server gives everyone `scopedPrisma(root)`, which resolves to the turn's
// transaction while a turn runs (AsyncLocalStorage) and to the root client otherwise.
//
// Nothing may leave the process before the turn commits: staff events, web chat pushes, outbox
// kicks, intake events and Bot Framework sends are queued with `afterCommit` and run in order
// once it has committed — or dropped if it rolls back. (The one exception is the web chat's
// "typing…" indicator, which changes nothing and is cleared after the turn whatever happens.)
import { AsyncLocalStorage } from 'node:async_hooks';
import { withTransactionSql, type Prisma, type PrismaClient, type SqlQuery } from '@complaints/db';
import type { Broadcaster, StaffEvent } from '../realtime/broadcaster.ts';

type Effect = () => unknown;

interface TurnScope {
  tx: Prisma.TransactionClient;
  /** The same transaction on the driver itself (transactionSql.ts), for the statements every turn runs. */
  sql: SqlQuery;
  /** Run after commit, in order; dropped on rollback. */
  afterCommit: Effect[];
  /** Run after the transaction ends, committed or not. */
  afterTurn: Effect[];
  savepoints: number;
  /** Set when the transaction has ended: stray work from the turn falls back to the root client. */
  ended: boolean;
}

const turns = new AsyncLocalStorage<TurnScope>();

/** The open turn's scope, if this code runs inside one. */
function openScope(): TurnScope | undefined {
  const scope = turns.getStore();
  return scope && !scope.ended ? scope : undefined;
}

export function inTurn(): boolean {
  return openScope() !== undefined;
}

/**
 * Where a hot-path statement runs: inside a turn, on the turn transaction's own connection;
 * elsewhere on `outside` (the Database's driver). Prisma's query compiler costs several times
 * what these statements do, and they run for every message (transactionSql.ts).
 */
export function turnSql(outside: SqlQuery): SqlQuery {
  return openScope()?.sql ?? outside;
}

/**
 * The one Prisma client the server hands out. Inside a turn it is the turn's transaction:
 * `$transaction(fn)` runs fn on it inside a savepoint (an inner failure undoes only its own
 * writes, as a real nested transaction would), `$transaction([...])` runs the queries in
 * order. Outside a turn it is the root client.
 */
export function scopedPrisma(root: PrismaClient): PrismaClient {
  return new Proxy(root, {
    get(target, prop) {
      const scope = openScope();
      if (scope) {
        if (prop === '$transaction') return (work: unknown) => nested(scope, work);
        if (prop in scope.tx) return bound(scope.tx, prop);
      }
      return bound(target, prop);
    },
  });
}

function bound(target: object, prop: string | symbol): unknown {
  const value: unknown = Reflect.get(target, prop, target);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

async function nested(scope: TurnScope, work: unknown): Promise<unknown> {
  if (Array.isArray(work)) {
    // Prisma's batch form: lazy queries already bound to the transaction, run in order.
    const results: unknown[] = [];
    for (const query of work as PromiseLike<unknown>[]) results.push(await query);
    return results;
  }
  return withSavepoint(scope, () => (work as (tx: Prisma.TransactionClient) => Promise<unknown>)(scope.tx));
}

async function withSavepoint<T>(scope: TurnScope, work: () => Promise<T>): Promise<T> {
  const name = `turn_savepoint_${++scope.savepoints}`;
  const effects = scope.afterCommit.length;
  await scope.sql(`SAVEPOINT ${name}`);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    // If this fails too the connection is gone: the whole turn rolls back and runs again.
    await scope.sql(`ROLLBACK TO SAVEPOINT ${name}`);
    scope.afterCommit.length = effects;
    throw error;
  }
  await scope.sql(`RELEASE SAVEPOINT ${name}`);
  return result;
}

export interface TurnTransactionOptions {
  /** Waiting for a connection from the pool. */
  maxWaitMs: number;
  /** The longest a turn may hold its transaction before Prisma rolls it back. */
  timeoutMs: number;
  /** Told about an effect that threw after commit (the turn itself stands). */
  onEffectError: (error: unknown) => void;
}

/**
 * One turn's transaction: `work` runs with the scope open; after commit the queued effects run in
 * order (awaited, outside the scope, so they use the root client); then the after-turn ones.
 */
export async function runTurnTransaction<T>(root: PrismaClient, work: (tx: Prisma.TransactionClient, sql: SqlQuery) => Promise<T>, options: TurnTransactionOptions): Promise<T> {
  if (openScope()) throw new Error('a turn transaction cannot start inside another turn');
  let scope: TurnScope | undefined;
  const runEffects = async (effects: Effect[]) => {
    for (const effect of effects) {
      try {
        await turns.exit(effect);
      } catch (error) {
        options.onEffectError(error);
      }
    }
  };
  let result: T;
  try {
    result = await withTransactionSql((slot) =>
      root.$transaction(
        (tx) => {
          if (!slot.query) throw new Error('the database adapter did not offer the turn transaction to transactionSql');
          scope = { tx, sql: slot.query, afterCommit: [], afterTurn: [], savepoints: 0, ended: false };
          return turns.run(scope, () => work(tx, slot.query!));
        },
        { maxWait: options.maxWaitMs, timeout: options.timeoutMs },
      ),
    );
  } catch (error) {
    if (scope) scope.ended = true;
    await runEffects(scope?.afterTurn ?? []);
    throw error;
  }
  const ended = scope!;
  ended.ended = true;
  await runEffects(ended.afterCommit);
  await runEffects(ended.afterTurn);
  return result;
}

/** Runs `effect` once the current turn commits (never, if it rolls back); at once outside a turn. */
export function afterCommit(effect: Effect): void {
  const scope = openScope();
  if (scope) scope.afterCommit.push(effect);
  else effect();
}

/**
 * Like afterCommit, but resolves at once inside a turn and only after `effect` outside one, for
 * callers that await what they deliver (a Bot Framework send outside a turn, a web chat push).
 */
export async function deliverAfterCommit(effect: () => Promise<void>): Promise<void> {
  const scope = openScope();
  if (scope) scope.afterCommit.push(effect);
  else await effect();
}

/** Runs `effect` when the current turn's transaction ends, committed or rolled back; at once outside a turn. */
export async function afterTurn(effect: () => Promise<void>): Promise<void> {
  const scope = openScope();
  if (scope) scope.afterTurn.push(effect);
  else await effect();
}

/** Staff events raised inside a turn leave after it commits; elsewhere at once. */
export class AfterCommitBroadcaster implements Broadcaster {
  constructor(private readonly inner: Broadcaster) {}

  toStaff(event: StaffEvent): void {
    const scope = openScope();
    if (scope) scope.afterCommit.push(() => this.inner.toStaff(event));
    else this.inner.toStaff(event);
  }
}
