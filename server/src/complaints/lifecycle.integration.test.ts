import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCategory } from '@complaints/db/factories';
import { ApiClient, startTestServer, type TestServer } from '../testing/testServer.ts';
import type { StaffEvent } from '../realtime/broadcaster.ts';
import { DEFINITION, TEST_NOW, acknowledged, logComplaint, put, responded, signIn } from './complaintsTestKit.ts';

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

describe('logging a complaint', () => {
  it('allocates CMP-YYYY-NNNNNN, sets the 6.2 acknowledgement date over Easter, audits and broadcasts', async () => {
    const { staff, client } = await signIn(server, ['agent']);
    const { complaint } = await logComplaint(server, client);
    expect(complaint.reference).toMatch(/^CMP-2026-\d{6}$/);
    expect(complaint.status).toBe('received');
    // Receipt on Wed 1 April; Good Friday and Easter Monday are not working days.
    expect(complaint.stages[0].acknowledgementDueOn).toBe('2026-04-10');
    expect(complaint.deadline).toMatchObject({ kind: 'acknowledgement', dueOn: '2026-04-10', workingDaysLeft: 5, status: 'on_track' });
    const rows = await audit(complaint.id);
    expect(rows.map((r) => [r.action, r.actorStaffId])).toEqual([['complaint.received', staff.id]]);
    expect(events.filter((e) => e.type === 'complaint.created').map((e) => (e.payload.complaint as { id: string }).id)).toContain(complaint.id);
  });

  it('takes the reference year from the London date of receipt and never repeats a number', async () => {
    const { client } = await signIn(server);
    const old = await logComplaint(server, client, { receivedAt: '2025-12-31T23:30:00Z' });
    expect(old.complaint.reference).toMatch(/^CMP-2025-000001$/);
    const many = await Promise.all([1, 2, 3, 4].map(() => logComplaint(server, client)));
    const references = many.map((m) => m.complaint.reference);
    expect(new Set(references).size).toBe(4);
  });

  it('refuses a receipt in the future (6.2) and a body that does not validate', async () => {
    const { client } = await signIn(server);
    const { resident } = await logComplaint(server, client);
    const future = await client.post('/api/complaints', { residentId: resident.id, channel: 'letter', receivedAt: '2026-05-01T09:00:00Z', summary: 'x' });
    expect(future.status).toBe(422);
    expect(future.json.error.message).toMatch(/^6\.2: /);
    const bad = await client.post('/api/complaints', { residentId: 'nobody', channel: 'fax', summary: '' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('residentId: The resident must be a valid id');
  });

  it('is for signed-in staff only; agents may log and read but not change a case', async () => {
    expect((await new ApiClient(server.url).get('/api/complaints')).status).toBe(401);
    const { client: agent } = await signIn(server, ['agent']);
    const { complaint } = await logComplaint(server, agent);
    expect((await agent.get(`/api/complaints/${complaint.id}`)).status).toBe(200);
    const ack = await agent.post(`/api/complaints/${complaint.id}/acknowledge`, { definition: DEFINITION, version: 1 });
    expect(ack.status).toBe(403);
  });
});

describe('acknowledging (6.2, 5.6, 5.7)', () => {
  it('refuses without a definition (422 naming 5.6), then succeeds once it is defined', async () => {
    const { staff, client } = await signIn(server);
    const { complaint } = await logComplaint(server, client);
    const refused = await client.post(`/api/complaints/${complaint.id}/acknowledge`, { version: 1 });
    expect(refused.status).toBe(422);
    expect(refused.json.error.message).toMatch(/^5\.6: /);
    expect((await audit(complaint.id)).map((r) => r.action)).toEqual(['complaint.received']);

    const blank = await client.post(`/api/complaints/${complaint.id}/acknowledge`, { definition: { ...DEFINITION, outOfResponsibility: ' ' }, version: 1 });
    expect(blank.status).toBe(400);

    const defined = await put(client, `/api/complaints/${complaint.id}/definition`, { definition: DEFINITION, version: 1 });
    expect(defined.status).toBe(200);
    const ok = await client.post(`/api/complaints/${complaint.id}/acknowledge`, { version: defined.json.version });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ status: 'acknowledged', currentHandlerId: staff.id, version: 3 });
    // 6.3: ten working days from acknowledgement on 1 April, skipping Easter.
    expect(ok.json.deadline).toMatchObject({ kind: 'response', dueOn: '2026-04-17' });
    expect(ok.json.letters.map((l: { kind: string }) => l.kind)).toEqual(['acknowledgement']);

    const rows = await audit(complaint.id);
    expect(rows.map((r) => r.action)).toEqual(['complaint.received', 'complaint.definition_updated', 'complaint.acknowledged', 'letter.issued']);
    expect(rows.every((r) => r.actorStaffId === staff.id)).toBe(true);
    expect(rows[2]?.after).toMatchObject({ status: 'acknowledged', responseDueOn: '2026-04-17' });
    expect(events.some((e) => e.type === 'complaint.acknowledged' && (e.payload.complaint as { id: string }).id === complaint.id)).toBe(true);
  });

  it('prints the acknowledgement letter, in large print when that adjustment is agreed (5.10)', async () => {
    const { createReasonableAdjustment } = await import('@complaints/db/factories');
    const { client } = await signIn(server);
    const { resident, complaint } = await logComplaint(server, client);
    await createReasonableAdjustment(server.context.prisma, { residentId: resident.id, kind: 'large_print' });
    const ok = await client.post(`/api/complaints/${complaint.id}/acknowledge`, { definition: DEFINITION, version: 1 });
    expect(ok.json.letters[0]).toMatchObject({ kind: 'acknowledgement', largePrint: true });
    const letter = await client.get(`/api/complaints/${complaint.id}/letters/${ok.json.letters[0].id}`);
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-type')).toMatch(/^text\/html/);
    expect(letter.text).toContain(complaint.reference);
    expect(letter.text).toContain('0300 111 3000');
  });
});

