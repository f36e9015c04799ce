// The resident web chat over socket.io: sessions, storing before acknowledging, the bot's reply
// pushed live, idempotent resends, replay after a reconnect, and isolation between sessions.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { connectStaffSocket, startTestServer, type TestServer } from '../../testing/testServer.ts';
import { waitFor } from '../testing/twilioTestKit.ts';
import { CONVERSATION_MESSAGE_EVENT, ZConversationMessageSchema, type TConversationMessage } from '../../schemas/index.ts';
import { webChatClient } from './webChatTestKit.ts';

let server: TestServer;
let chat: ReturnType<typeof webChatClient>;
const sockets: Socket[] = [];
beforeAll(async () => {
  server = await startTestServer();
  chat = webChatClient(server);
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  chat?.closeAll();
  await server?.stop();
});

const connect = (sessionId?: string) => chat.connect({ sessionId });
const send = (socket: Socket, payload: unknown) => chat.send(socket, payload);
const replay = (socket: Socket, afterSeq: number) => chat.replay(socket, afterSeq);

const COMPLAINT = "I'm still waiting for the repair, third time, nobody came";

describe('resident web chat', () => {
  it('stores the message, acknowledges with its seq and pushes the bot reply (the complaint offer)', async () => {
    const resident = await connect();
    expect(resident.resumed).toBe(false);
    const clientId = randomUUID();
    const ack = await send(resident.socket, { clientId, text: `  ${COMPLAINT}  ` });
    expect(ack).toEqual({ ok: true, seq: expect.any(Number) });
    const stored = await server.context.prisma.message.findMany({ where: { providerMessageId: { endsWith: clientId } } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ channel: 'webchat', direction: 'inbound', author: 'resident', body: COMPLAINT });
    expect(Number(stored[0]!.seq)).toBe((ack as { seq: number }).seq);
    // Only the sha256 of the session secret is stored, never the secret.
    const conversation = await server.context.prisma.conversation.findUniqueOrThrow({ where: { id: stored[0]!.conversationId }, include: { channelIdentity: true } });
    expect(conversation.channelIdentity).toMatchObject({ channel: 'webchat', address: createHash('sha256').update(resident.sessionId).digest('hex') });

    const reply = await waitFor(() => resident.received.find((m) => m.author === 'bot' && /complaint/i.test(m.text)));
    expect(reply.seq).toBeGreaterThan((ack as { seq: number }).seq);
    const outbound = await server.context.prisma.message.findMany({ where: { conversationId: stored[0]!.conversationId, direction: 'outbound' } });
    expect(outbound.length).toBeGreaterThan(0);
    expect(outbound.every((m) => m.deliveryStatus === 'sent' && m.channel === 'webchat')).toBe(true);

    // A resend of the same client id (as after a reconnect) is stored once and acknowledged alike.
    await server.channels.turnRunner.idle();
    const again = await send(resident.socket, { clientId, text: COMPLAINT });
    expect(again).toEqual(ack);
    expect(await server.context.prisma.message.count({ where: { providerMessageId: { endsWith: clientId } } })).toBe(1);
  });

  it('replays the messages a resident missed after reconnecting with their session id', async () => {
    const first = await connect();
    const ack = (await send(first.socket, { clientId: randomUUID(), text: COMPLAINT })) as { ok: true; seq: number };
    first.socket.close();
    // The bot replies while the resident is offline.
    await server.channels.turnRunner.idle();

    const back = await connect(first.sessionId);
    expect(back).toMatchObject({ resumed: true, sessionId: first.sessionId });
    const missed = await replay(back.socket, ack.seq);
    if (!missed.ok) throw new Error(missed.error);
    expect(missed.messages.length).toBeGreaterThan(0);
    expect(missed.messages.every((m) => m.seq > ack.seq && m.author === 'bot')).toBe(true);
    expect(missed.messages.map((m) => m.seq)).toEqual([...missed.messages.map((m) => m.seq)].sort((a, b) => a - b));
    expect(missed.messages.some((m) => /complaint/i.test(m.text))).toBe(true);

    const everything = await replay(back.socket, 0);
    if (!everything.ok) throw new Error(everything.error);
    expect(everything.messages[0]).toMatchObject({ seq: ack.seq, author: 'resident', text: COMPLAINT });
  });

  it('never shows one session another session’s messages', async () => {
    const alice = await connect();
    const secret = 'my flat number is 12 and the boiler leaks';
    await send(alice.socket, { clientId: randomUUID(), text: secret });
    await server.channels.turnRunner.idle();

    const bob = await connect();
    expect(bob.sessionId).not.toBe(alice.sessionId);
    const bobClientId = randomUUID();
    await send(bob.socket, { clientId: bobClientId, text: 'hello' });
    await server.channels.turnRunner.idle();
    const seen = await replay(bob.socket, 0);
    if (!seen.ok) throw new Error(seen.error);
    expect(seen.messages.length).toBeGreaterThan(0);
    expect(seen.messages.some((m) => m.text === secret)).toBe(false);
    expect(seen.messages.find((m) => m.author === 'resident')?.text).toBe('hello');
    expect(bob.received.some((m) => m.text === secret)).toBe(false);
    expect(alice.received.some((m) => m.text === 'hello')).toBe(false);

    // An unknown session id does not resume anything: a fresh, empty session is issued.
    const stranger = await connect('x'.repeat(43));
    expect(stranger.resumed).toBe(false);
    expect(stranger.sessionId).not.toBe('x'.repeat(43));
    const none = await replay(stranger.socket, 0);
    expect(none).toEqual({ ok: true, messages: [] });
  });

  it('rejects an invalid message with something a person can act on, and stores nothing', async () => {
    const resident = await connect();
    const before = await server.context.prisma.message.count();
    const empty = await send(resident.socket, { clientId: randomUUID(), text: '   ' });
    expect(empty).toEqual({ ok: false, error: 'Please type a message before sending.' });
    const long = await send(resident.socket, { clientId: randomUUID(), text: 'a'.repeat(5000) });
    expect(long).toMatchObject({ ok: false, error: expect.stringMatching(/too long.*2,000 characters/) });
    const noId = await send(resident.socket, { text: 'hello' });
    expect(noId.ok).toBe(false);
    expect(await server.context.prisma.message.count()).toBe(before);
  });

  it('relays typing to staff without a body', async () => {
    const staff = await connectStaffSocket(server);
    sockets.push(staff);
    const typing: unknown[] = [];
    staff.on('conversation.typing', (payload: unknown) => typing.push(payload));

    const resident = await connect();
    await send(resident.socket, { clientId: randomUUID(), text: 'hello' });
    const conversationId = (await server.context.prisma.message.findFirstOrThrow({ where: { body: 'hello' }, orderBy: { seq: 'desc' } })).conversationId;
    resident.socket.emit('typing', { typing: 'yes', text: 'secret' }); // invalid: ignored
    resident.socket.emit('typing', { typing: true });
    const relayed = await waitFor(() => typing[0]);
    expect(relayed).toEqual({ conversationId, typing: true });
    expect(typing).toHaveLength(1);
  });
});

