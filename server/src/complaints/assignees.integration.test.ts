// 6.13 in the pickers: who the server offers for each stage, and what happens when someone forces
// the stage 1 handler past the picker anyway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '@complaints/db/factories';
import { startTestServer, type ApiClient, type TestServer } from '../testing/testServer.ts';
import { TEST_NOW, logComplaint, responded, signIn } from './complaintsTestKit.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => TEST_NOW });
});
afterAll(async () => {
  await server?.stop();
});

const ids = async (client: ApiClient, complaintId: string, purpose: string) => {
  const response = await client.get(`/api/complaints/${complaintId}/assignees?for=${purpose}`);
  expect(response.status, response.text).toBe(200);
  return (response.json.assignees as { id: string }[]).map((a) => a.id);
};

describe('GET /api/complaints/:id/assignees', () => {
  it('never offers the stage 1 handler for stage 2, even one who is also a reviewer; only active staff with the stage role', async () => {
    // The stage 1 handler holds both roles: only 6.13 keeps them off stage 2.
    const stage1 = await signIn(server, ['handler', 'reviewer']);
    const officer = await signIn(server, ['complaints_officer']);
    const reviewer = await createStaffUser(server.context.prisma, { roles: ['reviewer'], name: 'Rowan Reviewer' });
    const gone = await createStaffUser(server.context.prisma, { roles: ['reviewer'], active: false });
    const handler = await createStaffUser(server.context.prisma, { roles: ['handler'] });
    const { complaint } = await responded(server, stage1.client, stage1.staff.id);

    const escalation = await ids(stage1.client, complaint.id, 'escalation');
    expect(escalation).toContain(reviewer.id);
    expect(escalation).not.toContain(stage1.staff.id);
    expect(escalation).not.toContain(gone.id);
    expect(escalation).not.toContain(handler.id);

    const stage1Handlers = await ids(officer.client, complaint.id, 'handler');
    expect(stage1Handlers).toEqual(expect.arrayContaining([stage1.staff.id, handler.id]));
    expect(stage1Handlers).not.toContain(reviewer.id);

    const owners = await ids(stage1.client, complaint.id, 'owner');
    expect(owners).toEqual(expect.arrayContaining([stage1.staff.id, officer.staff.id, reviewer.id, handler.id]));
    expect(owners).not.toContain(gone.id);

    // Forced past the picker, the engine answers with the Code.
    const forced = await stage1.client.post(`/api/complaints/${complaint.id}/escalate`, { handlerId: stage1.staff.id, version: complaint.version });
    expect(forced.status).toBe(422);
    expect(forced.json.error.message).toBe('6.13: the stage 2 handler must not be the stage 1 handler');
    // Someone without the stage 2 role is refused as an assignment would be.
    const notReviewer = await stage1.client.post(`/api/complaints/${complaint.id}/escalate`, { handlerId: handler.id, version: complaint.version });
    expect(notReviewer.status).toBe(400);
    expect(notReviewer.json.error.message).toBe('handlerId: The stage 2 handler must be an active member of staff with the reviewer role');

    const escalated = await stage1.client.post(`/api/complaints/${complaint.id}/escalate`, { handlerId: reviewer.id, version: complaint.version });
    expect(escalated.status).toBe(200);
    // At stage 2 the current-stage picker is the stage 2 one, still without the stage 1 handler.
    const stage2Handlers = await ids(officer.client, complaint.id, 'handler');
    expect(stage2Handlers).toContain(reviewer.id);
    expect(stage2Handlers).not.toContain(stage1.staff.id);
  });

  it('is for case workers (403 for agents) and needs a purpose (400)', async () => {
    const { client: agent } = await signIn(server, ['agent']);
    const { complaint } = await logComplaint(server, agent);
    expect((await agent.get(`/api/complaints/${complaint.id}/assignees?for=handler`)).status).toBe(403);
    const { client } = await signIn(server);
    const bad = await client.get(`/api/complaints/${complaint.id}/assignees`);
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toBe('for: for must be one of handler, escalation, owner');
  });
});
