// The resident panel API: one DTO with review flags worked out for today in London, and every
// edit version-checked, audited, published live and refused with a message a person can act on.
import { randomBytes } from 'node:crypto';
import { createComplaint, createResident, createStaffUser } from '@complaints/db/factories';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { connectStaffSocket, startTestServer, type ApiClient, type TestServer } from '../testing/testServer.ts';
import { signedIn, put } from '../staff/staffTestKit.ts';
import { TEST_NOW } from '../complaints/complaintsTestKit.ts';

// Wednesday 1 April 2026, 10:00 in London.
let server: TestServer;
let socket: Socket;
beforeAll(async () => {
  server = await startTestServer({ now: () => TEST_NOW });
  socket = await connectStaffSocket(server, ['handler']);
});
afterAll(async () => {
  socket?.close();
  await server?.stop();
});

const day = (date: string) => new Date(`${date}T00:00:00Z`);

async function residentWithRecords(phone?: string) {
  const prisma = server.context.prisma;
  const officer = await createStaffUser(prisma, { name: 'Priya Officer', roles: ['complaints_officer'] });
  const resident = await createResident(prisma, { fullName: 'Dorothy Vaughan', phone });
  await prisma.channelIdentity.update({ where: { id: resident.identities[0]!.id }, data: { optedOutAt: new Date('2026-03-20T09:00:00Z') } });
  await prisma.channelIdentity.create({ data: { channel: 'webchat', address: randomBytes(32).toString('hex'), residentId: resident.id } });
  const overdue = await prisma.reasonableAdjustment.create({ data: { residentId: resident.id, kind: 'large_print', details: '16pt letters', status: 'agreed', agreedAt: new Date('2025-10-01T10:00:00Z'), reviewOn: day('2026-03-31') } });
  await prisma.reasonableAdjustment.create({ data: { residentId: resident.id, kind: 'call_times', details: 'Calls after 2pm', status: 'agreed', reviewOn: day('2026-04-01') } });
  await prisma.reasonableAdjustment.create({ data: { residentId: resident.id, kind: 'language', details: 'Polish', status: 'ended', reviewOn: day('2026-01-01') } });
  await prisma.disclosure.create({ data: { residentId: resident.id, kind: 'disability', description: 'Partially sighted', reviewOn: day('2026-02-01') } });
  await prisma.contactRestriction.create({ data: { residentId: resident.id, scope: 'Single point of contact', reason: 'Repeated abusive calls to the repairs line', evidence: 'Call log REF-1', startsOn: day('2025-12-01'), reviewOn: day('2026-03-01'), decidedById: officer.id } });
  await prisma.contactRestriction.create({ data: { residentId: resident.id, scope: 'Written contact only', reason: 'Old', evidence: 'Old log', startsOn: day('2024-01-01'), reviewOn: day('2024-06-01'), endedAt: new Date('2024-06-01T10:00:00Z') } });
  await createComplaint(prisma, { residentId: resident.id, reference: phone ? 'CMP-2026-000611' : undefined, receivedAt: new Date('2026-03-30T10:00:00Z'), currentDueOn: day('2026-04-07') });
  await createComplaint(prisma, { residentId: resident.id, reference: phone ? 'CMP-2025-000612' : undefined, receivedAt: new Date('2025-06-30T10:00:00Z'), status: 'closed', currentDueOn: null });
  await prisma.serviceRequest.create({ data: { reference: `SR-2026-${randomBytes(3).toString('hex')}`, residentId: resident.id, channel: 'sms', description: 'Boiler not working', status: 'in_progress', receivedAt: new Date('2026-03-25T10:00:00Z') } });
  return { resident, overdue, officer };
}

const nextEvent = (type: string, residentId: string) =>
  new Promise<{ resident: Record<string, unknown> }>((resolve) => {
    const listener = (payload: { resident: { id: string } }) => {
      if (payload.resident.id !== residentId) return;
      socket.off(type, listener);
      resolve(payload as never);
    };
    socket.on(type, listener);
  });

async function audit(entityId: string) {
  return server.context.prisma.auditEvent.findMany({ where: { entityId }, orderBy: { id: 'asc' }, include: { actorStaff: { select: { name: true } } } });
}

