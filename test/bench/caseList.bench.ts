// The case list under load: 50,000 complaints in PostgreSQL, a filtered page through the real
// service (listComplaints: the rows, the count and the engine's deadline summaries), against a
// baseline measured in the same run on the same database.
//
//   node --import tsx test/bench/caseList.bench.ts
//
// Needs PostgreSQL on 127.0.0.1:5432 (user postgres), or BENCH_DATABASE_URL naming a server where
// the user may create databases. It creates a throw-away database, bulk-loads it with multi-row
// INSERTs (unnest of arrays, 5,000 rows a statement), times each query 30 times after a warm-up,
// prints p50 / p95 / max per query and overall, and drops the database (BENCH_KEEP=1 keeps it,
// for EXPLAIN ANALYZE in psql). Target: p95 < 150 ms.
//
// Baselines: `SELECT * FROM "Complaint" ORDER BY id LIMIT 25` (a primary-key page, no filter,
// no count) through the same Prisma client, and the same page through prisma.findMany.

import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type PrismaClient } from '@complaints/db';
import { createEmptyPostgresDatabase } from '@complaints/db/testing';
import { addCalendarDays, civilDateInLondon } from '../../server/src/domain/index.ts';
import type { CivilDate } from '../../server/src/domain/index.ts';
import { listComplaints } from '../../server/src/complaints/listComplaints.ts';
import type { ServerContext } from '../../server/src/context.ts';
import { RecordingBroadcaster } from '../../server/src/realtime/broadcaster.ts';
import { ZListComplaintsQuerySchema } from '../../server/src/schemas/index.ts';

const COMPLAINTS = 50_000;
const RESIDENTS = 35_000;
const HANDLERS = 40;
const RUNS = 30;
const WARM_UP = 3;
const TARGET_P95_MS = 150;
const CHUNK = 5_000;

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

// A seeded generator (mulberry32), so every run loads the same data.
let seed = 20_261_201;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
  let r = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of entries) if ((r -= w) < 0) return value;
  return entries[entries.length - 1]![0];
};

const FIRST = ['Ada', 'Grace', 'Alan', 'Katherine', 'Mary', 'Dorothy', 'Tom', 'Priya', 'Kwame', 'Siobhan', 'Dylan', 'Fatima', 'Wei', 'Olu', 'Megan', 'Rhys', 'Aisha', 'Callum', 'Zofia', 'Tariq', 'Bronwen', 'Jamal', 'Niamh', 'Ewan', 'Leila'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Jackson', 'Vaughan', 'Okafor', 'Patel', 'Mensah', 'Byrne', 'Evans', 'Rahman', 'Chen', 'Adeyemi', 'Morgan', 'Price', 'Khan', 'Fraser', 'Nowak', 'Hussain', 'Pryce', 'Wright', 'Doyle', 'Reid', 'Mahmoud', 'Testperson', 'Examplesson', 'Fictional', 'Madeup', 'Sample'];

/** Ofcom's drama ranges: 07700 900xxx and the geographic ones, about 17,000 fictional numbers. */
const DRAMA_PREFIXES = ['+447700900', '+441134960', '+441144960', '+441154960', '+441164960', '+441174960', '+441184960', '+441214960', '+441314960', '+441414960', '+441514960', '+441614960', '+441914980', '+442079460', '+442896490', '+442920180', '+441632960'];
const dramaNumber = (i: number) => `${DRAMA_PREFIXES[Math.floor(i / 1000)]}${String(i % 1000).padStart(3, '0')}`;

async function insertRows(client: pg.Client, table: string, columns: [string, string][], rows: unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const arrays = columns.map((_, c) => chunk.map((row) => row[c]));
    const list = columns.map(([name]) => `"${name}"`).join(', ');
    const unnest = columns.map(([, type], c) => `$${c + 1}::${type}[]`).join(', ');
    await client.query(`INSERT INTO "${table}" (${list}) SELECT * FROM unnest(${unnest})`, arrays);
  }
}