describe('optimistic concurrency', () => {
  it('answers 409 naming who changed the case, and changes nothing', async () => {
    const first = await signIn(server);
    const second = await signIn(server);
    const { complaint } = await logComplaint(server, first.client);
    expect((await first.client.post(`/api/complaints/${complaint.id}/acknowledge`, { definition: DEFINITION, version: 1 })).status).toBe(200);
    const stale = await put(second.client, `/api/complaints/${complaint.id}/definition`, { definition: { ...DEFINITION, outcomesSought: 'Money' }, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toBe(`This case was changed by ${first.staff.name} since you opened it. Reload to see their changes.`);
    const now = await second.client.get(`/api/complaints/${complaint.id}`);
    expect(now.json.stages[0].definition.outcomesSought).toBe(DEFINITION.outcomesSought);
    const retry = await put(second.client, `/api/complaints/${complaint.id}/definition`, { definition: { ...DEFINITION, outcomesSought: 'Money' }, version: now.json.version });
    expect(retry.status).toBe(200);
  });
});

describe('extending (6.4, 6.5)', () => {
  it('refuses more than 10 working days without a good reason, then accepts it with one and sends the notice', async () => {
    const { client } = await signIn(server);
    const { complaint } = await acknowledged(server, client);
    const path = `/api/complaints/${complaint.id}/extend`;
    const tooLong = await client.post(path, { workingDays: 11, reason: 'Waiting for a survey', version: complaint.version });
    expect(tooLong.status).toBe(422);
    expect(tooLong.json.error.message).toMatch(/^6\.4: /);
    const ok = await client.post(path, { workingDays: 11, reason: 'Waiting for a survey', goodReason: 'The surveyor cannot come sooner', updateIntervalDays: 7, version: complaint.version });
    expect(ok.status).toBe(200);
    expect(ok.json.deadline.dueOn).toBe('2026-05-05'); // 17 April + 11 working days, over the May bank holiday
    const extension = await server.context.prisma.extension.findFirstOrThrow({ where: { complaintId: complaint.id }, include: { letter: true } });
    expect(extension).toMatchObject({ workingDays: 11, goodReason: 'The surveyor cannot come sooner' });
    expect(extension.letter?.kind).toBe('extension_notice');
    expect(extension.letter?.html).toContain('Housing Ombudsman');
    const actions = (await audit(complaint.id)).map((r) => r.action);
    expect(actions.slice(-2)).toEqual(['complaint.extended', 'letter.issued']);
  });
});

describe('responding (6.9) and following actions through (6.6, 7.3)', () => {
  it('refuses a response without reasons (400) or without a remedy when upheld (422, 7.1), then issues it', async () => {
    const { staff, client } = await signIn(server);
    const { complaint } = await acknowledged(server, client);
    const path = `/api/complaints/${complaint.id}/respond`;
    expect((await client.post(path, { decision: 'upheld', version: complaint.version })).status).toBe(400);
    const noRemedy = await client.post(path, { decision: 'upheld', reasons: 'We were wrong.', version: complaint.version });
    expect(noRemedy.status).toBe(422);
    expect(noRemedy.json.error.message).toMatch(/^7\.1: /);
    const ok = await client.post(path, {
      decision: 'upheld',
      reasons: 'We were wrong.',
      remedies: [{ kind: 'financial', description: 'Compensation', amountPence: 5000, dueOn: '2026-04-30', ownerId: staff.id }],
      version: complaint.version,
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ status: 'responded', actionsOutstanding: true });
    expect(ok.json.letters.map((l: { kind: string }) => l.kind).sort()).toEqual(['acknowledgement', 'stage_1_response']);

    const remedy = await server.context.prisma.remedy.findFirstOrThrow({ where: { complaintId: complaint.id } });
    const donePath = `/api/complaints/${complaint.id}/actions/${remedy.id}/complete`;
    expect((await client.post(donePath, { version: remedy.version + 1 })).status).toBe(409);
    const done = await client.post(donePath, { version: remedy.version });
    expect(done.status).toBe(200);
    expect(done.json.actionsOutstanding).toBe(false);
    expect((await client.post(donePath, { version: remedy.version + 1 })).json.error.message).toMatch(/^7\.3: /);
  });
});

describe('escalating (6.13)', () => {
  it('refuses the stage 1 handler as the stage 2 handler, then accepts someone else', async () => {
    // Holding the reviewer role too: what keeps them off stage 2 is 6.13, not their roles.
    const { staff, client } = await signIn(server, ['handler', 'reviewer']);
    const reviewer = await signIn(server, ['reviewer']);
    const { complaint } = await responded(server, client, staff.id);
    const path = `/api/complaints/${complaint.id}/escalate`;
    const same = await client.post(path, { handlerId: staff.id, version: complaint.version });
    expect(same.status).toBe(422);
    expect(same.json.error.message).toBe('6.13: the stage 2 handler must not be the stage 1 handler');
    const ok = await client.post(path, { handlerId: reviewer.staff.id, version: complaint.version });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ stage: 'stage_2', status: 'received', currentHandlerId: reviewer.staff.id });

    const selfAck = await client.post(`/api/complaints/${complaint.id}/acknowledge`, { definition: DEFINITION, version: ok.json.version });
    expect(selfAck.status).toBe(422);
    expect(selfAck.json.error.message).toMatch(/^6\.13: /);
    const ack = await reviewer.client.post(`/api/complaints/${complaint.id}/acknowledge`, { definition: DEFINITION, version: ok.json.version });
    expect(ack.status).toBe(200);
    expect(ack.json.deadline).toMatchObject({ kind: 'response', stage: 'stage_2' });
  });
});

