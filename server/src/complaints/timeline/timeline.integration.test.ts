// 5.12: the case timeline and case notes, through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversation, createInboundMessage, createResident } from '@complaints/db/factories';
import { startTestServer, type ApiClient, type TestServer } from '../../testing/testServer.ts';
import type { StaffEvent } from '../../realtime/broadcaster.ts';
import { ZTimelineSchema, type TTimelineItem } from '../../schemas/index.ts';
import { setOptedOut } from '../../channels/optOut.ts';
import { DEFINITION, TEST_NOW, logComplaint, recordStaffEvents, signIn } from '../complaintsTestKit.ts';

let server: TestServer;
let events: StaffEvent[];
beforeAll(async () => {
  server = await startTestServer({ now: () => TEST_NOW });
  events = recordStaffEvents(server);
});
afterAll(async () => {
  await server?.stop();
});

/** A case that came in by SMS, with the resident's WhatsApp messages before and after it, acknowledged, extended and noted. */
async function busyCase(client: ApiClient) {
  const prisma = server.context.prisma;
  const resident = await createResident(prisma);
  const sms = await createConversation(prisma, resident.id, 'sms');
  const inbound = await createInboundMessage(prisma, { conversationId: sms.id, body: 'Nobody came to fix the boiler, twice.' });
  const reply = await prisma.message.create({
    data: { conversationId: sms.id, channel: 'sms', direction: 'outbound', author: 'bot', body: 'Sorry to hear that. Would you like to make a complaint?', deliveryStatus: 'delivered' },
  });
  const whatsapp = await createConversation(prisma, resident.id, 'whatsapp');
  const old = await prisma.message.create({
    data: { conversationId: whatsapp.id, channel: 'whatsapp', direction: 'inbound', author: 'resident', body: 'An old question about rent', deliveryStatus: 'received', createdAt: new Date('2026-03-01T09:00:00Z') },
  });
  const later = await createInboundMessage(prisma, { conversationId: whatsapp.id, channel: 'whatsapp', body: 'Any news on my complaint?' });
  const { complaint } = await logComplaint(server, client, { residentId: resident.id, conversationId: sms.id, channel: 'sms' });
  const ack = await client.post(`/api/complaints/${complaint.id}/acknowledge`, { definition: DEFINITION, version: complaint.version });
  const ext = await client.post(`/api/complaints/${complaint.id}/extend`, { workingDays: 3, reason: 'Waiting for the engineer', version: ack.json.version });
  const note = await client.post(`/api/complaints/${complaint.id}/notes`, { body: 'Called the resident: the boiler is still off.' });
  return { complaint: ext.json, note: note.json, messages: { inbound, reply, old, later }, conversations: [sms.id, whatsapp.id] };
}

const keys = (items: TTimelineItem[]) => items.map((item) => item.key);

