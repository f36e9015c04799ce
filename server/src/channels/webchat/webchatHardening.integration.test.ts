// Anonymous web chat sessions under pressure and over time: rate limits on opening sessions
// (per network address) and on messages (per session), session expiry, and the typing
// indicator the resident sees while the bot's turn runs or a member of staff writes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestServerOptions } from '../../testing/testServer.ts';
import { waitFor } from '../testing/twilioTestKit.ts';
import { MESSAGE_LIMIT_MESSAGE, NEW_SESSION_LIMIT_MESSAGE } from './webChatLimits.ts';
import { webChatClient, WebChatSessionRefused } from './webChatTestKit.ts';

const COMPLAINT = "I'm still waiting for the repair, third time, nobody came";
const DAY = 24 * 60 * 60 * 1000;

/** A server of its own for one describe block, with a resident client. */
function serverFor(options: TestServerOptions = {}) {
  const running = {} as { server: TestServer; chat: ReturnType<typeof webChatClient> };
  beforeAll(async () => {
    running.server = await startTestServer(options);
    running.chat = webChatClient(running.server);
  });
  afterAll(async () => {
    running.chat?.closeAll();
    await running.server?.stop();
  });
  return running;
}

describe('rate limits', () => {
  // Behind a proxy (TRUST_PROXY): the resident's address is the X-Forwarded-For one.
  const running = serverFor({
    env: { TRUST_PROXY: 'true' },
    channels: { webChatLimits: { newSessionsPerAddress: 3, messagesPerSession: 3, messageWindowSeconds: 2 } },
  });

  const from = (address: string) => ({ 'x-forwarded-for': `${address}, 10.0.0.1` });

  it('limits new sessions per network address, never a resident resuming their own', async () => {
    const { server, chat } = running;
    const opened = [];
    for (let i = 0; i < 3; i++) opened.push(await chat.connect({ headers: from('198.51.100.7') }));
    const identities = await server.context.prisma.channelIdentity.count({ where: { channel: 'webchat' } });

    const refused = await chat.connect({ headers: from('198.51.100.7') }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WebChatSessionRefused);
    expect((refused as WebChatSessionRefused).message).toBe(NEW_SESSION_LIMIT_MESSAGE);
    expect((refused as WebChatSessionRefused).data).toEqual({ retryAfterMs: expect.any(Number) });
    expect(((refused as WebChatSessionRefused).data as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(60_000);
    // An unknown secret is a new session too: refused alike.
    await expect(chat.connect({ sessionId: 'z'.repeat(43), headers: from('198.51.100.7') })).rejects.toThrow(NEW_SESSION_LIMIT_MESSAGE);
    expect(await server.context.prisma.channelIdentity.count({ where: { channel: 'webchat' } })).toBe(identities);

    const back = await chat.connect({ sessionId: opened[0]!.sessionId, headers: from('198.51.100.7') });
    expect(back.resumed).toBe(true);
    // Another address is counted on its own.
    expect((await chat.connect({ headers: from('203.0.113.9') })).resumed).toBe(false);
  });

  it('limits messages per session with a plain message; the refused message is not stored and goes through later', async () => {
    const { server, chat } = running;
    const resident = await chat.connect({ headers: from('192.0.2.44') });
    const clientId = randomUUID();
    // Sent together, so all four fall in one window however slow the machine; handled in order.
    const acks = await Promise.all([1, 2, 3].map((i) => chat.send(resident.socket, { clientId: randomUUID(), text: `message ${i}` })).concat(chat.send(resident.socket, { clientId, text: 'message 4' })));
    expect(acks.slice(0, 3).every((ack) => ack.ok)).toBe(true);
    const refused = acks[3]!;
    expect(refused).toEqual({ ok: false, error: MESSAGE_LIMIT_MESSAGE, retryAfterMs: expect.any(Number) });
    expect(await server.context.prisma.message.count({ where: { providerMessageId: { endsWith: clientId } } })).toBe(0);

    // Another session is not slowed by this one.
    const other = await chat.connect({ headers: from('192.0.2.44') });
    expect(await chat.send(other.socket, { clientId: randomUUID(), text: 'hello' })).toMatchObject({ ok: true });

    await new Promise((resolve) => setTimeout(resolve, (refused as { retryAfterMs: number }).retryAfterMs + 100));
    expect(await chat.send(resident.socket, { clientId, text: 'message 4' })).toMatchObject({ ok: true });
    expect(await server.context.prisma.message.count({ where: { providerMessageId: { endsWith: clientId } } })).toBe(1);
  });
});

describe('session expiry (WEBCHAT_SESSION_DAYS)', () => {
  let now = new Date('2026-03-02T10:00:00Z');
  const running = serverFor({ env: { WEBCHAT_SESSION_DAYS: '30' }, now: () => now });

  it('resumes a session idle for up to the period; after it, issues a fresh one and leaves the old conversation for staff', async () => {
    const { server, chat } = running;
    const first = await chat.connect();
    expect(await chat.send(first.socket, { clientId: randomUUID(), text: COMPLAINT })).toMatchObject({ ok: true });
    await server.channels.turnRunner.idle();
    first.socket.close();
    const conversation = await server.context.prisma.conversation.findFirstOrThrow({ where: { messages: { some: { body: COMPLAINT } } }, include: { _count: { select: { messages: true } } } });

    now = new Date(now.getTime() + 29 * DAY);
    const within = await chat.connect({ sessionId: first.sessionId });
    expect(within).toMatchObject({ resumed: true, expired: false, sessionId: first.sessionId });
    within.socket.close();

    // Connecting without writing is not activity: 31 days after the last message, it has expired.
    now = new Date(now.getTime() + 2 * DAY);
    const after = await chat.connect({ sessionId: first.sessionId });
    expect(after).toMatchObject({ resumed: false, expired: true });
    expect(after.sessionId).not.toBe(first.sessionId);
    expect(await chat.replay(after.socket, 0)).toEqual({ ok: true, messages: [] });

    const kept = await server.context.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id }, include: { _count: { select: { messages: true } } } });
    expect(kept._count.messages).toBe(conversation._count.messages);
    expect(kept.state).toBe(conversation.state);

    // The fresh session works and starts its own conversation.
    expect(await chat.send(after.socket, { clientId: randomUUID(), text: 'hello' })).toMatchObject({ ok: true });
    const fresh = await server.context.prisma.message.findFirstOrThrow({ where: { body: 'hello' } });
    expect(fresh.conversationId).not.toBe(conversation.id);
  });
});

