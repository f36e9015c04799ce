// Letter previews: the letter a preview shows is the letter the real operation then issues, and a
// preview never writes anything (no rows, no audit, no version change, no event).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory } from '@complaints/db/factories';
import { startTestServer, type ApiClient, type TestServer } from '../testing/testServer.ts';
import type { StaffEvent } from '../realtime/broadcaster.ts';
import { DEFINITION, TEST_NOW, acknowledged, logComplaint, responded, recordStaffEvents, signIn } from './complaintsTestKit.ts';

let server: TestServer;
let events: StaffEvent[];
beforeAll(async () => {
  server = await startTestServer({ now: () => TEST_NOW });
  events = recordStaffEvents(server);
});
afterAll(async () => {
  await server?.stop();
});

/** Everything a case operation could write, for "the preview wrote nothing". */
async function footprint(complaintId: string) {
  const p = server.context.prisma;
  const where = { complaintId };
  const complaint = await p.complaint.findUniqueOrThrow({ where: { id: complaintId }, select: { version: true, status: true, stage: true, updatedAt: true } });
  return {
    complaint,
    audit: await p.auditEvent.count({ where }),
    letters: await p.letter.count({ where }),
    stages: await p.complaintStage.findMany({ where, select: { version: true, updatedAt: true }, orderBy: { stage: 'asc' } }),
    extensions: await p.extension.count({ where }),
    remedies: await p.remedy.count({ where }),
    actions: await p.outstandingAction.count({ where }),
    refusals: await p.refusal.count({ where }),
    notes: await p.caseNote.count({ where }),
    learning: await p.learningNote.count({ where }),
    totalAudit: await p.auditEvent.count(),
  };
}

/** Previews, checks nothing was written or announced, and returns the preview. */
async function previewWithoutWriting(client: ApiClient, complaintId: string, operation: string, body: unknown) {
  const before = await footprint(complaintId);
  const eventsBefore = events.length;
  const response = await client.post(`/api/complaints/${complaintId}/preview/${operation}`, body);
  expect(await footprint(complaintId)).toEqual(before);
  expect(events.length).toBe(eventsBefore);
  return response;
}

async function issuedLetter(complaintId: string, kind: string) {
  return server.context.prisma.letter.findFirstOrThrow({ where: { complaintId, kind: kind as never }, orderBy: { createdAt: 'desc' } });
}

describe('a preview is the letter the operation then issues, and writes nothing', () => {
  it('acknowledge (6.2): the acknowledgement letter with the definition typed so far', async () => {
    const { client } = await signIn(server);
    const { complaint } = await logComplaint(server, client);
    const body = { definition: DEFINITION, version: complaint.version };
    const preview = await previewWithoutWriting(client, complaint.id, 'acknowledge', body);
    expect(preview.status).toBe(200);
    expect(preview.json.letter).toMatchObject({ kind: 'acknowledgement', stage: 'stage_1' });
    expect(preview.json.letter.html).toContain(DEFINITION.understanding);
    expect(preview.json.outcome).toMatchObject({ stage: 'stage_1', status: 'acknowledged', deadline: { kind: 'response', dueOn: '2026-04-17' } });

    expect((await client.post(`/api/complaints/${complaint.id}/acknowledge`, body)).status).toBe(200);
    const letter = await issuedLetter(complaint.id, 'acknowledgement');
    expect(preview.json.letter.html).toBe(letter.html);
    expect(preview.json.letter.text).toBe(letter.text);
  });

  it('extend (6.4, 6.5): the notice with the new date and the Ombudsman; past 10 working days the engine asks for a good reason', async () => {
    const { client } = await signIn(server);
    const { complaint } = await acknowledged(server, client);
    const tooLong = await previewWithoutWriting(client, complaint.id, 'extend', { workingDays: 11, reason: 'Waiting for a survey', version: complaint.version });
    expect(tooLong.status).toBe(422);
    expect(tooLong.json.error.message).toMatch(/^6\.4: 2026-05-05 is more than 10 working days after the original due date/);

    const body = { workingDays: 11, reason: 'Waiting for a survey', goodReason: 'The surveyor cannot come sooner', updateIntervalDays: 7, version: complaint.version };
    const preview = await previewWithoutWriting(client, complaint.id, 'extend', body);
    expect(preview.status).toBe(200);
    expect(preview.json.letter.kind).toBe('extension_notice');
    expect(preview.json.letter.html).toContain('Housing Ombudsman');
    expect(preview.json.letter.html).toContain('The surveyor cannot come sooner');
    expect(preview.json.outcome.deadline).toMatchObject({ kind: 'response', dueOn: '2026-05-05' });

    expect((await client.post(`/api/complaints/${complaint.id}/extend`, body)).status).toBe(200);
    const letter = await issuedLetter(complaint.id, 'extension_notice');
    expect([preview.json.letter.html, preview.json.letter.text]).toEqual([letter.html, letter.text]);
  });

  it('respond (6.9, 7.1): the stage 1 response with its remedy and outstanding action', async () => {
    const { staff, client } = await signIn(server);
    const { complaint } = await acknowledged(server, client);
    const body = {
      decision: 'partly_upheld',
      reasons: 'The second appointment was missed without notice.',
      remedies: [{ kind: 'financial', description: 'Compensation for the missed appointment', amountPence: 5000, dueOn: '2026-04-30', ownerId: staff.id }],
      outstandingActions: [{ description: 'Fit a new boiler', dueOn: '2026-05-15', ownerId: staff.id }],
      version: complaint.version,
    };
    const noRemedy = await previewWithoutWriting(client, complaint.id, 'respond', { ...body, remedies: [] });
    expect(noRemedy.status).toBe(422);
    expect(noRemedy.json.error.message).toMatch(/^7\.1: /);
    const preview = await previewWithoutWriting(client, complaint.id, 'respond', body);
    expect(preview.status).toBe(200);
    expect(preview.json.letter).toMatchObject({ kind: 'stage_1_response', stage: 'stage_1' });
    expect(preview.json.letter.html).toContain('Compensation for the missed appointment');
    expect(preview.json.outcome).toEqual({ stage: 'stage_1', status: 'responded', deadline: null });

    expect((await client.post(`/api/complaints/${complaint.id}/respond`, body)).status).toBe(200);
    const letter = await issuedLetter(complaint.id, 'stage_1_response');
    expect([preview.json.letter.html, preview.json.letter.text]).toEqual([letter.html, letter.text]);
  });

  it('refuse (2.4, 2.5): the refusal letter with the right to go to the Ombudsman', async () => {
    const { client } = await signIn(server);
    const { complaint } = await logComplaint(server, client);
    const body = { reasonCode: 'legal_proceedings', explanation: 'A claim about this repair has been filed at court.', version: complaint.version };
    const preview = await previewWithoutWriting(client, complaint.id, 'refuse', body);
    expect(preview.status).toBe(200);
    expect(preview.json.letter.kind).toBe('refusal');
    expect(preview.json.letter.html).toContain('Housing Ombudsman');
    expect(preview.json.letter.html).toContain('A claim about this repair has been filed at court.');
    expect((await client.post(`/api/complaints/${complaint.id}/refuse`, body)).status).toBe(200);
    const letter = await issuedLetter(complaint.id, 'refusal');
    expect([preview.json.letter.html, preview.json.letter.text]).toEqual([letter.html, letter.text]);
  });

  it('escalate (6.11, 6.13): no letter yet, the stage 2 acknowledgement deadline; the stage 1 handler is refused', async () => {
    const { staff, client } = await signIn(server);
    const reviewer = await signIn(server, ['reviewer']);
    const { complaint } = await responded(server, client, staff.id);
    const self = await previewWithoutWriting(client, complaint.id, 'escalate', { handlerId: staff.id, version: complaint.version });
    expect(self.status).toBe(422);
    expect(self.json.error.message).toBe('6.13: the stage 2 handler must not be the stage 1 handler');
    const preview = await previewWithoutWriting(client, complaint.id, 'escalate', { handlerId: reviewer.staff.id, version: complaint.version });
    expect(preview.status).toBe(200);
    expect(preview.json).toEqual({
      letter: null,
      outcome: { stage: 'stage_2', status: 'received', deadline: { kind: 'acknowledgement', stage: 'stage_2', dueOn: '2026-04-10', status: 'on_track', workingDaysLeft: 5 } },
    });
  });
});