describe('refusing (2.1-2.5) and closing (9.1)', () => {
  it('refuses with a letter, and closes only with a category and the learning', async () => {
    const { client } = await signIn(server);
    const { complaint } = await logComplaint(server, client);
    const category = await createCategory(server.context.prisma);
    const early = await client.post(`/api/complaints/${complaint.id}/close`, { categoryId: category.id, learning: 'x', version: 1 });
    expect(early.status).toBe(422);
    expect(early.json.error.message).toMatch(/^6\.9: /);
    const refused = await client.post(`/api/complaints/${complaint.id}/refuse`, { reasonCode: 'legal_proceedings', explanation: 'A claim was filed at court.', version: 1 });
    expect(refused.status).toBe(200);
    expect(refused.json.refusal.reasonCode).toBe('legal_proceedings');
    const refusal = await server.context.prisma.refusal.findUniqueOrThrow({ where: { complaintId: complaint.id }, include: { letter: true } });
    expect(refusal.letter?.html).toContain('Housing Ombudsman');

    const path = `/api/complaints/${complaint.id}/close`;
    expect((await client.post(path, { categoryId: category.id, learning: ' ', version: refused.json.version })).status).toBe(400);
    expect((await client.post(path, { learning: 'Check court claims first', version: refused.json.version })).status).toBe(400);
    const closed = await client.post(path, { categoryId: category.id, learning: 'Check court claims first', version: refused.json.version });
    expect(closed.status).toBe(200);
    expect(closed.json.closure).toMatchObject({ categoryId: category.id, learning: 'Check court claims first' });
    expect(await server.context.prisma.learningNote.count({ where: { complaintId: complaint.id, categoryId: category.id } })).toBe(1);
  });
});

describe('the case list', () => {
  it('filters by status, stage and handler and pages on the server', async () => {
    const { staff, client } = await signIn(server);
    await logComplaint(server, client, { handlerId: staff.id });
    await logComplaint(server, client, { handlerId: staff.id });
    await acknowledged(server, client);
    const mine = await client.get(`/api/complaints?handlerId=${staff.id}&pageSize=1`);
    expect(mine.status).toBe(200);
    expect(mine.json).toMatchObject({ page: 1, pageSize: 1, total: 3 });
    expect(mine.json.items).toHaveLength(1);
    const received = await client.get(`/api/complaints?handlerId=${staff.id}&status=received&stage=stage_1`);
    expect(received.json.total).toBe(2);
    expect(received.json.items[0].deadline).toMatchObject({ dueOn: '2026-04-10' });
    expect((await client.get('/api/complaints?status=open')).status).toBe(400);
  });
});
