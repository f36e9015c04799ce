import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '@complaints/db/factories';
import { ApiClient, createSignedInStaff, startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.ts';
import { hashPassword } from './passwords.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('staff sign-in API', () => {
  it('signs in with email and password, sets an httpOnly SameSite session cookie, and knows who you are', async () => {
    const staff = await createStaffUser(server.context.prisma, { roles: ['handler', 'agent'], passwordHash: await hashPassword(TEST_PASSWORD) });
    const client = new ApiClient(server.url);
    const login = await client.post('/api/auth/login', { email: staff.email.toUpperCase(), password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(login.json.user).toEqual({ id: staff.id, email: staff.email, name: staff.name, roles: ['agent', 'handler'] });

    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.json.user.id).toBe(staff.id);

    const audit = await server.context.prisma.auditEvent.findMany({ where: { entityId: staff.id, action: 'staff.signed_in' } });
    expect(audit).toHaveLength(1);
  });

  it('refuses a wrong password or unknown email with the same message', async () => {
    const staff = await createStaffUser(server.context.prisma, { passwordHash: await hashPassword(TEST_PASSWORD) });
    const wrong = await new ApiClient(server.url).post('/api/auth/login', { email: staff.email, password: 'not the password' });
    const unknown = await new ApiClient(server.url).post('/api/auth/login', { email: 'nobody@example.org', password: 'whatever it is' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json.error.message).toBe(unknown.json.error.message);
  });

  it('refuses a deactivated account', async () => {
    const staff = await createStaffUser(server.context.prisma, { passwordHash: await hashPassword(TEST_PASSWORD), active: false });
    const response = await new ApiClient(server.url).post('/api/auth/login', { email: staff.email, password: TEST_PASSWORD });
    expect(response.status).toBe(401);
  });

  it('explains a malformed sign-in request', async () => {
    const response = await new ApiClient(server.url).post('/api/auth/login', { email: 'not-an-email' });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toContain('email: Enter a valid email address.');
    expect(response.json.error.message).toContain('password: Enter your password.');
    const broken = await new ApiClient(server.url).post('/api/auth/login', '{"email":');
    expect(broken.status).toBe(400);
    expect(broken.json.error.message).toBe('The request body is not valid JSON.');
  });

  it('signs out: the session stops working at once', async () => {
    const { client } = await createSignedInStaff(server);
    const stolenCookie = client.cookie;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const replay = new ApiClient(server.url);
    replay.cookie = stolenCookie;
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('rate-limits repeated failed sign-ins for one account', async () => {
    const staff = await createStaffUser(server.context.prisma, { passwordHash: await hashPassword(TEST_PASSWORD) });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      statuses.push((await new ApiClient(server.url).post('/api/auth/login', { email: staff.email, password: `guess ${attempt}` })).status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Even the right password waits until the window passes.
    const right = await new ApiClient(server.url).post('/api/auth/login', { email: staff.email, password: TEST_PASSWORD });
    expect(right.status).toBe(429);
  });

  it('refuses cross-site and non-JSON state changes (CSRF)', async () => {
    const { client } = await createSignedInStaff(server);
    const crossSite = await client.post('/api/auth/logout', undefined, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const form = await client.request('POST', '/api/auth/login', 'email=a%40b.c&password=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });
});

describe('access to the rest of the API', () => {
  it('answers 401 to anonymous callers on every other /api route, and 404 to staff on unknown ones', async () => {
    const anonymous = new ApiClient(server.url);
    for (const path of ['/api/cases', '/api/complaints/123', '/api/anything']) {
      const response = await anonymous.get(path);
      expect(response.status, path).toBe(401);
      expect(response.json.error.message).toBe('Sign in to continue.');
    }
    const { client } = await createSignedInStaff(server);
    expect((await client.get('/api/anything')).status).toBe(404);
  });
});

describe('health and pages', () => {
  it('reports health with a database round trip', async () => {
    const response = await new ApiClient(server.url).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: 'ok', database: server.database.kind });
  });

  it('sends security headers', async () => {
    const response = await new ApiClient(server.url).get('/healthz');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