describe('what a preview refuses', () => {
  it('answers 400 for a body that does not validate and 409 for a stale version, naming who changed the case and when', async () => {
    const first = await signIn(server);
    const second = await signIn(server);
    const { complaint } = await logComplaint(server, first.client);
    const bad = await previewWithoutWriting(first.client, complaint.id, 'refuse', { reasonCode: 'bored', version: complaint.version });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('reasonCode: Choose the reason for not accepting the complaint');

    await first.client.request('PUT', `/api/complaints/${complaint.id}/definition`, { definition: DEFINITION, version: complaint.version });
    const stale = await previewWithoutWriting(second.client, complaint.id, 'acknowledge', { definition: DEFINITION, version: complaint.version });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toBe(`This case was changed by ${first.staff.name} since you opened it. Reload to see their changes.`);
    expect(stale.json.error.details).toEqual({ changedBy: first.staff.name, changedAt: TEST_NOW.toISOString() });
  });

  it('is for case workers: 403 for agents, 404 for a case that does not exist', async () => {
    const { client: agent } = await signIn(server, ['agent']);
    const { complaint } = await logComplaint(server, agent);
    for (const operation of ['acknowledge', 'extend', 'respond', 'escalate', 'refuse']) {
      expect((await agent.post(`/api/complaints/${complaint.id}/preview/${operation}`, { version: 1 })).status, operation).toBe(403);
    }
    const { client } = await signIn(server);
    const missing = await client.post('/api/complaints/00000000-0000-4000-8000-000000000000/preview/acknowledge', { definition: DEFINITION, version: 1 });
    expect(missing.status).toBe(404);
  });
});

describe('the complaint view the console reads', () => {
  it('names the resident, the staff it mentions and the last change; gives item versions and the extension allowance', async () => {
    const { staff, client } = await signIn(server);
    const { complaint, resident } = await responded(server, client, staff.id);
    expect(complaint.resident).toEqual({ id: resident.id, name: resident.fullName });
    expect(complaint.staffNames).toEqual({ [staff.id]: staff.name });
    expect(complaint.lastChange).toEqual({ by: staff.name, at: TEST_NOW.toISOString() });
    expect(complaint.definitionEditable).toBe(false);
    expect(complaint.remedies[0]).toMatchObject({ version: 1 });
    expect(complaint.outstandingActions[0]).toMatchObject({ version: 1 });
    expect(complaint.stages[0].extensionAllowance).toEqual({ originalDueOn: '2026-04-17', latestDueOnWithoutGoodReason: '2026-05-01', workingDays: 10, provision: '6.4' });
    expect(complaint.availableOperations).toEqual(['assignHandler', 'escalate', 'close', 'completeAction']);
    const category = await createCategory(server.context.prisma);
    const closed = await client.post(`/api/complaints/${complaint.id}/close`, { categoryId: category.id, learning: 'Confirm appointments the day before.', version: complaint.version });
    expect(closed.json.staffNames).toEqual({ [staff.id]: staff.name });
    expect(closed.json.availableOperations).toEqual(['escalate', 'completeAction']);
  });
});
