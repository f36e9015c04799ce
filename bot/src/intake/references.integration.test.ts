// Where references are numbered: by default in the write's own transaction; with `references`
// (the server on PostgreSQL) in a statement of its own, so the counter row is never held for a
// whole bot turn — and a rolled-back turn leaves a gap, never a duplicate.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '@complaints/db/testing';
import { PrismaIntake } from './PrismaIntake.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.destroy());

const receivedAt = new Date('2026-03-02T10:00:00Z');
const counter = async () => (await db.prisma.referenceCounter.findUnique({ where: { key: 'SR-2026' } }))?.lastValue ?? 0;

type Options = { references?: TestDatabase['query'] };

/** Records a service request inside an outer transaction (as a bot turn does), which then fails. */
async function recordThenRollBack(options: Options) {
  const ref = { conversationId: randomUUID(), channel: 'sms' as const, address: '+447700900776' };
  await expect(
    db.prisma.$transaction(async (tx) => {
      // As the server's scoped client inside a turn: nested $transaction runs on the turn's.
      const turnClient = new Proxy(tx, { get: (target, prop) => (prop === '$transaction' ? (work: (t: typeof tx) => unknown) => work(tx) : Reflect.get(target, prop)) });
      const intake = new PrismaIntake(turnClient as unknown as typeof db.prisma, { acknowledgementDueOn: (at) => at, ...options });
      await intake.recordServiceRequest(ref, { residentId: null, description: 'The heating is off across the block', receivedAt });
      throw new Error('the turn fails after recording');
    }),
  ).rejects.toThrow('the turn fails after recording');
}

describe('service request references', () => {
  it('by default are numbered in the transaction: a rollback takes the number back', async () => {
    const before = await counter();
    await recordThenRollBack({});
    expect(await counter()).toBe(before);
  });

  it.runIf(testDatabaseKind() === 'postgres')('with `references`, are numbered in a statement of their own: a rollback leaves a gap, the next number is new', async () => {
    const before = await counter();
    await recordThenRollBack({ references: db.query });
    expect(await counter()).toBe(before + 1);
    const ref = { conversationId: randomUUID(), channel: 'sms' as const, address: '+447700900777' };
    const recorded = await new PrismaIntake(db.prisma, { acknowledgementDueOn: (at) => at, references: db.query }).recordServiceRequest(ref, { residentId: null, description: 'Still no heating', receivedAt });
    expect(recorded.reference).toBe(`SR-2026-${String(before + 2).padStart(6, '0')}`);
  });
});
