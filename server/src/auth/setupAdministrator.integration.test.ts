import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../testing/testServer.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('the first administrator', () => {
  it('a fresh install has no password to guess: a one-time setup link creates the administrator', async () => {
    server = await startTestServer();
    expect(server.bootstrap.kind).toBe('setup-link');
    const token = server.bootstrap.kind === 'setup-link' ? server.bootstrap.token : '';
    const client = new ApiClient(server.url);
    const body = { token, name: 'Ada Admin', email: 'ada@example.org', password: 'a long enough password' };

    const created = await client.post('/api/auth/setup', body);
    expect(created.status).toBe(201);
    expect(created.json.user.roles).toEqual(['admin']);
    expect((await client.get('/api/auth/me')).json.user.email).toBe('ada@example.org');

    const again = await new ApiClient(server.url).post('/api/auth/setup', { ...body, email: 'mallory@example.org' });
    expect(again.status).toBe(403);
    expect(await server.context.prisma.staffUser.count()).toBe(1);
  });

  it('refuses a forged setup token', async () => {
    server = await startTestServer();
    const response = await new ApiClient(server.url).post('/api/auth/setup', {
      token: 'x'.repeat(43),
      name: 'Mallory',
      email: 'mallory@example.org',
      password: 'a long enough password',
    });
    expect(response.status).toBe(403);
    expect(await server.context.prisma.staffUser.count()).toBe(0);
  });

  it('ADMIN_EMAIL and ADMIN_PASSWORD create the administrator for automated deployments', async () => {
    server = await startTestServer({ env: { ADMIN_EMAIL: 'ops@example.org', ADMIN_PASSWORD: 'deployment password 1' } });
    expect(server.bootstrap.kind).toBe('created-from-environment');
    const login = await new ApiClient(server.url).post('/api/auth/login', { email: 'ops@example.org', password: 'deployment password 1' });
    expect(login.status).toBe(200);
    expect(login.json.user.roles).toEqual(['admin']);
  });
});
