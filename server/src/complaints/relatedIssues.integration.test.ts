import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StaffEvent } from '../realtime/broadcaster.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { DEFINITION, TEST_NOW, acknowledged, logComplaint, responded, signIn } from './complaintsTestKit.ts';

let server: TestServer;
let events: StaffEvent[];
beforeAll(async () => {
  server = await startTestServer({ now: () => TEST_NOW });
  events = [];
  const broadcaster = server.context.broadcaster;
  const original = broadcaster.toStaff.bind(broadcaster);
  vi.spyOn(broadcaster, 'toStaff').mockImplementation((event) => {
    events.push(event);
    original(event);
  });
});
afterAll(async () => {
  await server?.stop();
});

const audit = (complaintId: string) =>
  server.context.prisma.auditEvent.findMany({ where: { complaintId }, orderBy: { id: 'asc' } });
const issue = { description: 'The hall radiator leaks as well.', raisedAt: '2026-04-01T08:45:00Z', channel: 'phone' };

describe('POST /api/complaints/:id/related-issues (6.8)', () => {
  it('before the stage 1 response, the issue joins the case: stored, audited, broadcast', async () => {
    const { staff, client } = await signIn(server);
    const { complaint } = await logComplaint(server, client);
    const response = await client.post(`/api/complaints/${complaint.id}/related-issues`, { ...issue, version: complaint.version });
    expect(response.status).toBe(201);
    expect(response.json.outcome).toBe('added_to_case');
    expect(response.json.complaint).toMatchObject({ id: complaint.id, version: complaint.version + 1, relatedTo: null, relatedCases: [] });
    expect(response.json.complaint.relatedIssues).toEqual([
      expect.objectContaining({ description: issue.description, raisedAt: '2026-04-01T08:45:00.000Z', channel: 'phone', recordedById: staff.id }),
    ]);
    expect(await server.context.prisma.relatedIssue.count({ where: { complaintId: complaint.id } })).toBe(1);
    expect(await server.context.prisma.complaint.count({ where: { relatedToId: complaint.id } })).toBe(0);
    expect((await audit(complaint.id)).map((r) => r.action)).toEqual(['complaint.received', 'complaint.related_issue_added']);
    expect(events.some((e) => e.type === 'complaint.related_issue_added' && (e.payload.complaint as { id: string }).id === complaint.id)).toBe(true);
    // Read back through the ordinary GET: the snapshot loads the stored issue.
    expect((await client.get(`/api/complaints/${complaint.id}`)).json.relatedIssues).toHaveLength(1);
  });

  it('once acknowledged, it joins only with the definition updated to cover it (5.6)', async () => {
    const { client } = await signIn(server);
    const { complaint } = await acknowledged(server, client);
    const path = `/api/complaints/${complaint.id}/related-issues`;
    const noDefinition = await client.post(path, { ...issue, version: complaint.version });
    expect(noDefinition.status).toBe(422);
    expect(noDefinition.json.error.message).toMatch(/^5\.6: /);
    const definition = { ...DEFINITION, understanding: `${DEFINITION.understanding} The hall radiator also leaks.` };
    const ok = await client.post(path, { ...issue, definition, version: complaint.version });
    expect(ok.status).toBe(201);
    expect(ok.json.outcome).toBe('added_to_case');
    expect(ok.json.complaint.stages[0].definition.understanding).toMatch(/radiator/);
  });

  it('after the stage 1 response, it opens a new complaint for the same resident, linked to the first and audited on both', async () => {
    const { staff, client } = await signIn(server);
    const { resident, complaint } = await responded(server, client, staff.id);
    const response = await client.post(`/api/complaints/${complaint.id}/related-issues`, { ...issue, raisedAt: undefined, version: complaint.version });
    expect(response.status).toBe(201);
    expect(response.json.outcome).toBe('new_case');
    expect(response.json.relatedTo).toBe(complaint.reference);
    const created = response.json.complaint;
    expect(created.id).not.toBe(complaint.id);
    expect(created).toMatchObject({
      residentId: resident.id,
      status: 'received',
      stage: 'stage_1',
      channel: 'phone',
      summary: issue.description,
      receivedAt: TEST_NOW.toISOString(),
      relatedTo: { id: complaint.id, reference: complaint.reference },
      relatedIssues: [],
    });
    expect(created.reference).toMatch(/^CMP-2026-\d{6}$/);
    const first = await client.get(`/api/complaints/${complaint.id}`);
    expect(first.json.relatedCases).toEqual([{ id: created.id, reference: created.reference }]);
    expect(first.json.relatedIssues).toEqual([]);
    expect(first.json.version).toBe(complaint.version + 1);
    expect((await audit(complaint.id)).at(-1)).toMatchObject({ action: 'complaint.related_case_opened', actorStaffId: staff.id, after: { relatedCaseId: created.id } });
    expect((await audit(created.id)).map((r) => r.action)).toEqual(['complaint.received', 'complaint.linked']);
    expect(events.some((e) => e.type === 'complaint.created' && (e.payload.complaint as { id: string }).id === created.id)).toBe(true);
  });

  it('answers 409 to a stale version and records nothing, on either branch', async () => {
    const { staff, client } = await signIn(server);
    const open = await logComplaint(server, client);
    const stale = await client.post(`/api/complaints/${open.complaint.id}/related-issues`, { ...issue, version: open.complaint.version + 1 });
    expect(stale.status).toBe(409);
    expect(await server.context.prisma.relatedIssue.count({ where: { complaintId: open.complaint.id } })).toBe(0);

    const done = await responded(server, client, staff.id);
    const before = await server.context.prisma.complaint.count();
    const staleNew = await client.post(`/api/complaints/${done.complaint.id}/related-issues`, { ...issue, version: done.complaint.version - 1 });
    expect(staleNew.status).toBe(409);
    expect(await server.context.prisma.complaint.count()).toBe(before);
  });

  it('refuses an issue raised in the future (400) and is for case workers only (403)', async () => {
    const { client } = await signIn(server);
    const { complaint } = await logComplaint(server, client);
    const future = await client.post(`/api/complaints/${complaint.id}/related-issues`, { ...issue, raisedAt: '2026-05-01T09:00:00Z', version: complaint.version });
    expect(future.status).toBe(400);
    const { client: agent } = await signIn(server, ['agent']);
    expect((await agent.post(`/api/complaints/${complaint.id}/related-issues`, { ...issue, version: complaint.version })).status).toBe(403);
  });
});
