// The triage queue: what it lists and in what order, and how the bot's changes (handoffs, offers,
// complaints and service requests it records) reach staff live as plain DTOs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '@complaints/bot';
import { createStaffUser } from '@complaints/db/factories';
import { connectStaffSocket, startTestServer, type TestServer } from '../testing/testServer.ts';
import { DEFINITION, TEST_NOW, logComplaint, signIn } from '../complaints/complaintsTestKit.ts';
import {
  CONVERSATION_UPDATED_EVENT,
  SERVICE_REQUEST_CREATED_EVENT,
  ZConversationSummarySchema,
  ZServiceRequestSchema,
  ZTriageQueueSchema,
  type TConversationSummary,
  type TTriageQueue,
} from '../schemas/index.ts';
import { closeSockets, conversationUpdates, connectResident, eventsOf, recordStaffEvents, residentAwaitingStaff, seededConversation, waitFor } from './liveChatTestKit.ts';

let server: TestServer;
let events: ReturnType<typeof recordStaffEvents>;
beforeAll(async () => {
  server = await startTestServer({ now: () => TEST_NOW });
  events = recordStaffEvents(server);
});
afterAll(async () => {
  closeSockets();
  await server?.stop();
});

const UNHAPPY = "I'm still waiting for the repair, third time, nobody came";

describe('GET /api/triage', () => {
  it('lists handoffs urgent first then longest waiting, unanswered offers with the detector’s reasons, and nothing else', async () => {
    const prisma = server.context.prisma;
    const holder = await createStaffUser(prisma, { roles: ['agent'], name: 'Hal Holder' });
    const later = await seededConversation(server, { handoffRequestedAt: new Date('2026-04-01T08:00:00Z'), fullName: 'Lara Later' });
    const urgent = await seededConversation(server, { urgent: true, handoffRequestedAt: new Date('2026-04-01T08:30:00Z') });
    const earliest = await seededConversation(server, { handoffRequestedAt: new Date('2026-04-01T06:00:00Z') });
    const taken = await seededConversation(server, { state: 'with_staff', handoffRequestedAt: new Date('2026-04-01T07:00:00Z') });
    await prisma.conversation.update({ where: { id: taken.conversation.id }, data: { claimedById: holder.id, claimedAt: new Date('2026-04-01T07:05:00Z') } });
    const offer = await seededConversation(server, { state: 'bot', complaintOfferedAt: new Date('2026-04-01T06:30:00Z') });
    const verdict = classify(UNHAPPY);
    await prisma.message.create({
      data: { conversationId: offer.conversation.id, channel: 'sms', direction: 'inbound', author: 'resident', body: UNHAPPY, deliveryStatus: 'received', classification: { ...verdict } },
    });
    const idle = await seededConversation(server, { state: 'bot' });
    const closed = await seededConversation(server, { state: 'closed' });
    // A web chat nobody has identified yet: no resident.
    const anonymous = await prisma.conversation.create({
      data: {
        channel: 'webchat',
        channelIdentity: { create: { channel: 'webchat', address: 'a'.repeat(64) } },
        state: 'awaiting_staff',
        handoffReason: 'detector unsure twice in a row',
        handoffRequestedAt: new Date('2026-04-01T08:45:00Z'),
      },
    });

    const { client } = await signIn(server, ['agent']);
    const response = await client.get('/api/triage');
    expect(response.status).toBe(200);
    const queue: TTriageQueue = ZTriageQueueSchema.parse(response.json);
    const ids = queue.conversations.map((c) => c.id);
    expect(ids).not.toContain(idle.conversation.id);
    expect(ids).not.toContain(closed.conversation.id);
    const mine = [urgent, earliest, offer, taken, later].map((x) => x.conversation.id).concat(anonymous.id);
    expect(ids.filter((id) => mine.includes(id))).toEqual(mine);

    const byId = new Map(queue.conversations.map((c) => [c.id, c]));
    expect(byId.get(later.conversation.id)).toMatchObject({
      queue: 'handoff',
      channel: 'sms',
      state: 'awaiting_staff',
      handoffReason: 'resident asked for a person',
      waitingSince: '2026-04-01T08:00:00.000Z',
      resident: { id: later.resident.id, name: 'Lara Later' },
      claimedBy: null,
    });
    expect(byId.get(taken.conversation.id)).toMatchObject({ queue: 'handoff', state: 'with_staff', claimedBy: { id: holder.id, name: 'Hal Holder' } });
    expect(byId.get(offer.conversation.id)).toMatchObject({
      queue: 'complaint_offer',
      waitingSince: '2026-04-01T06:30:00.000Z',
      detector: { label: 'complaint', confidence: verdict.confidence, reasons: verdict.reasons },
    });
    expect(verdict.reasons.length).toBeGreaterThan(0);
    expect(byId.get(anonymous.id)).toMatchObject({ channel: 'webchat', resident: null, handoffReason: 'detector unsure twice in a row', optedOut: false });
  });

  it('lists complaints awaiting acknowledgement with the engine’s working days left, earliest deadline first, until acknowledged', async () => {
    const { client } = await signIn(server, ['complaints_officer', 'handler']); // a handler too: acknowledging makes them the stage 1 handler
    // Received on Wednesday 1 April 2026: Good Friday and Easter Monday are not working days (6.2).
    const { complaint, resident } = await logComplaint(server, client, { receivedAt: '2026-04-01T08:30:00Z' });
    const older = await logComplaint(server, client, { receivedAt: '2026-03-30T08:30:00Z' });
    const queue = ZTriageQueueSchema.parse((await client.get('/api/triage')).json);
    const waiting = queue.awaitingAcknowledgement.filter((c) => [complaint.id, older.complaint.id].includes(c.complaintId));
    expect(waiting.map((c) => c.complaintId)).toEqual([older.complaint.id, complaint.id]);
    expect(waiting[1]).toEqual({
      complaintId: complaint.id,
      reference: complaint.reference,
      stage: 'stage_1',
      channel: 'phone',
      receivedAt: '2026-04-01T08:30:00.000Z',
      resident: { id: resident.id, name: resident.fullName },
      handler: null,
      deadline: { dueOn: '2026-04-10', status: 'on_track', workingDaysLeft: 5 },
    });

    const ack = await client.post(`/api/complaints/${complaint.id}/acknowledge`, { definition: DEFINITION, version: complaint.version });
    expect(ack.status).toBe(200);
    const after = ZTriageQueueSchema.parse((await client.get('/api/triage')).json);
    expect(after.awaitingAcknowledgement.map((c) => c.complaintId)).not.toContain(complaint.id);
  });
});