interface Seeded {
  handlerIds: string[];
  categoryIds: string[];
  someName: string;
  somePhone: string;
  someDigits: string;
  someReference: string;
}

async function seedDatabase(url: string, prisma: PrismaClient, today: CivilDate): Promise<Seeded> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const now = new Date();
    const handlerIds = Array.from({ length: HANDLERS }, () => randomUUID());
    await insertRows(client, 'StaffUser', [['id', 'uuid'], ['email', 'text'], ['name', 'text'], ['updatedAt', 'timestamptz']], handlerIds.map((id, i) => [id, `handler${i}@example.org`, `${pick(FIRST)} ${pick(LAST)} (handler ${i})`, now]));
    await insertRows(client, 'StaffRoleGrant', [['staffUserId', 'uuid'], ['role', '"StaffRole"']], handlerIds.map((id, i) => [id, i % 4 === 0 ? 'reviewer' : 'handler']));
    const categoryIds = (await prisma.category.findMany({ select: { id: true } })).map((c) => c.id);

    const residentIds = Array.from({ length: RESIDENTS }, () => randomUUID());
    const residents = residentIds.map((id, i) => [id, `${pick(FIRST)} ${pick(LAST)}`, random() < 0.1 ? pick(FIRST) : null, 'ZZ1 1ZZ', `T${100000 + i}`, now]);
    await insertRows(client, 'Resident', [['id', 'uuid'], ['fullName', 'text'], ['preferredName', 'text'], ['postcode', 'text'], ['tenancyReference', 'text'], ['updatedAt', 'timestamptz']], residents);
    // About half the residents have a phone identity (every fictional number once, some on
    // WhatsApp too); the rest reach us by web chat.
    const identities: unknown[][] = [];
    residentIds.forEach((residentId, i) => {
      if (i < DRAMA_PREFIXES.length * 1000) {
        identities.push([randomUUID(), 'sms', dramaNumber(i), residentId, random() < 0.05 ? now : null]);
        if (random() < 0.3) identities.push([randomUUID(), 'whatsapp', dramaNumber(i), residentId, null]);
      } else {
        identities.push([randomUUID(), 'webchat', randomBytes(16).toString('hex'), residentId, null]);
      }
    });
    await insertRows(client, 'ChannelIdentity', [['id', 'uuid'], ['channel', '"Channel"'], ['address', 'text'], ['residentId', 'uuid'], ['optedOutAt', 'timestamptz']], identities);

    const complaints: unknown[][] = [];
    const stages: unknown[][] = [];
    const counters = new Map<number, number>();
    const complainants: number[] = [];
    for (let i = 0; i < COMPLAINTS; i += 1) {
      // Received over the last two years, more of them recently.
      const daysAgo = Math.floor(730 * random() ** 1.6);
      const receivedDay = addCalendarDays(today, -daysAgo);
      const receivedAt = new Date(`${receivedDay}T${String(8 + Math.floor(random() * 10)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00Z`);
      const year = Number(receivedDay.slice(0, 4));
      const n = (counters.get(year) ?? 0) + 1;
      counters.set(year, n);
      const open = daysAgo < 60 ? random() < 0.7 : random() < 0.05;
      const status = open ? weighted([['received', 25], ['acknowledged', 75]] as const) : weighted([['closed', 80], ['responded', 12], ['refused', 8]] as const);
      const stage = random() < 0.2 ? 'stage_2' : 'stage_1';
      const dueOn = open ? addCalendarDays(today, Math.floor(random() * 50) - 15) : null;
      const handler = random() < 0.1 ? null : pick(handlerIds);
      const category = status === 'closed' || random() < 0.3 ? pick(categoryIds) : null;
      const channel = weighted([['sms', 30], ['whatsapp', 20], ['webchat', 25], ['phone', 15], ['email', 6], ['letter', 3], ['in_person', 1]] as const);
      const id = randomUUID();
      const resident = Math.floor(random() * RESIDENTS);
      complainants.push(resident);
      complaints.push([id, `CMP-${year}-${String(n).padStart(6, '0')}`, residentIds[resident], channel, receivedAt, 'The repair was booked three times and nobody came.', stage, status, handler, dueOn, category, now]);
      stages.push([randomUUID(), id, 'stage_1', handler, receivedAt, addCalendarDays(receivedDay, 7), now]);
    }
    await insertRows(
      client,
      'Complaint',
      [['id', 'uuid'], ['reference', 'text'], ['residentId', 'uuid'], ['channel', '"Channel"'], ['receivedAt', 'timestamptz'], ['summary', 'text'], ['stage', '"Stage"'], ['status', '"ComplaintStatus"'], ['currentHandlerId', 'uuid'], ['currentDueOn', 'date'], ['categoryId', 'uuid'], ['updatedAt', 'timestamptz']],
      complaints,
    );
    await insertRows(client, 'ComplaintStage', [['id', 'uuid'], ['complaintId', 'uuid'], ['stage', '"Stage"'], ['handlerId', 'uuid'], ['startedAt', 'timestamptz'], ['acknowledgementDueOn', 'date'], ['updatedAt', 'timestamptz']], stages);
    // The steady state autovacuum keeps a live database in: statistics and the visibility map
    // (which lets a deep page be read from the index alone).
    await client.query('VACUUM ANALYZE');
    const sample = complaints[Math.floor(COMPLAINTS / 3)] as [string, string];
    // Numbers of residents who have complained, so the phone searches find something.
    const withPhone = complainants.filter((r) => r < DRAMA_PREFIXES.length * 1000);
    return {
      handlerIds,
      categoryIds,
      someName: String(residents[1234]?.[1]).split(' ')[1] ?? 'Okafor',
      somePhone: dramaNumber(withPhone[100] ?? 0).replace('+44', '0'),
      someDigits: dramaNumber(withPhone[200] ?? 0).slice(-6),
      someReference: sample[1],
    };
  } finally {
    await client.end();
  }
}

