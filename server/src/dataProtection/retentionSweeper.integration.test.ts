// The hourly retention sweep with several server processes on one database: a run is taken by one
// process; another process's run while it holds the job is skipped, and runs once it is free.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@complaints/db';
import { testDatabaseKind } from '@complaints/db/testing';
import { seedReportFixture } from '../reports/reportsTestKit.ts';
import { SETTING_KEYS } from '../settings/settingKeys.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { startRetentionSweeper } from './retentionSweeper.ts';

// Run in 2030 with a 12-month period: every resident whose complaints all finished is due.
const clock = new Date('2030-01-01T09:00:00Z');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  await seedReportFixture(server.context.prisma);
  await server.context.prisma.setting.create({ data: { key: SETTING_KEYS.retentionMonths, value: 12 } });
});
afterAll(async () => {
  await server?.stop();
});

const anonymised = () => server.context.prisma.resident.count({ where: { anonymisedAt: { not: null } } });

describe('the retention sweep runs in one process at a time', () => {
  it.runIf(testDatabaseKind() === 'postgres')('is skipped while another process runs it, and runs once that one has finished', async () => {
    const [row] = await server.database.query<{ name: string }>('SELECT current_database() AS name');
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${row!.name}`;
    const otherProcess = await openDatabase({ kind: 'postgres', url: url.toString() }, { migrate: false });
    const sweeper = startRetentionSweeper(server.context);
    try {
      let finish!: () => void;
      let started!: () => void;
      const holding = new Promise<void>((resolve) => (started = resolve));
      const theirs = otherProcess.runAlone('retention-sweep', async () => {
        started();
        await new Promise<void>((resolve) => (finish = resolve));
      });
      await holding;
      expect(await sweeper.runNow()).toBe(0);
      expect(await anonymised()).toBe(0);
      finish();
      await theirs;
      expect(await sweeper.runNow()).toBeGreaterThan(0);
      expect(await sweeper.runNow()).toBe(0);
    } finally {
      await sweeper.stop();
      await otherProcess.close();
    }
  });

  it('on its own it anonymises what is due, and a second run finds nothing', async () => {
    const sweeper = startRetentionSweeper(server.context);
    try {
      await sweeper.runNow();
      const done = await anonymised();
      expect(done).toBeGreaterThan(0);
      expect(await sweeper.runNow()).toBe(0);
      expect(await anonymised()).toBe(done);
    } finally {
      await sweeper.stop();
    }
  });
});
