// The Bot Framework endpoint end to end, offline: a local stand-in for Azure Bot Service signs
// the inbound JWT with a key it publishes (OpenID metadata + JWKS) and receives the replies; the
// SDK's own validation and connector client run in between. Stored first, shown to staff,
// answered by the same ComplaintsBot, a redelivery processed once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FAKE_OUTBOUND_TOKEN } from '@complaints/bot';
import { connectStaffSocket, startTestServer } from '../../testing/testServer.ts';
import { CONVERSATION_MESSAGE_EVENT, type TConversationMessage } from '../../schemas/index.ts';
import { waitFor } from '../testing/twilioTestKit.ts';
import { postActivity, startBotFrameworkTestServer, type BotFrameworkTestServer } from '../testing/botFrameworkTestKit.ts';

let server: BotFrameworkTestServer;
beforeAll(async () => {
  server = await startBotFrameworkTestServer();
});
afterAll(async () => server?.stop());

const conversationFor = () => ({ id: `dl-${randomUUID()}` });
const messagesOf = (conversationId: string) =>
  server.context.prisma.message.findMany({ where: { conversation: { channelIdentity: { address: `directline/${conversationId}` } } }, orderBy: { seq: 'asc' } });
const repliesTo = (conversationId: string) => server.channel.replies.filter((r) => r.conversationId === conversationId);

