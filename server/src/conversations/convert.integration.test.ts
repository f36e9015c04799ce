// Turning a conversation into a complaint or a service request, and saying whose it is: the
// resident link is audited, the Code engine opens the complaint, and the open offer is closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResident } from '@complaints/db/factories';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { TEST_NOW, signIn } from '../complaints/complaintsTestKit.ts';
import { SERVICE_REQUEST_CREATED_EVENT } from '../schemas/index.ts';
import { conversationUpdates, eventsOf, recordStaffEvents, seededConversation } from './liveChatTestKit.ts';

let server: TestServer;
let events: ReturnType<typeof recordStaffEvents>;
beforeAll(async () => {
  server = await startTestServer({ now: () => TEST_NOW });
  events = recordStaffEvents(server);
});
afterAll(async () => server?.stop());


describe('POST /api/conversations/:id/resident', () => {
  it('links the resident, audited with before and after, and tells staff', async () => {
    const { conversation } = await seededConversation(server);
    const other = await createResident(server.context.prisma, { fullName: 'Nia Newlink' });
    const { client, staff } = await signIn(server, ['agent']);
    const linked = await client.post(`/api/conversations/${conversation.id}/resident`, { residentId: other.id });
    expect(linked.status).toBe(200);
    expect(linked.json.resident).toEqual({ id: other.id, name: 'Nia Newlink' });
    expect(conversationUpdates(events, conversation.id).at(-1)).toEqual(linked.json);
    const audit = await server.context.prisma.auditEvent.findFirstOrThrow({ where: { conversationId: conversation.id, action: 'conversation.resident_linked' } });
    expect(audit).toMatchObject({ actorStaffId: staff.id, residentId: other.id, before: { residentId: conversation.residentId }, after: { residentId: other.id } });
  });

  it('refuses a resident that does not exist, saying what to do', async () => {
    const { conversation } = await seededConversation(server);
    const { client } = await signIn(server, ['agent']);
    const missing = await client.post(`/api/conversations/${conversation.id}/resident`, { residentId: '6f1c2a4e-0000-4000-8000-000000000000' });
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toBe('residentId: There is no resident with that id. Search again or add the resident.');
    const bad = await client.post(`/api/conversations/${conversation.id}/resident`, {});
    expect(bad.json.error.message).toBe('residentId: The resident must be a valid id');
  });
});

describe('POST /api/conversations/:id/complaint', () => {
  it('opens the complaint on the conversation’s channel, received when the resident first complained; links the resident; closes the offer', async () => {
    const { conversation } = await seededConversation(server, { state: 'bot', channel: 'whatsapp', complaintOfferedAt: new Date('2026-03-31T15:00:00Z') });
    const resident = await createResident(server.context.prisma, { fullName: 'Cal Converted' });
    const { client, staff } = await signIn(server, ['agent']);
    const response = await client.post(`/api/conversations/${conversation.id}/complaint`, {
      residentId: resident.id,
      summary: 'The damp in the bedroom has been reported four times.',
      receivedAt: '2026-03-31T15:00:00Z',
    });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      status: 'received',
      stage: 'stage_1',
      channel: 'whatsapp',
      conversationId: conversation.id,
      residentId: resident.id,
      receivedAt: '2026-03-31T15:00:00.000Z',
      // 6.2: five working days from Tuesday 31 March, skipping Good Friday and Easter Monday.
      deadline: { kind: 'acknowledgement', dueOn: '2026-04-09' },
    });
    const announced = eventsOf<{ complaint: { id: string } }>(events, 'complaint.created').find((e) => e.complaint.id === response.json.id);
    expect(announced?.complaint).toEqual(response.json);
    expect(conversationUpdates(events, conversation.id).at(-1)).toMatchObject({ queue: null, complaintOfferedAt: null, resident: { id: resident.id, name: 'Cal Converted' } });

    const audit = await server.context.prisma.auditEvent.findMany({ where: { conversationId: conversation.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['conversation.resident_linked', 'conversation.logged_as_complaint']);
    expect(audit[1]).toMatchObject({ actorStaffId: staff.id, complaintId: response.json.id, after: { complaintId: response.json.id, offerClosed: true } });
  });

  it('refuses what the Code engine or the form would refuse, with the field named, and logs nothing', async () => {
    const { conversation, resident } = await seededConversation(server);
    const { client } = await signIn(server, ['agent']);
    const before = await server.context.prisma.complaint.count();
    const empty = await client.post(`/api/conversations/${conversation.id}/complaint`, { residentId: resident.id, summary: ' ', receivedAt: 'yesterday' });
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toBe(
      "receivedAt: Enter a date and time in ISO 8601 format, e.g. 2026-04-02T09:30:00Z; summary: The resident's complaint, in their words cannot be empty",
    );
    const someoneElse = await createResident(server.context.prisma);
    const started = await client.post(`/api/conversations/${conversation.id}/complaint`, {
      residentId: someoneElse.id,
      summary: 'The lift is broken',
      receivedAt: '2026-03-31T15:00:00Z',
      issueStartedOn: '2026-04-05',
    });
    expect(started.status).toBe(400);
    expect(started.json.error.message).toBe('issueStartedOn: The problem cannot have started after the complaint was received');
    expect(await server.context.prisma.complaint.count()).toBe(before);
    // Nothing half-done: the refused attempt did not link the other resident either.
    expect(await server.context.prisma.auditEvent.count({ where: { conversationId: conversation.id } })).toBe(0);
    expect((await server.context.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).residentId).toBe(resident.id);
  });
});

describe('POST /api/conversations/:id/service-request', () => {
  it('records the request on the conversation’s channel with an SR reference and tells staff', async () => {
    const { conversation, resident } = await seededConversation(server, { channel: 'sms' });
    const { client } = await signIn(server, ['agent']);
    const response = await client.post(`/api/conversations/${conversation.id}/service-request`, {
      residentId: resident.id,
      description: 'The front door lock is stiff.',
      receivedAt: '2026-04-01T08:00:00Z',
    });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      reference: expect.stringMatching(/^SR-2026-\d{6}$/),
      status: 'open',
      channel: 'sms',
      conversationId: conversation.id,
      residentId: resident.id,
      description: 'The front door lock is stiff.',
    });
    expect(eventsOf<{ serviceRequest: unknown }>(events, SERVICE_REQUEST_CREATED_EVENT).map((e) => e.serviceRequest)).toContainEqual(response.json);
  });
});