describe('staff see every stored message live', () => {
  it('publishes the resident message and the bot reply as conversation.message events, once each', async () => {
    const staff = await connectStaffSocket(server);
    sockets.push(staff);
    const events: { message: TConversationMessage }[] = [];
    staff.on(CONVERSATION_MESSAGE_EVENT, (payload: { message: TConversationMessage }) => events.push(payload));

    const resident = await connect();
    const clientId = randomUUID();
    const ack = (await send(resident.socket, { clientId, text: COMPLAINT })) as { ok: true; seq: number };
    const inbound = await waitFor(() => events.find((e) => e.message.seq === ack.seq)?.message);
    expect(ZConversationMessageSchema.parse(inbound)).toMatchObject({ channel: 'webchat', direction: 'inbound', author: 'resident', body: COMPLAINT, deliveryStatus: 'received', media: [] });
    const reply = await waitFor(() => events.find((e) => e.message.conversationId === inbound.conversationId && e.message.author === 'bot')?.message);
    expect(reply).toMatchObject({ direction: 'outbound', deliveryStatus: 'sent' });
    expect(reply.seq).toBeGreaterThan(inbound.seq);

    // A resend of the same client id is not news.
    await server.channels.turnRunner.idle();
    await send(resident.socket, { clientId, text: COMPLAINT });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.filter((e) => e.message.seq === ack.seq)).toHaveLength(1);
  });
});
