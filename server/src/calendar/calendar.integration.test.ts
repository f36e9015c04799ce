import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSignedInStaff, startTestServer, type TestServer } from '../testing/testServer.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => new Date('2026-11-02T09:00:00Z') });
});
afterAll(async () => {
  await server?.stop();
});

describe('GET /api/calendar/add-working-days', () => {
  it('skips weekends and bank holidays, including the Boxing Day substitute day', async () => {
    const { client } = await createSignedInStaff(server, ['agent']);
    const response = await client.get('/api/calendar/add-working-days?from=2026-12-24&days=3');
    expect(response.status).toBe(200);
    // 25 Dec (Fri), 26-27 weekend, 28 Dec substitute for Boxing Day: day 1 is 29 December.
    expect(response.json).toEqual({ date: '2026-12-31' });
  });

  it('explains bad input with 400, and is for staff only', async () => {
    const { client } = await createSignedInStaff(server);
    const bad = await client.get('/api/calendar/add-working-days?from=24/12/2026&days=ten');
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('from: Enter a date as YYYY-MM-DD');
    expect(bad.json.error.message).toContain('days: days must be a number');
    expect((await client.get('/api/calendar/add-working-days?from=2026-02-30&days=1')).json.error.message).toContain('That date does not exist');
    expect((await new ApiClient(server.url).get('/api/calendar/add-working-days?from=2026-12-24&days=3')).status).toBe(401);
  });
});

describe('closure days', () => {
  it('only admins add and remove them; each change is audited and moves deadlines at once', async () => {
    const { client: handler } = await createSignedInStaff(server, ['handler', 'complaints_officer']);
    const { staff: admin, client } = await createSignedInStaff(server, ['admin']);
    const body = { date: '2026-12-29', description: 'Office closed between Christmas and New Year' };
    expect((await handler.post('/api/calendar/closure-days', body)).status).toBe(403);

    const added = await client.post('/api/calendar/closure-days', body);
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ ...body, createdById: admin.id });
    expect((await handler.get('/api/calendar/closure-days')).json.closureDays.map((d: { date: string }) => d.date)).toEqual(['2026-12-29']);
    expect((await client.get('/api/calendar/add-working-days?from=2026-12-24&days=3')).json).toEqual({ date: '2027-01-04' });
    expect((await client.post('/api/calendar/closure-days', body)).status).toBe(400);
    expect((await client.post('/api/calendar/closure-days', { date: '2026-12-26', description: 'Saturday' })).status).toBe(400);

    expect((await handler.request('DELETE', '/api/calendar/closure-days/2026-12-29')).status).toBe(403);
    expect((await client.request('DELETE', '/api/calendar/closure-days/2026-12-29')).status).toBe(204);
    expect((await client.request('DELETE', '/api/calendar/closure-days/2026-12-29')).status).toBe(404);
    expect((await client.get('/api/calendar/add-working-days?from=2026-12-24&days=3')).json).toEqual({ date: '2026-12-31' });

    const audit = await server.context.prisma.auditEvent.findMany({ where: { entityType: 'ClosureDay', entityId: '2026-12-29' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorStaffId])).toEqual([
      ['closure_day.added', admin.id],
      ['closure_day.removed', admin.id],
    ]);
  });
});
