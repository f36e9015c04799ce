import { openDatabase } from '@complaints/db';
const kind = (process.argv[2] ?? 'postgres') as 'postgres' | 'pglite';
const db = await openDatabase(kind === 'postgres' ? { kind, url: 'postgresql://postgres@127.0.0.1:5432/micro' } : { kind, dataDir: null });
const p = db.prisma;
await p.botState.upsert({ where: { key: 'k1' }, create: { key: 'k1', data: { a: 1 }, eTag: 'e' }, update: {} });
async function time(name: string, n: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await fn();
  const c0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  const wall = (performance.now() - t0) * 1000 / n; const c = process.cpuUsage(c0); const cpu = (c.user + c.system) / n;
  console.log(`${kind} ${name.padEnd(40)} wall ${wall.toFixed(0)} µs  cpu ${cpu.toFixed(0)} µs`);
}
const N = 2000;
await time('model findMany', N, () => p.botState.findMany({ where: { key: { in: ['k1'] } } }));
await time('model update', N, () => p.botState.updateMany({ where: { key: 'k1', eTag: 'zz' }, data: { data: { a: 2 }, eTag: 'zz' } }));
await time('$queryRawUnsafe', N, () => p.$queryRawUnsafe('SELECT * FROM "BotState" WHERE "key" = $1', 'k1'));
await time('$queryRaw tagged', N, () => p.$queryRaw`SELECT * FROM "BotState" WHERE "key" = ${'k1'}`);
await time('driver query', N, () => db.query('SELECT * FROM "BotState" WHERE "key" = $1', ['k1']));
await p.$transaction(async (tx) => {
  await time('tx model findMany', N, () => tx.botState.findMany({ where: { key: { in: ['k1'] } } }));
  await time('tx $queryRawUnsafe', N, () => tx.$queryRawUnsafe('SELECT * FROM "BotState" WHERE "key" = $1', 'k1'));
}, { timeout: 120000 });
await time('empty $transaction', 500, () => p.$transaction(async () => undefined));
await time('driver transaction', 500, () => db.transaction(async () => undefined));
await db.close();
