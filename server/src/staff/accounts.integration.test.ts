import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.ts';
import { deactivateStaff } from './deactivateStaff.ts';
import { createStaff, put, signedIn, signInAs } from './staffTestKit.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

/** Leaves `keep` as the only active administrator, as a fresh install has. */
async function onlyAdmin(keepId: string) {
  const prisma = server.context.prisma;
  await prisma.staffUser.updateMany({ where: { id: { not: keepId }, roles: { some: { role: 'admin' } } }, data: { active: false } });
}

describe('deactivating staff', () => {
  it("ends the person's existing sessions at once and stops them signing in; reactivation restores access", async () => {
    const { client: admin } = await signedIn(server, ['admin']);
    const handler = await createStaff(server, ['handler']);
    const { client: session } = await signInAs(server, handler.email);
    const { client: otherDevice } = await signInAs(server, handler.email);
    expect((await session.get('/api/auth/me')).status).toBe(200);

    const response = await admin.post(`/api/staff/${handler.id}/deactivate`);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ id: handler.id, active: false, version: handler.version + 1 });
    expect((await session.get('/api/auth/me')).status).toBe(401);
    expect((await otherDevice.get('/api/complaints')).status).toBe(401);
    expect((await signInAs(server, handler.email)).response.status).toBe(401);
    const sessions = await server.context.prisma.staffSession.findMany({ where: { staffUserId: handler.id } });
    expect(sessions.every((row) => row.revokedAt)).toBe(true);

    expect((await admin.post(`/api/staff/${handler.id}/reactivate`)).json.active).toBe(true);
    expect((await signInAs(server, handler.email)).response.status).toBe(200);
    const audit = await server.context.prisma.auditEvent.findMany({ where: { entityId: handler.id, action: { in: ['staff.deactivated', 'staff.reactivated'] } } });
    expect(audit).toHaveLength(2);
  });

  it('refuses to deactivate yourself, and 404s an unknown account', async () => {
    const { staff, client } = await signedIn(server, ['admin']);
    const self = await client.post(`/api/staff/${staff.id}/deactivate`);
    expect(self.status).toBe(403);
    expect(self.json.error.message).toBe('You cannot deactivate your own account. Ask another administrator.');
    expect((await client.post('/api/staff/00000000-0000-4000-8000-000000000000/deactivate')).status).toBe(404);
    expect((await client.post('/api/staff/not-an-id/deactivate')).status).toBe(400);
  });
});

describe('the last active administrator', () => {
  it('cannot remove their own admin role while nobody else is an administrator', async () => {
    const { staff, client } = await signedIn(server, ['admin', 'complaints_officer']);
    await onlyAdmin(staff.id);
    const refused = await put(client, `/api/staff/${staff.id}/roles`, { roles: ['complaints_officer'], version: staff.version });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toContain('last active administrator');
    expect((await client.get('/api/auth/me')).json.user.roles).toEqual(['admin', 'complaints_officer']);

    // With a second administrator in place the same change is allowed.
    const colleague = await createStaff(server, ['admin']);
    const allowed = await put(client, `/api/staff/${staff.id}/roles`, { roles: ['complaints_officer'], version: staff.version });
    expect(allowed.status).toBe(200);
    expect(allowed.json.roles).toEqual(['complaints_officer']);
    // The change applies to the open session at once.
    expect((await client.post(`/api/staff/${colleague.id}/deactivate`)).status).toBe(403);
  });

  it('cannot be deactivated: through the API only another administrator could try, so the service checks too', async () => {
    const { staff, client } = await signedIn(server, ['admin']);
    await onlyAdmin(staff.id);
    expect((await client.post(`/api/staff/${staff.id}/deactivate`)).status).toBe(403);
    // A race (two admins deactivating each other) reaches the service with the other one gone.
    const other = await createStaff(server, ['admin'], { active: false });
    await expect(deactivateStaff(server.context, { staffId: staff.id, actorId: other.id })).rejects.toThrow('You cannot deactivate the last active administrator.');
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });
});

describe('setting roles', () => {
  it('replaces the roles, audits the change, and answers 409 to a stale version', async () => {
    const { client } = await signedIn(server, ['admin']);
    const target = await createStaff(server, ['agent']);
    const first = await put(client, `/api/staff/${target.id}/roles`, { roles: ['reviewer', 'handler', 'handler'], version: target.version });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ roles: ['handler', 'reviewer'], version: target.version + 1 });

    const stale = await put(client, `/api/staff/${target.id}/roles`, { roles: ['agent'], version: target.version });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toContain('changed by someone else');
    const grants = await server.context.prisma.staffRoleGrant.findMany({ where: { staffUserId: target.id } });
    expect(grants.map((grant) => grant.role).sort()).toEqual(['handler', 'reviewer']);

    const audit = await server.context.prisma.auditEvent.findFirstOrThrow({ where: { entityId: target.id, action: 'staff.roles_changed' } });
    expect(audit.before).toEqual({ roles: ['agent'] });
    expect(audit.after).toEqual({ roles: ['handler', 'reviewer'] });
  });

  it('refuses an empty set of roles or an unknown role', async () => {
    const { client } = await signedIn(server, ['admin']);
    const target = await createStaff(server, ['agent']);
    expect((await put(client, `/api/staff/${target.id}/roles`, { roles: [], version: target.version })).status).toBe(400);
    expect((await put(client, `/api/staff/${target.id}/roles`, { roles: ['superuser'], version: target.version })).status).toBe(400);
  });
});

describe('changing your password', () => {
  const NEW_PASSWORD = 'my new long passphrase';

  it('needs the current password; afterwards the old one fails and other sessions are revoked', async () => {
    const staff = await createStaff(server, ['agent']);
    const { client: here } = await signInAs(server, staff.email);
    const { client: elsewhere } = await signInAs(server, staff.email);

    const wrong = await here.post('/api/staff/me/password', { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(403);
    expect(wrong.json.error.message).toBe('Your current password is not right.');
    const short = await here.post('/api/staff/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.json.error.message).toBe('newPassword: Use at least 12 characters.');

    const changed = await here.post('/api/staff/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.status).toBe(200);
    expect(changed.json).toEqual({ otherSessionsRevoked: 1 });
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    expect((await signInAs(server, staff.email, TEST_PASSWORD)).response.status).toBe(401);
    expect((await signInAs(server, staff.email, NEW_PASSWORD)).response.status).toBe(200);
  });

  it('rate-limits guessing the current password through a signed-in session', async () => {
    const { client } = await signedIn(server, ['agent']);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      statuses.push((await client.post('/api/staff/me/password', { currentPassword: `guess ${attempt}`, newPassword: NEW_PASSWORD })).status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 403)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('is not reachable anonymously', async () => {
    expect((await new ApiClient(server.url).post('/api/staff/me/password', { currentPassword: 'x', newPassword: NEW_PASSWORD })).status).toBe(401);
  });
});
