// Retention, erasure and subject access on a real database seeded with the hand-computed report
// fixture: anonymising leaves every report figure, the CSV and the annual report exactly as
// they were, while the personal data is gone (audit rows included), and each step is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversation, createInboundMessage } from '@complaints/db/factories';
import { seedReportFixture } from '../reports/reportsTestKit.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { createSignedInStaff, startTestServer, type ApiClient, type TestServer } from '../testing/testServer.ts';
import { ANONYMISED } from './redactAuditValue.ts';

let clock = new Date('2027-04-15T09:00:00Z');
let server: TestServer;
let admin: ApiClient;
let officer: ApiClient;
let residentOfA: string;
let residentOfK: string;
let webChatOfA: string;
const WEB_CHAT_SESSION = 'b2f1c0de-0000-4000-8000-00000000a001';

const YEAR = '?period=custom&from=2026-04-01&to=2027-03-31';
const reports = async () => {
  const [performance, csv, annual] = await Promise.all([officer.get(`/api/reports/performance${YEAR}`), officer.get(`/api/reports/cases.csv${YEAR}`), officer.get(`/api/reports/annual${YEAR}`)]);
  return { performance: performance.json, csv: csv.text, annual: annual.text };
};

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  const prisma = server.context.prisma;
  await seedReportFixture(prisma);
  admin = (await createSignedInStaff(server, ['admin'])).client;
  officer = (await createSignedInStaff(server, ['complaints_officer'])).client;
  const a = await prisma.complaint.findUniqueOrThrow({ where: { reference: 'CMP-2026-000001' }, include: { resident: true } });
  residentOfA = a.residentId;
  residentOfK = (await prisma.complaint.findUniqueOrThrow({ where: { reference: 'CMP-2026-000011' } })).residentId;
  // What A's resident said and what was recorded about it: a conversation, a letter, audit rows.
  const conversation = await createConversation(prisma, residentOfA, 'sms');
  await createInboundMessage(prisma, { conversationId: conversation.id, body: 'My name is Ann Example, call me on 07700 900123' });
  // The complaint itself came from a web chat never linked to the resident record: it is theirs
  // only through the complaint's conversationId.
  const webIdentity = await prisma.channelIdentity.create({ data: { channel: 'webchat', address: WEB_CHAT_SESSION } });
  const webChat = await prisma.conversation.create({ data: { channel: 'webchat', channelIdentityId: webIdentity.id } });
  webChatOfA = webChat.id;
  await prisma.complaint.update({ where: { id: a.id }, data: { conversationId: webChat.id } });
  await createInboundMessage(prisma, { conversationId: webChat.id, channel: 'webchat', body: 'Ann Example at 1 Example Street: nobody came' });
  await prisma.$transaction((tx) =>
    recordAudit(tx, { actor: { type: 'system' }, action: 'conversation.handoff_requested', entityType: 'Conversation', entityId: webChat.id, conversationId: webChat.id, after: { reason: 'Ann Example asked for a person' }, at: clock }),
  );
  await prisma.letter.create({ data: { complaintId: a.id, kind: 'stage_1_response', stage: 'stage_1', html: '<p>Dear Ann Example</p>', text: 'Dear Ann Example' } });
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      actor: { type: 'system' }, action: 'complaint.created', entityType: 'Complaint', entityId: a.id, complaintId: a.id, residentId: residentOfA,
      after: { summary: 'Ann Example says nobody came', status: 'received', channel: 'phone', receivedAt: '2026-04-01T12:00:00.000Z', version: 1 }, at: clock,
    }),
  );
});
afterAll(async () => {
  await server?.stop();
});

describe('subject access (Article 15)', () => {
  it('an admin downloads everything held about a resident as JSON; the export is audited', async () => {
    const response = await admin.get(`/api/data-protection/residents/${residentOfA}/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename=subject-access-${residentOfA}.json`);
    const body = response.json;
    expect(body.resident.fullName).toMatch(/Testperson$/);
    expect(body.resident.identities[0].address).toMatch(/^\+447700900\d{3}$/);
    expect(body.resident.complaints[0]).toMatchObject({ reference: 'CMP-2026-000001', summary: expect.any(String) });
    expect(body.resident.conversations.map((c: { channel: string; channelIdentity: { address: string }; messages: { body: string }[] }) => [c.channel, c.channelIdentity.address.replace(/\d{3}$/, 'nnn'), c.messages.map((m) => m.body)])).toEqual([
      ['sms', '+447700900nnn', ['My name is Ann Example, call me on 07700 900123']],
      ['webchat', WEB_CHAT_SESSION.replace(/\d{3}$/, 'nnn'), ['Ann Example at 1 Example Street: nobody came']],
    ]);
    expect(body.auditEvents.find((e: { conversationId: string }) => e.conversationId === webChatOfA)).toMatchObject({ action: 'conversation.handoff_requested', after: { reason: 'Ann Example asked for a person' } });
    expect(body.resident.complaints[0].letters[0].text).toBe('Dear Ann Example');
    expect(body.auditEvents.some((e: { action: string }) => e.action === 'complaint.created')).toBe(true);
    const audit = await server.context.prisma.auditEvent.findFirst({ where: { action: 'resident.subject_access_exported', residentId: residentOfA } });
    expect(audit?.actorType).toBe('staff');
  });

  it('finds the resident from a complaint reference', async () => {
    const response = await admin.get('/api/data-protection/residents?reference=cmp-2026-000001');
    expect(response.json).toMatchObject({ residentId: residentOfA, anonymisedAt: null, complaints: [{ reference: 'CMP-2026-000001', status: 'closed' }] });
    expect((await admin.get('/api/data-protection/residents?reference=nope')).json.error.message).toBe('reference: Enter a complaint reference, e.g. CMP-2026-000123');
  });
});

