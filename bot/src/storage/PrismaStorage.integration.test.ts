import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@complaints/db/testing';
import { ETagConflictError, PrismaStorage } from './PrismaStorage.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.destroy());

// The server runs the statements on the driver (inside a turn, on its transaction); alone they go through Prisma.
describe.each([
  ['through Prisma', () => new PrismaStorage(db.prisma)],
  ['on the driver', () => new PrismaStorage(db.prisma, () => db.query)],
])('PrismaStorage %s', (_how, makeStorage) => {
  let storage: PrismaStorage;
  beforeAll(() => {
    storage = makeStorage();
  });
  afterAll(async () => db.prisma.botState.deleteMany());

  it('writes, reads back with an eTag, and deletes', async () => {
    await storage.write({ k1: { count: 1, nested: { a: [1, 2] } } });
    const read = await storage.read(['k1', 'missing']);
    expect(read.k1).toMatchObject({ count: 1, nested: { a: [1, 2] } });
    expect(typeof read.k1.eTag).toBe('string');
    expect(read.missing).toBeUndefined();
    await storage.delete(['k1']);
    expect(await storage.read(['k1'])).toEqual({});
  });

  it('rejects a write whose eTag no longer matches, unless it is "*"', async () => {
    await storage.write({ k2: { v: 'first' } });
    const a = (await storage.read(['k2'])).k2;
    const b = (await storage.read(['k2'])).k2;
    await storage.write({ k2: { ...a, v: 'from a' } });
    await expect(storage.write({ k2: { ...b, v: 'from b' } })).rejects.toBeInstanceOf(ETagConflictError);
    expect((await storage.read(['k2'])).k2.v).toBe('from a');
    await storage.write({ k2: { ...b, v: 'forced', eTag: '*' } });
    expect((await storage.read(['k2'])).k2.v).toBe('forced');
  });

  it('each write issues a new eTag', async () => {
    await storage.write({ k3: { v: 1 } });
    const first = (await storage.read(['k3'])).k3;
    await storage.write({ k3: { ...first, v: 2 } });
    const second = (await storage.read(['k3'])).k3;
    expect(second.eTag).not.toBe(first.eTag);
    expect(second.v).toBe(2);
  });

  it('keeps what residents wrote exactly: quotes, markup, emoji, other scripts', async () => {
    const text = `It's "still" broken <script>alert(1)</script> \\ 😡🏚️ ਮੇਰਾ ਘਰ ; DROP TABLE "BotState"; --`;
    await storage.write({ k4: { answers: { what: text } } });
    expect((await storage.read(['k4'])).k4).toMatchObject({ answers: { what: text } });
  });
});
