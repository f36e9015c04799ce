// `npm start` as a user runs it: configuration errors, first run on embedded PostgreSQL, data
// kept across restarts, and real PostgreSQL when DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createEmptyPostgresDatabase } from '@complaints/db/testing';
import { repoRoot, runMain, startServerProcess } from '../support/serverProcess.ts';

describe('starting the server', () => {
  it('stops on a bad PORT with one line naming the variable', async () => {
    const run = runMain({ PORT: 'abc' });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe('Invalid configuration: PORT must be a whole number from 1 to 65535 (got "abc")');
  });

  it('`npm start` checks the configuration before it builds anything', () => {
    const check = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/config/checkConfig.ts'], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, PORT: '99999' },
      encoding: 'utf8',
    });
    expect(check.status).toBe(1);
    expect(check.stderr.trim()).toBe('Invalid configuration: PORT must be a whole number from 1 to 65535 (got "99999")');
  });

  it('first run on embedded PostgreSQL: migrates, prints a one-time setup link, serves /healthz; data survives a restart', async () => {
    const server = await startServerProcess();
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
      expect(server.output()).toMatch(/\/setup#token=[A-Za-z0-9_-]{43}/);
      expect(server.output()).toContain('applied database migrations');
      const token = /setup#token=([A-Za-z0-9_-]+)/.exec(server.output())![1];
      const setup = await fetch(`${server.url}/api/auth/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, name: 'First Admin', email: 'first@example.org', password: 'a long enough password' }),
      });
      expect(setup.status).toBe(201);
      expect(await server.stop()).toBe(0);

      const again = await startServerProcess({ dataDir: server.dataDir });
      try {
        expect(again.output()).not.toContain('setup#token');
        expect(again.output()).not.toContain('applied database migrations');
        const login = await fetch(`${again.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'first@example.org', password: 'a long enough password' }),
        });
        expect(login.status).toBe(200);
      } finally {
        await again.stop();
      }
    } finally {
      await server.destroy();
    }
  }, 120_000);

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))('runs on PostgreSQL when DATABASE_URL is set', async () => {
    const empty = await createEmptyPostgresDatabase(process.env.TEST_DATABASE_URL!);
    try {
      const server = await startServerProcess({ env: { DATABASE_URL: empty.url } });
      try {
        expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok', database: 'postgres' });
      } finally {
        await server.destroy();
      }
    } finally {
      await empty.drop();
    }
  }, 120_000);
});