describe('anonymisation keeps every figure (retention sweep and erasure)', () => {
  it('the reports, CSV and annual report computed before equal the ones after', async () => {
    const before = await reports();
    expect(before.performance.ch02.stage1).toEqual({ responded: 10, withinTimescale: 6, percent: 60 });

    // Erasure on request: refused while a complaint is open, and needs the confirmation.
    expect((await admin.post(`/api/data-protection/residents/${residentOfK}/erase`, { reason: 'Asked by phone' })).json.error.message).toBe(
      'confirmation: Type ERASE to confirm: erasure cannot be undone',
    );
    const open = await admin.post(`/api/data-protection/residents/${residentOfK}/erase`, { confirmation: 'ERASE', reason: 'Asked by phone' });
    expect(open.status).toBe(422);
    expect(open.json.error.message).toContain('CMP-2026-000011');
    const erased = await admin.post(`/api/data-protection/residents/${residentOfA}/erase`, { confirmation: 'ERASE', reason: 'Asked in writing' });
    expect(erased.status).toBe(200);
    expect((await admin.post(`/api/data-protection/residents/${residentOfA}/erase`, { confirmation: 'ERASE', reason: 'again' })).json.error.message).toMatch(/already erased/);

    // Retention: 12 months, run in 2030, so every resident whose complaints all finished goes.
    const settings = (await admin.get('/api/settings')).json;
    await admin.request('PUT', '/api/settings/retention', { months: 12, version: settings.retentionMonths.version });
    clock = new Date('2030-01-01T09:00:00Z');
    const { client: lateAdmin } = await createSignedInStaff(server, ['admin']); // sessions last 12 hours
    const sweep = await lateAdmin.post('/api/data-protection/retention-sweep');
    // Residents of B-J and L (A erased already; K and M still open).
    expect(sweep.json).toEqual({ anonymised: 10, more: false });
    expect((await lateAdmin.post('/api/data-protection/retention-sweep')).json).toEqual({ anonymised: 0, more: false });

    clock = new Date('2027-04-15T09:00:00Z');
    const after = await reports();
    expect(after.performance).toEqual(before.performance);
    expect(after.csv).toBe(before.csv);
    expect(after.annual).toBe(before.annual);
  });

  it('the personal data is gone, audit rows included, and each anonymisation is audited', async () => {
    const prisma = server.context.prisma;
    const resident = await prisma.resident.findUniqueOrThrow({ where: { id: residentOfA }, include: { identities: true, representatives: true, complaints: { include: { stages: true, letters: true } }, conversations: { include: { messages: true } } } });
    expect(resident).toMatchObject({ fullName: null, postcode: null, tenancyReference: null, anonymisedAt: expect.any(Date) });
    expect(resident.identities[0]?.address).toBe(`anonymised:${resident.identities[0]?.id}`);
    expect(resident.representatives[0]).toMatchObject({ name: ANONYMISED, phone: null, email: null });
    expect(resident.complaints[0]).toMatchObject({ summary: ANONYMISED, reference: 'CMP-2026-000001' });
    expect(resident.complaints[0]?.stages[0]).toMatchObject({ understanding: ANONYMISED, decision: 'upheld' });
    expect(resident.complaints[0]?.letters[0]).toMatchObject({ html: ANONYMISED, text: ANONYMISED });
    expect(resident.conversations[0]?.messages[0]?.body).toBe(ANONYMISED);
    const webChat = await prisma.conversation.findUniqueOrThrow({ where: { id: webChatOfA }, include: { messages: true, channelIdentity: true } });
    // The bot may have answered the resident's message before the erasure: every word is gone either way.
    expect(new Set(webChat.messages.map((m) => m.body))).toEqual(new Set([ANONYMISED]));
    expect(webChat.channelIdentity.address).toBe(`anonymised:${webChat.channelIdentityId}`);
    expect((await prisma.auditEvent.findFirstOrThrow({ where: { action: 'conversation.handoff_requested', conversationId: webChatOfA } })).after).toEqual({ reason: ANONYMISED });
    const created = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'complaint.created', residentId: residentOfA } });
    expect(created.after).toEqual({ summary: ANONYMISED, status: 'received', channel: 'phone', receivedAt: '2026-04-01T12:00:00.000Z', version: 1 });
    expect(await prisma.auditEvent.findFirst({ where: { action: 'resident.erased', residentId: residentOfA } })).toMatchObject({ actorType: 'staff' });
    expect(await prisma.auditEvent.count({ where: { action: 'resident.anonymised', actorType: 'staff' } })).toBe(10);
    // K, whose complaint is open, keeps everything.
    expect((await prisma.resident.findUniqueOrThrow({ where: { id: residentOfK } })).fullName).toMatch(/Testperson$/);
  });

  it('outside that transaction the audit log is still append-only', async () => {
    const prisma = server.context.prisma;
    await expect(prisma.auditEvent.updateMany({ where: { residentId: residentOfA }, data: { after: {} } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.deleteMany({ where: { residentId: residentOfA } })).rejects.toThrow(/append-only/);
  });
});