interface Timing {
  name: string;
  samples: number[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function time(name: string, run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i += 1) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { name, samples };
}

const ms = (value: number) => value.toFixed(1).padStart(7);

async function main(): Promise<void> {
  const empty = await createEmptyPostgresDatabase(serverUrl);
  const url = new URL(empty.url);
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  try {
    const today = civilDateInLondon(new Date());
    const loadStart = Date.now();
    const seeded = await seedDatabase(url.toString(), database.prisma, today);
    console.log(`case list benchmark: ${COMPLAINTS.toLocaleString('en-GB')} complaints, ${RESIDENTS.toLocaleString('en-GB')} residents, ${HANDLERS} handlers, loaded in ${((Date.now() - loadStart) / 1000).toFixed(1)} s; PostgreSQL ${(await database.prisma.$queryRaw<{ server_version: string }[]>`SHOW server_version`.then((r) => r[0]?.server_version))}; node ${process.version}; ${RUNS} timed runs each after ${WARM_UP} warm-up`);
    const ctx = { prisma: database.prisma, now: () => new Date(), broadcaster: new RecordingBroadcaster() } as unknown as ServerContext;
    // Any signed-in person: "me" is the first handler.
    const actorId = seeded.handlerIds[0] as string;
    const queries: [string, Record<string, string>][] = [
      ['default (earliest deadline first)', {}],
      ['status=received', { status: 'received' }],
      ['status=acknowledged', { status: 'acknowledged' }],
      ['stage=stage_2', { stage: 'stage_2' }],
      ['handlerId=me', { handlerId: 'me' }],
      ['handlerId=unassigned', { handlerId: 'unassigned' }],
      ['categoryId=<one>', { categoryId: seeded.categoryIds[0] as string }],
      ['categoryId=none', { categoryId: 'none' }],
      ['channel=whatsapp', { channel: 'whatsapp' }],
      ['deadline=overdue', { deadline: 'overdue' }],
      ['deadline=due_soon', { deadline: 'due_soon' }],
      ['deadline=on_track', { deadline: 'on_track' }],
      [`q=<surname> (${seeded.someName})`, { q: seeded.someName }],
      ['q=<part of a name> (ovel)', { q: 'ovel' }],
      [`q=<phone> (${seeded.somePhone})`, { q: seeded.somePhone }],
      [`q=<last digits> (${seeded.someDigits})`, { q: seeded.someDigits }],
      [`q=<reference> (${seeded.someReference})`, { q: seeded.someReference }],
      ['q=<part of a reference> (012345)', { q: '012345' }],
      ['sort=receivedAt&order=desc', { sort: 'receivedAt', order: 'desc' }],
      ['sort=reference', { sort: 'reference' }],
      ['sort=status', { sort: 'status' }],
      ['sort=dueOn&order=desc', { sort: 'dueOn', order: 'desc' }],
      ['page=1000 (offset 24,975)', { page: '1000' }],
      ['page=2000 (the last page)', { page: '2000' }],
      ['status=closed&sort=receivedAt&order=desc&page=400', { status: 'closed', sort: 'receivedAt', order: 'desc', page: '400' }],
      ['handlerId=me&status=acknowledged&deadline=due_soon', { handlerId: 'me', status: 'acknowledged', deadline: 'due_soon' }],
      ['stage=stage_1&channel=sms&q=<surname>', { stage: 'stage_1', channel: 'sms', q: seeded.someName }],
    ];

    const baseline = await time('baseline: SELECT … ORDER BY id LIMIT 25', () => database.prisma.$queryRaw`SELECT * FROM "Complaint" ORDER BY id LIMIT 25`);
    const baselineOrm = await time('baseline: prisma findMany ORDER BY id take 25', () => database.prisma.complaint.findMany({ orderBy: { id: 'asc' }, take: 25 }));
    const results: (Timing & { total: number })[] = [];
    for (const [label, params] of queries) {
      const query = ZListComplaintsQuerySchema.parse(params);
      let total = 0;
      const timing = await time(label, async () => {
        total = (await listComplaints(ctx, { ...query, actorId })).total;
      });
      results.push({ ...timing, total });
    }

    const width = Math.max(...[baseline, baselineOrm, ...results].map((r) => r.name.length));
    const line = (r: Timing, extra: string) => {
      const sorted = [...r.samples].sort((a, b) => a - b);
      return `${r.name.padEnd(width)} ${ms(percentile(sorted, 50))} ${ms(percentile(sorted, 95))} ${ms(sorted[sorted.length - 1] ?? NaN)}  ${extra}`;
    };
    console.log('');
    console.log(`${'query'.padEnd(width)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'max ms'.padStart(7)}  result`);
    console.log(line(baseline, ''));
    console.log(line(baselineOrm, ''));
    let failures = 0;
    for (const r of results) {
      const p95 = percentile([...r.samples].sort((a, b) => a - b), 95);
      const pass = p95 < TARGET_P95_MS;
      if (!pass) failures += 1;
      console.log(line(r, `${pass ? 'PASS' : 'FAIL'}  (${r.total.toLocaleString('en-GB')} cases)`));
    }
    const all = results.flatMap((r) => r.samples).sort((a, b) => a - b);
    const overall = percentile(all, 95);
    const baseP50 = percentile([...baseline.samples].sort((a, b) => a - b), 50);
    console.log('');
    console.log(`overall: p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${overall.toFixed(1)} ms, max ${(all[all.length - 1] ?? NaN).toFixed(1)} ms over ${all.length} filtered pages; baseline p50 ${baseP50.toFixed(1)} ms (${(percentile(all, 50) / baseP50).toFixed(1)}x)`);
    console.log(`target p95 < ${TARGET_P95_MS} ms: ${overall < TARGET_P95_MS && failures === 0 ? 'PASS' : `FAIL (${failures} queries over)`}`);

    if (overall >= TARGET_P95_MS || failures > 0) process.exitCode = 1;
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP === '1') console.log(`kept database ${url.pathname.slice(1)}`);
    else await empty.drop();
  }
}

await main();