describe('the bot’s changes reach staff live', () => {
  it('a resident asking for a person appears in the queue at once, on a staff socket, as a plain DTO', async () => {
    const staff = await connectStaffSocket(server, ['agent']);
    const heard: TConversationSummary[] = [];
    staff.on(CONVERSATION_UPDATED_EVENT, (payload: { conversation: TConversationSummary }) => heard.push(payload.conversation));
    const { conversationId } = await residentAwaitingStaff(server);
    const update = await waitFor(() => heard.find((c) => c.id === conversationId && c.queue === 'handoff'));
    staff.close();
    expect(ZConversationSummarySchema.strict().parse(update)).toMatchObject({
      state: 'awaiting_staff',
      channel: 'webchat',
      urgent: false,
      handoffReason: 'resident asked for a person',
      handoffRequestedAt: TEST_NOW.toISOString(),
      waitingSince: TEST_NOW.toISOString(),
      resident: null,
      claimedBy: null,
    });
  });

  it('a complaint offer carries the detector’s label and reasons, kept on the stored message', async () => {
    const resident = await connectResident(server);
    const seq = await resident.say(UNHAPPY);
    const conversationId = await resident.conversationId();
    const update = await waitFor(() => conversationUpdates(events, conversationId).find((c) => c.queue === 'complaint_offer'));
    const verdict = classify(UNHAPPY);
    expect(update.detector).toEqual({ label: 'complaint', confidence: verdict.confidence, reasons: verdict.reasons });
    expect(update.complaintOfferedAt).toBe(TEST_NOW.toISOString());
    const stored = await server.context.prisma.message.findFirstOrThrow({ where: { seq: BigInt(seq) } });
    expect(stored.classification).toEqual({ label: 'complaint', confidence: verdict.confidence, reasons: verdict.reasons });
  });

  it('a complaint the bot logs is announced as complaint.created with the very ComplaintDto staff-logged ones get', async () => {
    const resident = await connectResident(server);
    for (const line of [UNHAPPY, 'yes', 'Water through the ceiling', 'last week', 'Fix it and say sorry', '1', 'Bea Botlogged', 'ZZ4 4ZZ', '0', 'skip', '1', 'yes']) {
      await resident.say(line);
    }
    const conversationId = await resident.conversationId();
    await server.channels.turnRunner.idle();
    const created = await waitFor(() =>
      eventsOf<{ complaint: { id: string; conversationId: string } }>(events, 'complaint.created').find((e) => e.complaint.conversationId === conversationId),
    );
    const { client } = await signIn(server, ['agent']);
    const fetched = await client.get(`/api/complaints/${created.complaint.id}`);
    expect(fetched.status).toBe(200);
    expect(created.complaint).toEqual(fetched.json);
    expect(fetched.json).toMatchObject({ status: 'received', channel: 'webchat', receivedAt: TEST_NOW.toISOString() });

    // The same conversation: resident linked, offer answered, so it has left the queue.
    const last = await waitFor(() => conversationUpdates(events, conversationId).find((c) => c.resident?.name === 'Bea Botlogged' && c.queue === null));
    expect(last.complaintOfferedAt).toBeNull();
    const queue = ZTriageQueueSchema.parse((await client.get('/api/triage')).json);
    expect(queue.awaitingAcknowledgement.find((c) => c.complaintId === created.complaint.id)).toMatchObject({ resident: { name: 'Bea Botlogged' } });
  });

  it('a service request the bot records is announced as service_request.created', async () => {
    const resident = await connectResident(server);
    for (const line of ['Please can someone fix my boiler, it is not working', 'Ray Requester', 'ZZ5 5ZZ']) await resident.say(line);
    const conversationId = await resident.conversationId();
    const announced = await waitFor(() =>
      eventsOf<{ serviceRequest: { conversationId: string } }>(events, SERVICE_REQUEST_CREATED_EVENT).find((e) => e.serviceRequest.conversationId === conversationId),
    );
    expect(ZServiceRequestSchema.strict().parse(announced.serviceRequest)).toMatchObject({ channel: 'webchat', status: 'open', reference: expect.stringMatching(/^SR-2026-\d{6}$/) });
  });
});
