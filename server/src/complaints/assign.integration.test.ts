import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { TEST_NOW, logComplaint, responded, signIn } from './complaintsTestKit.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => TEST_NOW });
});
afterAll(async () => {
  await server?.stop();
});

const audit = (complaintId: string) =>
  server.context.prisma.auditEvent.findMany({ where: { complaintId }, orderBy: { id: 'asc' } });

describe('POST /api/complaints/:id/assign (6.13)', () => {
  it('refuses the stage 1 handler for stage 2 with 422 naming 6.13, then assigns another reviewer', async () => {
    // The stage 1 handler also holds the reviewer role, so only 6.13 stands in the way.
    const { staff: first, client } = await signIn(server, ['handler', 'reviewer']);
    const officer = await signIn(server, ['complaints_officer']);
    const reviewerA = await signIn(server, ['reviewer']);
    const reviewerB = await signIn(server, ['reviewer']);
    const { complaint } = await responded(server, client, first.id);
    const escalated = await client.post(`/api/complaints/${complaint.id}/escalate`, { handlerId: reviewerA.staff.id, version: complaint.version });
    expect(escalated.status).toBe(200);
    const path = `/api/complaints/${complaint.id}/assign`;

    const same = await officer.client.post(path, { stage: 'stage_2', handlerId: first.id, version: escalated.json.version });
    expect(same.status).toBe(422);
    expect(same.json.error.message).toBe('6.13: the stage 2 handler must not be the stage 1 handler');
    expect((await officer.client.get(`/api/complaints/${complaint.id}`)).json.currentHandlerId).toBe(reviewerA.staff.id);

    const ok = await officer.client.post(path, { stage: 'stage_2', handlerId: reviewerB.staff.id, version: escalated.json.version });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ currentHandlerId: reviewerB.staff.id, version: escalated.json.version + 1 });
    expect(ok.json.stages[1].handlerId).toBe(reviewerB.staff.id);
    expect((await audit(complaint.id)).at(-1)).toMatchObject({
      action: 'complaint.handler_assigned', actorStaffId: officer.staff.id, before: { handlerId: reviewerA.staff.id }, after: { handlerId: reviewerB.staff.id },
    });
  });

  it('answers 409 to a stale version', async () => {
    const officer = await signIn(server, ['complaints_officer']);
    const handler = await signIn(server, ['handler']);
    const { complaint } = await logComplaint(server, officer.client);
    const path = `/api/complaints/${complaint.id}/assign`;
    const stale = await officer.client.post(path, { stage: 'stage_1', handlerId: handler.staff.id, version: complaint.version + 1 });
    expect(stale.status).toBe(409);
    const ok = await officer.client.post(path, { stage: 'stage_1', handlerId: handler.staff.id, version: complaint.version });
    expect(ok.status).toBe(200);
    expect(ok.json.currentHandlerId).toBe(handler.staff.id);
    expect((await officer.client.post(path, { stage: 'stage_1', handlerId: handler.staff.id, version: complaint.version })).status).toBe(409);
  });

  it('assigns only an active member of staff with the stage\u2019s role, and the current stage only', async () => {
    const officer = await signIn(server, ['admin']);
    const agent = await signIn(server, ['agent']);
    const reviewer = await signIn(server, ['reviewer']);
    const { complaint } = await logComplaint(server, officer.client);
    const path = `/api/complaints/${complaint.id}/assign`;
    const notHandler = await officer.client.post(path, { stage: 'stage_1', handlerId: reviewer.staff.id, version: complaint.version });
    expect(notHandler.status).toBe(400);
    expect(notHandler.json.error.message).toMatch(/handler role/);
    expect((await officer.client.post(path, { stage: 'stage_1', handlerId: agent.staff.id, version: complaint.version })).status).toBe(400);
    const wrongStage = await officer.client.post(path, { stage: 'stage_2', handlerId: reviewer.staff.id, version: complaint.version });
    expect(wrongStage.status).toBe(400);
    expect(wrongStage.json.error.message).toMatch(/stage 1/);
    const leaver = await signIn(server, ['handler']);
    await server.context.prisma.staffUser.update({ where: { id: leaver.staff.id }, data: { active: false } });
    expect((await officer.client.post(path, { stage: 'stage_1', handlerId: leaver.staff.id, version: complaint.version })).status).toBe(400);
    expect((await officer.client.get(`/api/complaints/${complaint.id}`)).json).toMatchObject({ currentHandlerId: null, version: complaint.version });
  });

  it('is for complaints officers and admins (403 for a handler)', async () => {
    const handler = await signIn(server, ['handler']);
    const other = await signIn(server, ['handler']);
    const { complaint } = await logComplaint(server, handler.client);
    const response = await handler.client.post(`/api/complaints/${complaint.id}/assign`, { stage: 'stage_1', handlerId: other.staff.id, version: complaint.version });
    expect(response.status).toBe(403);
  });
});
