import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInStaff, startTestServer, type TestServer } from '../testing/testServer.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

describe('complaint categories', () => {
  it('start with a default set every signed-in role can read', async () => {
    const { client } = await createSignedInStaff(server, ['agent']);
    const response = await client.get('/api/categories');
    expect(response.status).toBe(200);
    const names = (response.json.categories as { name: string; active: boolean }[]).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Repairs', 'Damp and mould', 'Other']));
    expect(response.json.categories.every((c: { active: boolean }) => c.active)).toBe(true);
  });

  it('are added, renamed and retired by a complaints officer, audited, and a retired one is listed only on request', async () => {
    const { client, staff } = await createSignedInStaff(server, ['complaints_officer']);
    const created = await client.post('/api/categories', { name: '  Heating and hot water ', description: 'Boilers, district heating' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'Heating and hot water', active: true, version: 1 });

    const retired = await client.request('PUT', `/api/categories/${created.json.id}`, { active: false, version: 1 });
    expect(retired.status).toBe(200);
    expect(retired.json).toMatchObject({ active: false, version: 2 });
    const active = (await client.get('/api/categories')).json.categories as { id: string }[];
    expect(active.some((c) => c.id === created.json.id)).toBe(false);
    const all = (await client.get('/api/categories?includeRetired=true')).json.categories as { id: string }[];
    expect(all.some((c) => c.id === created.json.id)).toBe(true);

    const audit = await server.context.prisma.auditEvent.findMany({ where: { entityType: 'Category', entityId: created.json.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorStaffId])).toEqual([
      ['category.created', staff.id],
      ['category.updated', staff.id],
    ]);
  });

  it('refuses a duplicate name (whatever its case), a stale version and an empty name, with messages a person can act on', async () => {
    const { client } = await createSignedInStaff(server, ['admin']);
    const duplicate = await client.post('/api/categories', { name: 'repairs' });
    expect(duplicate.status).toBe(400);
    expect(duplicate.json.error.message).toMatch(/already a category called “Repairs”/);

    const created = await client.post('/api/categories', { name: 'Parking' });
    expect((await client.request('PUT', `/api/categories/${created.json.id}`, { name: 'Parking and garages', version: 1 })).status).toBe(200);
    const stale = await client.request('PUT', `/api/categories/${created.json.id}`, { name: 'Garages', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toMatch(/Reload/);

    const empty = await client.post('/api/categories', { name: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toMatch(/category name cannot be empty/);
  });

  it('are configured only by complaints officers and admins', async () => {
    for (const role of ['agent', 'handler', 'reviewer'] as const) {
      const { client } = await createSignedInStaff(server, [role]);
      expect((await client.post('/api/categories', { name: `Made by ${role}` })).status).toBe(403);
    }
  });
});