describe('POST /api/messages', () => {
  it('stores a signed message, answers 200, and the bot replies through the Bot Connector', async () => {
    const conversation = conversationFor();
    const activity = server.channel.activity({ conversation, text: 'hello' });
    const response = await postActivity(server, activity, `Bearer ${server.channel.token()}`);
    expect(response.status).toBe(200);

    const [inbound] = await messagesOf(conversation.id);
    expect(inbound).toMatchObject({
      channel: 'botframework',
      direction: 'inbound',
      author: 'resident',
      body: 'hello',
      deliveryStatus: 'received',
      providerMessageId: `directline/${conversation.id}/${activity.id as string}`,
      conversationReference: expect.objectContaining({ activityId: activity.id, serviceUrl: server.channel.serviceUrl, conversation }),
    });

    const [greeting] = await waitFor(() => (repliesTo(conversation.id).length ? repliesTo(conversation.id) : undefined));
    expect(greeting).toMatchObject({ replyToId: activity.id, authorization: `Bearer ${FAKE_OUTBOUND_TOKEN}` });
    expect(greeting!.activity.text).toMatch(/automated assistant/);

    await server.channels.turnRunner.idle();
    const [stored, reply] = await messagesOf(conversation.id);
    expect(stored!.processedAt).not.toBeNull();
    expect(reply).toMatchObject({ channel: 'botframework', direction: 'outbound', author: 'bot', body: greeting!.activity.text, deliveryStatus: 'sent' });
    expect(reply!.providerMessageId).toMatch(new RegExp(`^directline/${conversation.id}/reply-\\d+$`));
    const identity = await server.context.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_address: { channel: 'botframework', address: `directline/${conversation.id}` } } });
    expect(identity.lastInboundAt).not.toBeNull();
  });

  describe('refuses requests the channel did not sign, with 401, storing nothing', () => {
    // The SDK prints each rejected token to stderr itself.
    beforeAll(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));
    afterAll(() => vi.restoreAllMocks());

    it.each([
      ['no token', () => null],
      ['a forged token', () => `Bearer ${server.channel.forgedToken()}`],
      ['a token for another bot', () => `Bearer ${server.channel.token({ aud: 'another-app' })}`],
      ['a token for another serviceUrl', () => `Bearer ${server.channel.token({ serviceurl: 'https://elsewhere.example.org' })}`],
    ])('%s', async (_name, authorization) => {
      const conversation = conversationFor();
      const response = await postActivity(server, server.channel.activity({ conversation }), authorization());
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      expect(await messagesOf(conversation.id)).toHaveLength(0);
      expect(await server.context.prisma.channelIdentity.count({ where: { address: `directline/${conversation.id}` } })).toBe(0);
    });
  });

  it('processes a redelivered activity once', async () => {
    const conversation = conversationFor();
    const activity = server.channel.activity({ conversation, text: 'hello' });
    const token = `Bearer ${server.channel.token()}`;
    const statuses = await Promise.all([postActivity(server, activity, token), postActivity(server, activity, token)]);
    statuses.push(await postActivity(server, activity, token));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200]);
    await server.channels.turnRunner.idle();
    const messages = await messagesOf(conversation.id);
    expect(messages.filter((m) => m.direction === 'inbound')).toHaveLength(1);
    expect(messages.filter((m) => m.direction === 'outbound' && /automated assistant/.test(m.body))).toHaveLength(1);
    expect(repliesTo(conversation.id).filter((r) => /automated assistant/.test(r.activity.text ?? ''))).toHaveLength(1);
  });

  it('runs one conversation turn by turn with the same ComplaintsBot as the other channels', async () => {
    const conversation = conversationFor();
    const lines = ['hello', 'Nobody came to fix my boiler again, this is the third time, I am fed up', 'no'];
    for (const text of lines) expect((await postActivity(server, server.channel.activity({ conversation, text }), `Bearer ${server.channel.token()}`)).status).toBe(200);
    await server.channels.turnRunner.idle();
    const messages = await messagesOf(conversation.id);
    expect(messages.filter((m) => m.direction === 'inbound').map((m) => m.body)).toEqual(lines);
    const sent = repliesTo(conversation.id).map((r) => r.activity.text ?? '');
    expect(sent[0]).toMatch(/automated assistant/);
    expect(sent.some((text) => /formal complaint/.test(text))).toBe(true);
    expect(sent.at(-1)).toMatch(/won't log a complaint/);
    expect(messages.filter((m) => m.direction === 'outbound').map((m) => m.body)).toEqual(sent);
  });

  it('tells staff of the inbound message and the reply, and records a reply the connector refuses as failed', async () => {
    const staff = await connectStaffSocket(server);
    try {
      const messages: TConversationMessage[] = [];
      const deliveries: { messageId: string; deliveryStatus: string; reason?: string }[] = [];
      staff.on(CONVERSATION_MESSAGE_EVENT, ({ message }: { message: TConversationMessage }) => messages.push(message));
      staff.on('message.delivery', (payload: (typeof deliveries)[number]) => deliveries.push(payload));
      const conversation = conversationFor();
      server.channel.respondWith(403);
      expect((await postActivity(server, server.channel.activity({ conversation, text: 'hello' }), `Bearer ${server.channel.token()}`)).status).toBe(200);
      const inbound = await waitFor(() => messages.find((m) => m.direction === 'inbound' && m.channel === 'botframework' && m.body === 'hello'));
      const reply = await waitFor(() => messages.find((m) => m.conversationId === inbound.conversationId && m.direction === 'outbound'));
      expect(reply).toMatchObject({ author: 'bot', deliveryStatus: 'sending' });
      const failed = await waitFor(() => deliveries.find((d) => d.messageId === reply.id));
      expect(failed).toMatchObject({ deliveryStatus: 'failed', reason: 'Bot Connector HTTP 403 (BotNotInConversationRoster)' });
      const row = await server.context.prisma.message.findUniqueOrThrow({ where: { id: reply.id } });
      expect(row).toMatchObject({ deliveryStatus: 'failed', deliveryError: 'Bot Connector HTTP 403 (BotNotInConversationRoster)' });
    } finally {
      staff.close();
    }
  });

  it('sends a proactive message (a staff update) to the conversation the resident wrote from', async () => {
    const conversation = conversationFor();
    expect((await postActivity(server, server.channel.activity({ conversation, text: 'hello' }), `Bearer ${server.channel.token()}`)).status).toBe(200);
    await server.channels.turnRunner.idle();
    const [inbound] = await messagesOf(conversation.id);
    await server.channels.sendToConversation(inbound!.conversationId, 'Your repair is booked for Tuesday.');
    expect(repliesTo(conversation.id).at(-1)).toMatchObject({ activity: expect.objectContaining({ text: 'Your repair is booked for Tuesday.' }) });
    expect((await messagesOf(conversation.id)).at(-1)).toMatchObject({ body: 'Your repair is booked for Tuesday.', deliveryStatus: 'sent' });
  });

  it('acknowledges activities that carry nothing to store, and rejects a signed body that is not a message it can read', async () => {
    const conversation = conversationFor();
    const update = server.channel.activity({ conversation, type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'dl-user-1' }] });
    expect((await postActivity(server, update, `Bearer ${server.channel.token()}`)).status).toBe(200);
    const malformed = await postActivity(server, server.channel.activity({ conversation, from: undefined }), `Bearer ${server.channel.token()}`);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'INVALID_REQUEST', message: expect.stringContaining('from') } });
    expect(await messagesOf(conversation.id)).toHaveLength(0);
  });
});

describe('without MICROSOFT_APP_ID', () => {
  it('has no Bot Framework endpoint: 404', async () => {
    const plain = await startTestServer({ database: server.database });
    try {
      const response = await postActivity(plain, server.channel.activity(), `Bearer ${server.channel.token()}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: expect.stringContaining('MICROSOFT_APP_ID') } });
    } finally {
      await plain.stop();
    }
  });
});