describe('typing shown to the resident', () => {
  const running = serverFor();

  it('shows the bot typing while its turn runs: typing on, its replies, typing off', async () => {
    const { server, chat } = running;
    const resident = await chat.connect();
    await chat.send(resident.socket, { clientId: randomUUID(), text: COMPLAINT });
    await server.channels.turnRunner.idle();
    await waitFor(() => resident.events.some(([event, payload]) => event === 'typing' && !(payload as { typing: boolean }).typing));
    const names = resident.events.map(([event, payload]) => (event === 'typing' ? `typing:${(payload as { typing: boolean }).typing}` : event));
    expect(names[0]).toBe('session');
    expect(names[1]).toBe('typing:true');
    expect(names.at(-1)).toBe('typing:false');
    expect(names.slice(2, -1).length).toBeGreaterThan(0);
    expect(names.slice(2, -1).every((name) => name === 'message')).toBe(true);
    expect(resident.events.find(([event]) => event === 'typing')?.[1]).toEqual({ typing: true, author: 'bot' });
  });

  it('lets staff live chat show "typing" to that resident only', async () => {
    const { server, chat } = running;
    const resident = await chat.connect();
    const bystander = await chat.connect();
    await chat.send(resident.socket, { clientId: randomUUID(), text: 'hello' });
    await chat.send(bystander.socket, { clientId: randomUUID(), text: 'hello too' });
    await server.channels.turnRunner.idle();
    const { conversationId } = await server.context.prisma.message.findFirstOrThrow({ where: { body: 'hello' } });
    const before = bystander.events.length;

    await server.channels.showTypingToResident(conversationId, true);
    await waitFor(() => resident.events.find(([event, payload]) => event === 'typing' && (payload as { author: string }).author === 'staff'));
    await server.channels.showTypingToResident(conversationId, false);
    const staffTyping = await waitFor(() => {
      const seen = resident.events.filter(([event, payload]) => event === 'typing' && (payload as { author: string }).author === 'staff');
      return seen.length === 2 && seen.map(([, payload]) => payload);
    });
    expect(staffTyping).toEqual([
      { typing: true, author: 'staff' },
      { typing: false, author: 'staff' },
    ]);
    expect(bystander.events.length).toBe(before);
    // Not a web chat conversation (or none at all): nothing to show, nothing thrown.
    await expect(server.channels.showTypingToResident(randomUUID(), true)).resolves.toBeUndefined();
  });
});