describe('GET /api/residents/:id', () => {
  it('shows identity, channels (opted out, web chat without its hash), review flags for today, restrictions, complaints and service requests', async () => {
    const { resident } = await residentWithRecords('+447700900611');
    const { client } = await signedIn(server, ['agent']);
    const response = await client.get(`/api/residents/${resident.id}`);
    expect(response.status).toBe(200);
    const panel = response.json;
    expect(panel).toMatchObject({ id: resident.id, fullName: 'Dorothy Vaughan', postcode: 'ZZ1 1ZZ', today: '2026-04-01', anonymised: false });
    expect(panel.channels).toEqual([
      expect.objectContaining({ channel: 'sms', address: '+447700900611', optedOut: true, optedOutAt: '2026-03-20T09:00:00.000Z' }),
      expect.objectContaining({ channel: 'webchat', address: null, optedOut: false }),
    ]);
    // Overdue from the day after the review date, only while in force.
    expect(panel.adjustments.map((a: { details: string; reviewOverdue: boolean; inForce: boolean }) => [a.details, a.inForce, a.reviewOverdue])).toEqual([
      ['16pt letters', true, true],
      ['Calls after 2pm', true, false],
      ['Polish', false, false],
    ]);
    expect(panel.disclosures).toEqual([expect.objectContaining({ description: 'Partially sighted', reviewOn: '2026-02-01', reviewOverdue: true, inForce: true })]);
    expect(panel.restrictions).toEqual([
      expect.objectContaining({ scope: 'Single point of contact', evidence: 'Call log REF-1', reviewOn: '2026-03-01', reviewOverdue: true, inForce: true, decidedBy: expect.objectContaining({ name: 'Priya Officer' }) }),
      expect.objectContaining({ scope: 'Written contact only', inForce: false, reviewOverdue: false }),
    ]);
    expect(panel.complaints).toEqual([
      expect.objectContaining({ reference: 'CMP-2026-000611', status: 'received', deadline: { dueOn: '2026-04-07', status: 'due_soon', workingDaysLeft: 2 } }),
      expect.objectContaining({ reference: 'CMP-2025-000612', status: 'closed', deadline: null }),
    ]);
    expect(panel.serviceRequests).toEqual([expect.objectContaining({ status: 'in_progress', description: 'Boiler not working' })]);
  });

  it('answers 404 for an unknown resident and 400 for a malformed id', async () => {
    const { client } = await signedIn(server, ['agent']);
    expect((await client.get('/api/residents/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await client.get('/api/residents/not-an-id');
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/The resident must be a valid id/);
  });
});

describe('editing the resident’s details', () => {
  it('saves only what is sent, normalises the postcode, audits, publishes live, and refuses a stale copy naming who changed it', async () => {
    const { resident } = await residentWithRecords();
    const { client, staff } = await signedIn(server, ['agent']);
    const live = nextEvent('resident.updated', resident.id);
    const saved = await put(client, `/api/residents/${resident.id}`, { preferredName: 'Dot', postcode: 'zz11zz', email: 'Dot@Example.org', version: 1 });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json).toMatchObject({ preferredName: 'Dot', postcode: 'ZZ1 1ZZ', email: 'dot@example.org', fullName: 'Dorothy Vaughan', version: 2 });
    expect((await live).resident).toMatchObject({ id: resident.id, preferredName: 'Dot', version: 2 });
    expect((await audit(resident.id)).map((a) => [a.action, a.actorStaffId, a.residentId])).toEqual([['resident.updated', staff.id, resident.id]]);

    const stale = await put(client, `/api/residents/${resident.id}`, { preferredName: 'Dotty', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toBe(`This resident's record was changed by ${staff.name} since you opened it. Reload to see their change, then make yours again.`);
    expect((await put(client, `/api/residents/${resident.id}`, { email: 'not an email', version: 2 })).json.error.message).toMatch(/Enter a valid email address/);
  });
});

describe('representatives and consent (3.6)', () => {
  it('an agent adds a representative, then records consent: "given" needs method, evidence and date, never in the future', async () => {
    const { resident } = await residentWithRecords();
    const { client, staff } = await signedIn(server, ['agent']);
    const added = await client.post(`/api/residents/${resident.id}/representatives`, { name: 'Rhys Vaughan', relationship: 'son', phone: '07700 900612' });
    expect(added.status, added.text).toBe(201);
    const rep = added.json.representatives[0];
    expect(rep).toMatchObject({ name: 'Rhys Vaughan', consentStatus: 'to_be_verified', consentMethod: 'not_recorded', mayActForResident: false, version: 1 });

    const path = `/api/residents/${resident.id}/representatives/${rep.id}/consent`;
    const missing = await client.post(path, { status: 'given', version: 1 });
    expect(missing.status).toBe(422);
    expect(missing.json.error.message).toBe('3.6: consent recorded as given needs how consent was given, where the evidence is (a document reference or call recording), the date it was given.');
    const future = await client.post(path, { status: 'given', method: 'recorded_call', evidence: 'Call recording 2026-04-02-0915', givenOn: '2026-04-02', version: 1 });
    expect(future.json.error.message).toMatch(/^3\.6: consent cannot have been given in the future/);

    const given = await client.post(path, { status: 'given', method: 'recorded_call', evidence: 'Call recording 2026-04-01-0915', givenOn: '2026-04-01', version: 1 });
    expect(given.status, given.text).toBe(200);
    expect(given.json.representatives[0]).toMatchObject({
      consentStatus: 'given',
      consentMethod: 'recorded_call',
      consentEvidence: 'Call recording 2026-04-01-0915',
      consentGivenOn: '2026-04-01',
      consentRecordedBy: { id: staff.id, name: staff.name },
      mayActForResident: true,
      version: 2,
    });
    const stale = await client.post(path, { status: 'withdrawn', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toMatch(new RegExp(`representative was changed by ${staff.name}`));
    expect((await audit(rep.id)).map((a) => a.action)).toEqual(['representative.added', 'representative.consent_recorded']);
  });

  it('records consent given in the same call that adds the representative, and updates their details', async () => {
    const { resident } = await residentWithRecords();
    const { client } = await signedIn(server, ['handler']);
    const added = await client.post(`/api/residents/${resident.id}/representatives`, {
      name: 'Cllr Sample',
      relationship: 'councillor',
      consent: { status: 'given', method: 'written', evidence: 'Signed form DOC-77', givenOn: '2026-03-30' },
    });
    expect(added.json.representatives[0]).toMatchObject({ consentStatus: 'given', mayActForResident: true });
    const updated = await put(client, `/api/residents/${resident.id}/representatives/${added.json.representatives[0].id}`, { organisation: 'Example Borough Council', version: 1 });
    expect(updated.json.representatives[0]).toMatchObject({ organisation: 'Example Borough Council', version: 2 });
    const other = await residentWithRecords();
    expect((await put(client, `/api/residents/${other.resident.id}/representatives/${added.json.representatives[0].id}`, { organisation: 'X', version: 2 })).status).toBe(404);
  });
});

describe('reasonable adjustments and disclosures (5.10)', () => {
  it('agreed adjustments need a review date not in the past; review moves it on and clears the overdue flag; ending keeps the record', async () => {
    const { resident, overdue } = await residentWithRecords();
    const { client } = await signedIn(server, ['agent']);
    const base = `/api/residents/${resident.id}/adjustments`;
    const noDate = await client.post(base, { kind: 'text_only', details: 'Texts, not calls', status: 'agreed' });
    expect(noDate.status).toBe(422);
    expect(noDate.json.error.message).toMatch(/^5\.10: an agreed reasonable adjustment needs a review date/);
    expect((await client.post(base, { kind: 'text_only', details: 'Texts, not calls', status: 'agreed', reviewOn: '2026-03-31' })).json.error.message).toMatch(/^5\.10: the next review date cannot be in the past/);
    const requested = await client.post(base, { kind: 'easy_read', details: 'Easy read letters' });
    expect(requested.status).toBe(201);
    const easyRead = requested.json.adjustments.find((a: { kind: string }) => a.kind === 'easy_read');
    expect(easyRead).toMatchObject({ status: 'requested', reviewOn: null, agreedAt: null });
    const agreed = await put(client, `${base}/${easyRead.id}`, { status: 'agreed', reviewOn: '2026-10-01', version: 1 });
    expect(agreed.json.adjustments.find((a: { id: string }) => a.id === easyRead.id)).toMatchObject({ status: 'agreed', reviewOn: '2026-10-01', agreedAt: TEST_NOW.toISOString() });

    const reviewed = await client.post(`${base}/${overdue.id}/review`, { nextReviewOn: '2026-10-01', note: 'Still needed: resident confirmed by phone', version: 1 });
    expect(reviewed.status, reviewed.text).toBe(200);
    expect(reviewed.json.adjustments.find((a: { id: string }) => a.id === overdue.id)).toMatchObject({ reviewOn: '2026-10-01', reviewedAt: TEST_NOW.toISOString(), reviewOverdue: false, version: 2 });
    const ended = await client.post(`${base}/${overdue.id}/end`, { reason: 'Resident no longer needs large print', version: 2 });
    expect(ended.json.adjustments.find((a: { id: string }) => a.id === overdue.id)).toMatchObject({ status: 'ended', inForce: false });
    expect((await client.post(`${base}/${overdue.id}/end`, { reason: 'again', version: 3 })).json.error.message).toBe('This reasonable adjustment has already ended.');
    const rows = await audit(overdue.id);
    expect(rows.map((a) => a.action)).toEqual(['reasonable_adjustment.reviewed', 'reasonable_adjustment.ended']);
    expect(rows[0]?.after).toMatchObject({ reviewNote: 'Still needed: resident confirmed by phone', reviewOn: '2026-10-01' });
    expect(rows[1]?.after).toMatchObject({ endReason: 'Resident no longer needs large print', status: 'ended' });
  });

  it('records, reviews and ends a disclosure', async () => {
    const { resident } = await residentWithRecords();
    const { client } = await signedIn(server, ['agent']);
    const added = await client.post(`/api/residents/${resident.id}/disclosures`, { kind: 'vulnerability', description: 'Recently bereaved', source: 'webchat', reviewOn: '2026-07-01' });
    expect(added.status, added.text).toBe(201);
    const disclosure = added.json.disclosures.find((d: { description: string }) => d.description === 'Recently bereaved');
    expect(disclosure).toMatchObject({ kind: 'vulnerability', source: 'webchat', reviewOn: '2026-07-01', disclosedAt: TEST_NOW.toISOString() });
    const reviewed = await client.post(`/api/residents/${resident.id}/disclosures/${disclosure.id}/review`, { nextReviewOn: '2026-09-01', version: 1 });
    expect(reviewed.json.disclosures.find((d: { id: string }) => d.id === disclosure.id)).toMatchObject({ reviewOn: '2026-09-01' });
    const ended = await client.post(`/api/residents/${resident.id}/disclosures/${disclosure.id}/end`, { reason: 'Resident asked us to remove it', version: 2 });
    expect(ended.json.disclosures.find((d: { id: string }) => d.id === disclosure.id)).toMatchObject({ inForce: false, endedAt: TEST_NOW.toISOString() });
  });
});

describe('contact restrictions (5.14, 5.15)', () => {
  it('are decided by complaints officers and admins only, with reason, evidence and a review date after the start', async () => {
    const { resident } = await residentWithRecords();
    const base = `/api/residents/${resident.id}/restrictions`;
    const body = { scope: 'Single point of contact: the housing officer', reason: 'Threatening calls to contractors', evidence: 'Contractor incident reports IR-4, IR-7', reviewOn: '2026-07-01' };
    for (const role of ['agent', 'handler', 'reviewer'] as const) {
      const { client } = await signedIn(server, [role]);
      expect((await client.post(base, body)).status, role).toBe(403);
    }
    const { client, staff } = await signedIn(server, ['complaints_officer']);
    const noEvidence = await client.post(base, { ...body, evidence: ' ' });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.json.error.message).toMatch(/The evidence for it cannot be empty/);
    const { evidence: _evidence, ...withoutEvidence } = body;
    expect((await client.post(base, withoutEvidence)).json.error.message).toMatch(/The evidence for it is required/);
    const { reviewOn: _reviewOn, ...withoutReview } = body;
    expect((await client.post(base, withoutReview)).status).toBe(400);
    const early = await client.post(base, { ...body, startsOn: '2026-04-10', reviewOn: '2026-04-05' });
    expect(early.status).toBe(422);
    expect(early.json.error.message).toBe('5.14: the review date (2026-04-05) must be after the restriction starts (2026-04-10).');

    const added = await client.post(base, body);
    expect(added.status, added.text).toBe(201);
    const restriction = added.json.restrictions.find((r: { scope: string }) => r.scope === body.scope);
    expect(restriction).toMatchObject({ startsOn: '2026-04-01', reviewOn: '2026-07-01', decidedBy: { id: staff.id, name: staff.name }, inForce: true, reviewOverdue: false });

    const { client: handler } = await signedIn(server, ['handler']);
    expect((await handler.post(`${base}/${restriction.id}/review`, { nextReviewOn: '2026-10-01', version: 1 })).status).toBe(403);
    expect((await handler.post(`${base}/${restriction.id}/end`, { reason: 'x', version: 1 })).status).toBe(403);
    const reviewed = await client.post(`${base}/${restriction.id}/review`, { nextReviewOn: '2026-10-01', note: 'Still proportionate', version: 1 });
    expect(reviewed.status).toBe(200);
    const ended = await client.post(`${base}/${restriction.id}/end`, { reason: 'No incidents for six months', version: 2 });
    expect(ended.json.restrictions.find((r: { id: string }) => r.id === restriction.id)).toMatchObject({ inForce: false, endedAt: TEST_NOW.toISOString() });
    expect((await audit(restriction.id)).map((a) => [a.action, a.actorStaff?.name])).toEqual([
      ['contact_restriction.added', staff.name],
      ['contact_restriction.reviewed', staff.name],
      ['contact_restriction.ended', staff.name],
    ]);
  });
});

export type { ApiClient };