describe('GET /api/complaints/:id/timeline', () => {
  it('shows messages on every channel with delivery status, letters, notes and audit events as sentences, newest first', async () => {
    const { client } = await signIn(server);
    const { complaint, messages, conversations } = await busyCase(client);
    const response = await client.get(`/api/complaints/${complaint.id}/timeline`);
    expect(response.status).toBe(200);
    const timeline = ZTimelineSchema.parse(response.json);
    expect(timeline.nextCursor).toBeNull();
    expect(timeline.conversationIds).toEqual(conversations);

    const messageItems = timeline.items.filter((i) => i.type === 'message');
    expect(messageItems.map((i) => [i.message.channel, i.message.body, i.message.deliveryStatus]).sort()).toEqual(
      [
        ['sms', 'Nobody came to fix the boiler, twice.', 'received'],
        ['sms', 'Sorry to hear that. Would you like to make a complaint?', 'delivered'],
        ['whatsapp', 'Any news on my complaint?', 'received'],
      ].sort(),
    );
    // The resident's other conversation only from the day the complaint was received.
    expect(keys(timeline.items)).not.toContain(`message:${messages.old.id}`);

    const letters = timeline.items.filter((i) => i.type === 'letter');
    expect(letters.map((i) => i.letter.kind).sort()).toEqual(['acknowledgement', 'extension_notice']);
    const printed = await client.get(letters[0]!.letter.url);
    expect(printed.status).toBe(200);
    expect(printed.headers.get('content-type')).toMatch(/^text\/html/);

    const notes = timeline.items.filter((i) => i.type === 'note');
    expect(notes.map((i) => i.note.body)).toEqual(['Called the resident: the boiler is still off.']);

    const audit = timeline.items.filter((i) => i.type === 'event').map((i) => i.event);
    expect(audit.map((e) => e.action).sort()).toEqual(['complaint.acknowledged', 'complaint.extended', 'complaint.received']);
    expect(audit.find((e) => e.action === 'complaint.extended')).toMatchObject({
      summary: 'Response deadline extended by 3 working days to 22 April 2026',
      details: ['Reason: Waiting for the engineer'],
    });
    expect(audit.find((e) => e.action === 'complaint.acknowledged')?.details).toContain('Response due 17 April 2026');
    // Sentences, never the stored before/after JSON.
    expect(response.text).not.toMatch(/"before"|"after"|responseDueOn/);

    const times = timeline.items.map((i) => Date.parse(i.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('shows each photo with its content type and the resident opting out of a channel the case uses', async () => {
    const { client } = await signIn(server);
    const prisma = server.context.prisma;
    const resident = await createResident(prisma);
    const whatsapp = await createConversation(prisma, resident.id, 'whatsapp');
    const photo = await prisma.message.create({
      data: {
        conversationId: whatsapp.id,
        channel: 'whatsapp',
        direction: 'inbound',
        author: 'resident',
        body: 'The mould is back',
        deliveryStatus: 'received',
        media: { create: [{ url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1', contentType: 'image/jpeg' }] },
      },
      include: { media: true },
    });
    const { complaint } = await logComplaint(server, client, { residentId: resident.id, conversationId: whatsapp.id, channel: 'whatsapp' });
    // An opt-out in another conversation before the complaint is not this case's business.
    const sms = await createConversation(prisma, resident.id, 'sms');
    await setOptedOut({ prisma, broadcaster: server.context.broadcaster }, { conversationId: sms.id, optedOut: true, at: new Date('2026-03-01T09:00:00Z') });
    await setOptedOut({ prisma, broadcaster: server.context.broadcaster }, { conversationId: whatsapp.id, optedOut: true, at: TEST_NOW });

    const timeline = ZTimelineSchema.parse((await client.get(`/api/complaints/${complaint.id}/timeline`)).json);
    const message = timeline.items.find((i) => i.type === 'message' && i.message.id === photo.id);
    expect(message?.type === 'message' && message.message.media).toEqual([{ id: photo.media[0]!.id, url: photo.media[0]!.url, contentType: 'image/jpeg' }]);
    const optOuts = timeline.items.filter((i) => i.type === 'event' && i.event.action === 'channel_identity.opted_out');
    expect(optOuts.map((i) => i.type === 'event' && i.event)).toEqual([
      { action: 'channel_identity.opted_out', actor: 'The resident', summary: 'The resident opted out of WhatsApp messages (sent STOP)', details: ['Nothing sent on that channel reaches them: contact them another way.'] },
    ]);
  });

  it('pages with a cursor: every item exactly once, in the same order, even where many share one instant', async () => {
    const { client } = await signIn(server);
    const { complaint } = await busyCase(client);
    const all = ZTimelineSchema.parse((await client.get(`/api/complaints/${complaint.id}/timeline?limit=200`)).json).items;
    // The fixed clock puts every audit row, letter and note at the same instant: the tie-break matters.
    expect(new Set(all.filter((i) => i.type !== 'message').map((i) => i.at)).size).toBe(1);
    for (const limit of [1, 2, 3]) {
      const paged: TTimelineItem[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const page = ZTimelineSchema.parse((await client.get(`/api/complaints/${complaint.id}/timeline?limit=${limit}${cursor ? `&before=${cursor}` : ''}`)).json);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        paged.push(...page.items);
        cursor = page.nextCursor;
      }
      expect(keys(paged), `limit ${limit}`).toEqual(keys(all));
    }
  });

  it('answers 400 for a cursor it did not give and 404 for a case that does not exist', async () => {
    const { client } = await signIn(server);
    const { complaint } = await logComplaint(server, client);
    const bad = await client.get(`/api/complaints/${complaint.id}/timeline?before=not-a-cursor`);
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toBe('before: Use the nextCursor from the previous page of the timeline');
    expect((await client.get(`/api/complaints/${complaint.id}/timeline?limit=500`)).status).toBe(400);
    expect((await client.get('/api/complaints/00000000-0000-4000-8000-000000000000/timeline')).status).toBe(404);
  });
});

describe('POST /api/complaints/:id/notes', () => {
  it('adds a note, audits that a note was added (not its words), tells staff at once, and leaves the case version alone', async () => {
    const logger = await signIn(server);
    const { staff, client } = await signIn(server, ['reviewer']);
    const { complaint } = await logComplaint(server, logger.client);
    const response = await client.post(`/api/complaints/${complaint.id}/notes`, { body: '  Resident prefers calls after 2pm.  ' });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ type: 'note', at: TEST_NOW.toISOString(), note: { body: 'Resident prefers calls after 2pm.', author: staff.name } });
    const audit = await server.context.prisma.auditEvent.findFirstOrThrow({ where: { complaintId: complaint.id, action: 'complaint.note_added' } });
    expect(audit).toMatchObject({ actorStaffId: staff.id, entityType: 'case_note', after: { length: 33 } });
    expect(JSON.stringify(audit.after)).not.toContain('2pm');
    expect(events.at(-1)).toEqual({ type: 'complaint.note_added', payload: { complaintId: complaint.id, item: response.json } });
    // A note is not a change to the case: the version stays, and "last changed by" (and any 409) still names who changed it.
    const after = (await client.get(`/api/complaints/${complaint.id}`)).json;
    expect(after.version).toBe(complaint.version);
    expect(after.lastChange.by).toBe(logger.staff.name);
  });

  it('refuses an empty note (400) and agents (403)', async () => {
    const { client } = await signIn(server);
    const { complaint } = await logComplaint(server, client);
    const empty = await client.post(`/api/complaints/${complaint.id}/notes`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toBe('body: The note cannot be empty');
    const { client: agent } = await signIn(server, ['agent']);
    expect((await agent.post(`/api/complaints/${complaint.id}/notes`, { body: 'hello' })).status).toBe(403);
    expect((await agent.get(`/api/complaints/${complaint.id}/timeline`)).status).toBe(200);
  });
});
