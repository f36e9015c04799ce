import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { TEST_NOW, logComplaint, signIn } from './complaintsTestKit.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => TEST_NOW });
});
afterAll(async () => {
  await server?.stop();
});

describe('logging a complaint about an old issue (2.2, 2.3)', () => {
  it('flags an issue that started more than 12 months before receipt, and still accepts the complaint', async () => {
    const { client } = await signIn(server);
    // Received 1 April 2026; 31 March 2025 is a year and a day earlier.
    const { complaint } = await logComplaint(server, client, { issueStartedOn: '2025-03-31' });
    expect(complaint).toMatchObject({ status: 'received', issueStartedOn: '2025-03-31', flaggedOverTwelveMonths: true, refusal: null });
    expect(complaint.availableOperations).toContain('acknowledge');
    const row = await server.context.prisma.complaint.findUniqueOrThrow({ where: { id: complaint.id } });
    expect(row.flaggedOverTwelveMonths).toBe(true);
    const received = await server.context.prisma.auditEvent.findFirstOrThrow({ where: { complaintId: complaint.id, action: 'complaint.received' } });
    expect(received.after).toMatchObject({ flaggedOverTwelveMonths: true });
    expect((await client.get(`/api/complaints/${complaint.id}`)).json.flaggedOverTwelveMonths).toBe(true);
  });

  it('does not flag an issue exactly 12 months old, nor a complaint without the date', async () => {
    const { client } = await signIn(server);
    const recent = await logComplaint(server, client, { issueStartedOn: '2025-04-01' });
    expect(recent.complaint).toMatchObject({ issueStartedOn: '2025-04-01', flaggedOverTwelveMonths: false });
    const none = await logComplaint(server, client);
    expect(none.complaint).toMatchObject({ issueStartedOn: null, flaggedOverTwelveMonths: false });
  });

  it('refuses a start date after receipt or not a date (400)', async () => {
    const { client } = await signIn(server);
    const { resident } = await logComplaint(server, client);
    const base = { residentId: resident.id, channel: 'phone', receivedAt: '2026-04-01T08:30:00Z', summary: 'Damp in the bedroom.' };
    const later = await client.post('/api/complaints', { ...base, issueStartedOn: '2026-04-02' });
    expect(later.status).toBe(400);
    expect(later.json.error.message).toMatch(/^issueStartedOn: /);
    expect((await client.post('/api/complaints', { ...base, issueStartedOn: '2025-02-30' })).status).toBe(400);
  });
});
