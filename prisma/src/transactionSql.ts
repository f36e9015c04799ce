// The driver connection under one Prisma interactive transaction, for hot paths inside it.
//
// Prisma compiles every model query (and, less so, every raw one) in the process: about 0.3 to
// 0.9 ms of CPU against 0.1 ms for the statement on the driver itself. A bot turn runs a dozen
// statements in one transaction for each message a resident sends, so in a storm that compiling
// is most of what the server does. Code that runs inside the transaction can reach the same
// connection (so the same transaction, its locks and its savepoints) through the driver: the
// adapter offers it when Prisma starts the transaction inside `withTransactionSql`.
//
// Rows come as the driver gives them: node-postgres returns int8 as a string, PGlite as a
// bigint; cast in SQL (`::text`, `::int4`) or convert with BigInt() where it matters.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlQuery } from './database.ts';

export interface TransactionSqlSlot {
  /** The transaction's connection; set once Prisma has started the transaction. */
  query?: SqlQuery;
}

const slots = new AsyncLocalStorage<TransactionSqlSlot>();

/**
 * Runs `start`, which must open exactly one Prisma interactive transaction ($transaction(fn)),
 * so that `slot.query` reaches that transaction's connection while `fn` runs. The caller must
 * stop using it once the transaction has ended: the connection goes back to the pool.
 */
export function withTransactionSql<T>(start: (slot: TransactionSqlSlot) => Promise<T>): Promise<T> {
  const slot: TransactionSqlSlot = {};
  return slots.run(slot, () => start(slot));
}

/** Called by the adapters as a transaction starts: the first transaction in a slot takes it. */
export function offerTransactionSql(query: SqlQuery): void {
  const slot = slots.getStore();
  if (slot && !slot.query) slot.query = query;
}

/**
 * The same SqlQuery through Prisma's raw queries (a client or a transaction): for code written
 * against SqlQuery that is given only a Prisma client (the bot package in its own tests).
 */
export function sqlThroughPrisma(client: { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T> }): SqlQuery {
  return async <Row>(text: string, params: unknown[] = []) => client.$queryRawUnsafe<Row[]>(text, ...params);
}
