// Live chat on SMS and WhatsApp: a staff reply goes through the outbox on the resident's own
// channel, its delivery status reaches staff live, and a resident who sent STOP gets nothing (the
// reply is stored as suppressed and shown as such).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalMobile } from '@complaints/db/factories';
import { signIn } from '../complaints/complaintsTestKit.ts';
import { inboundSms, inboundWhatsApp, postWebhook, settle, startTwilioTestServer, type TwilioTestServer } from '../channels/testing/twilioTestKit.ts';
import { CONVERSATION_MESSAGE_EVENT, MESSAGE_DELIVERY_EVENT, type TConversationMessage } from '../schemas/index.ts';
import { eventsOf, recordStaffEvents, waitFor } from './liveChatTestKit.ts';

let server: TwilioTestServer;
let events: ReturnType<typeof recordStaffEvents>;
let nextPhone = 700;
beforeAll(async () => {
  server = await startTwilioTestServer();
  events = recordStaffEvents(server);
});
afterAll(async () => server?.stop());

async function say(path: '/twilio/sms' | '/twilio/whatsapp', from: string, text: string) {
  const response = await postWebhook(server, path, path === '/twilio/sms' ? inboundSms(from, text) : inboundWhatsApp(from, text));
  expect(response.status).toBe(200);
  await settle(server);
}

/** A resident on `path` who asked for a person, claimed by a fresh agent. */
async function claimedBy(path: '/twilio/sms' | '/twilio/whatsapp') {
  const from = fictionalMobile(nextPhone++);
  await say(path, from, 'agent');
  const channel = path === '/twilio/sms' ? 'sms' : 'whatsapp';
  const identity = await server.context.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_address: { channel, address: from } }, include: { conversations: true } });
  const conversationId = identity.conversations[0]!.id;
  const agent = await signIn(server, ['agent']);
  expect((await agent.client.post(`/api/conversations/${conversationId}/claim`)).status).toBe(200);
  return { from, conversationId, agent };
}

const deliveriesOf = (messageId: string) => eventsOf<{ messageId: string; deliveryStatus: string; reason?: string }>(events, MESSAGE_DELIVERY_EVENT).filter((e) => e.messageId === messageId);

describe('staff replies by SMS', () => {
  it('go through the outbox to Twilio, and staff see queued, then sent, then delivered', async () => {
    const { from, conversationId, agent } = await claimedBy('/twilio/sms');
    const reply = await agent.client.post(`/api/conversations/${conversationId}/messages`, { text: 'Hello, this is the housing team. How can we help?' });
    expect(reply.status).toBe(201);
    const [stored] = reply.json.messages as TConversationMessage[];
    expect(stored).toMatchObject({ channel: 'sms', author: 'staff', staffUserId: agent.staff.id, deliveryStatus: 'queued' });
    expect(eventsOf<{ message: TConversationMessage }>(events, CONVERSATION_MESSAGE_EVENT).find((e) => e.message.id === stored!.id)?.message.deliveryStatus).toBe('queued');

    await settle(server);
    const request = server.twilio.requests.find((r) => r.data.To === from && r.data.Body === 'Hello, this is the housing team. How can we help?');
    expect(request).toBeDefined();
    await waitFor(() => deliveriesOf(stored!.id).find((e) => e.deliveryStatus === 'sent'));

    const sid = (await server.context.prisma.message.findUniqueOrThrow({ where: { id: stored!.id } })).providerMessageId!;
    const callback = await postWebhook(server, '/twilio/status', { MessageSid: sid, MessageStatus: 'delivered', AccountSid: 'AC' + '12'.repeat(16) });
    expect(callback.status).toBe(204);
    expect(deliveriesOf(stored!.id).map((e) => e.deliveryStatus)).toEqual(['sent', 'delivered']);
    const detail = await agent.client.get(`/api/conversations/${conversationId}`);
    expect(detail.json.messages.find((m: TConversationMessage) => m.id === stored!.id)).toMatchObject({ author: 'staff', deliveryStatus: 'delivered' });
  });

  it('a long reply is sent in parts of at most two segments, each stored as the staff member’s', async () => {
    const { conversationId, agent } = await claimedBy('/twilio/sms');
    const text = Array.from({ length: 12 }, (_, i) => `Sentence number ${i + 1} explains what happens next with the repair.`).join(' ');
    const reply = await agent.client.post(`/api/conversations/${conversationId}/messages`, { text });
    expect(reply.status).toBe(201);
    const parts = reply.json.messages as TConversationMessage[];
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((m) => m.author === 'staff' && m.staffUserId === agent.staff.id)).toBe(true);
    expect(parts.map((m) => m.body).join(' ')).toBe(text);
  });
});

describe('staff replies by WhatsApp to a resident who sent STOP', () => {
  it('shows staff the resident opted out; the reply is stored as suppressed and never sent', async () => {
    const { from, conversationId, agent } = await claimedBy('/twilio/whatsapp');
    await say('/twilio/whatsapp', from, 'STOP');
    const detail = await agent.client.get(`/api/conversations/${conversationId}`);
    expect(detail.json.conversation).toMatchObject({ optedOut: true, state: 'with_staff' });

    const before = server.twilio.requests.length;
    const reply = await agent.client.post(`/api/conversations/${conversationId}/messages`, { text: 'We will write to you instead.' });
    expect(reply.status).toBe(201);
    const [stored] = reply.json.messages as TConversationMessage[];
    expect(stored).toMatchObject({ author: 'staff', channel: 'whatsapp', deliveryStatus: 'suppressed' });
    expect(deliveriesOf(stored!.id)).toEqual([expect.objectContaining({ deliveryStatus: 'suppressed', reason: 'opted_out' })]);
    await settle(server);
    expect(server.twilio.requests.length).toBe(before);
  });
});
