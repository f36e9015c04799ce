// The socket access matrix (issue 8, "Bad input and access"): for each namespace, each event a
// client can send, and each kind of caller — every staff role, a revoked session, anonymous, and
// a resident's web chat session — allowed or refused, asserted. Then the one rule the web chat
// rests on: a resident's session can never read another conversation, however it asks.
//
// What a client can send: on the staff namespace ('/') nothing — staff act through the REST API
// and only listen here, so every event is ignored (no handler, no ack, no effect). On '/chat':
// message, replay and typing, for anyone (residents are anonymous), each bound to the socket's
// own session.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '@complaints/db';
import { startTestServer, type ApiClient, type TestServer } from '../testing/testServer.ts';
import { signedIn } from '../staff/staffTestKit.ts';
import { waitFor } from '../channels/testing/twilioTestKit.ts';
import { webChatClient, type Resident } from '../channels/webchat/webChatTestKit.ts';
import { CONVERSATION_MESSAGE_EVENT, CONVERSATION_TYPING_EVENT } from '../schemas/index.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';

const ROLES: StaffRole[] = ['agent', 'handler', 'reviewer', 'complaints_officer', 'admin'];
/** Events a client might try on the staff namespace: the /chat ones, staff event names, room-ish words. */
const STAFF_NAMESPACE_ATTEMPTS = ['message', 'replay', 'typing', CONVERSATION_MESSAGE_EVENT, 'complaint.created', 'join', 'subscribe', 'staff', 'ready'];

let server: TestServer;
let chat: ReturnType<typeof webChatClient>;
const sockets: Socket[] = [];
const clients = new Map<StaffRole, ApiClient>();

beforeAll(async () => {
  server = await startTestServer({ channels: { webChatLimits: { newSessionsPerAddress: 1000, messagesPerSession: 1000, newSessionWindowSeconds: 60, messageWindowSeconds: 60 } } });
  chat = webChatClient(server);
  for (const role of ROLES) clients.set(role, (await signedIn(server, [role])).client);
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  chat?.closeAll();
  await server?.stop();
});

/** A staff-namespace socket with these headers: resolves 'ready' (with the user) or the refusal. */
async function staffSocket(headers: Record<string, string> = {}, auth: Record<string, unknown> = {}) {
  const socket = io(server.url, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: headers, auth });
  sockets.push(socket);
  const events: [string, unknown][] = [];
  socket.onAny((event: string, payload: unknown) => events.push([event, payload]));
  const outcome = await new Promise<{ ready: { user: { id: string; roles: string[] } } } | { refused: string }>((resolve) => {
    socket.once('ready', (ready) => resolve({ ready }));
    socket.once('connect_error', (error) => resolve({ refused: error.message }));
  });
  return { socket, events, outcome };
}

const cookieFor = (role: StaffRole) => ({ cookie: clients.get(role)!.cookie! });

/** No handler answers: the ack never comes. */
async function expectNoAck(socket: Socket, event: string, payload: unknown) {
  await expect(socket.timeout(300).emitWithAck(event, payload)).rejects.toThrow(/timed out|timeout/i);
}

describe('staff namespace: who may connect', () => {
  for (const role of ROLES) {
    it(`${role}: allowed, and told who they are`, async () => {
      const { outcome } = await staffSocket(cookieFor(role));
      expect(outcome).toMatchObject({ ready: { user: { roles: [role] } } });
    });
  }

  // [who, their headers, whether they also offer a resident's session key in the handshake]
  const refused: [string, () => Promise<Record<string, string>> | Record<string, string>, boolean?][] = [
    ['anonymous (no cookie)', () => ({})],
    ['a made-up session cookie', () => ({ cookie: `${SESSION_COOKIE}=${randomBytes(32).toString('base64url')}` })],
    ['a session cookie with SQL in it', () => ({ cookie: `${SESSION_COOKIE}=' OR 1=1 --` })],
    [
      'a signed-out session',
      async () => {
        const { client } = await signedIn(server, ['admin']);
        const cookie = client.cookie!;
        expect((await client.post('/api/auth/logout')).status).toBe(204);
        return { cookie };
      },
    ],
    [
      'a deactivated person',
      async () => {
        const { client, staff } = await signedIn(server, ['agent']);
        expect((await clients.get('admin')!.post(`/api/staff/${staff.id}/deactivate`)).status).toBe(200);
        return { cookie: client.cookie! };
      },
    ],
    [
      "a resident's web chat session key as the cookie",
      async () => {
        const resident = await chat.connect();
        return { cookie: `${SESSION_COOKIE}=${resident.sessionId}` };
      },
    ],
    ["a resident's web chat session key in the handshake", () => ({}), true],
  ];
  for (const [who, headers, residentKeyInHandshake] of refused) {
    it(`${who}: refused`, async () => {
      const handshake = residentKeyInHandshake ? { sessionId: (await chat.connect()).sessionId } : {};
      const { outcome, events } = await staffSocket(await headers(), handshake);
      expect(outcome).toEqual({ refused: 'unauthorized' });
      expect(events).toEqual([]);
    });
  }

  it('a namespace that does not exist: refused', async () => {
    for (const namespace of ['/admin', '/staff', '/chat/../', '/%2e%2e']) {
      const socket = io(`${server.url}${namespace}`, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: cookieFor('admin') });
      sockets.push(socket);
      const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
      expect(error.message).toBe('Invalid namespace');
    }
  });
});

describe('staff namespace: what a client can send (nothing is handled)', () => {
  for (const role of ROLES) {
    it(`${role}: every event is ignored: no ack, nothing stored, nothing relayed to other staff`, async () => {
      const sender = await staffSocket(cookieFor(role));
      const listener = await staffSocket(cookieFor('admin'));
      const messages = await server.context.prisma.message.count();
      for (const event of STAFF_NAMESPACE_ATTEMPTS) {
        await expectNoAck(sender.socket, event, { clientId: randomUUID(), text: 'forged', afterSeq: 0, typing: true, conversationId: randomUUID() });
      }
      expect(await server.context.prisma.message.count()).toBe(messages);
      expect(listener.events.filter(([event]) => event !== 'ready')).toEqual([]);
      expect(sender.socket.connected).toBe(true);
    });
  }
});

describe('staff namespace: who hears staff events', () => {
  it('every role hears a resident’s web chat message; a resident’s own socket never hears staff events', async () => {
    const listeners = await Promise.all(ROLES.map(async (role) => [role, await staffSocket(cookieFor(role))] as const));
    const resident = await chat.connect();
    const ack = await chat.send(resident.socket, { clientId: randomUUID(), text: 'Is anyone there?' });
    expect(ack.ok).toBe(true);
    for (const [role, listener] of listeners) {
      await waitFor(() => listener.events.some(([event, payload]) => event === CONVERSATION_MESSAGE_EVENT && JSON.stringify(payload).includes('Is anyone there?')), 5000).catch(() => {
        throw new Error(`${role} did not hear the message`);
      });
    }
    await server.channels.turnRunner.idle();
    // Only its own session, its own messages and the typing indicator: nothing meant for staff.
    expect(new Set(resident.events.map(([event]) => event))).toEqual(new Set(['session', 'message', 'typing']));
  });
});

describe('/chat namespace: who may connect and send', () => {
  const callers: [string, () => Record<string, string>][] = [
    ['anonymous', () => ({})],
    ...ROLES.map((role): [string, () => Record<string, string>] => [`${role} (staff cookie)`, () => cookieFor(role)]),
  ];
  for (const [who, headers] of callers) {
    it(`${who}: gets a fresh resident session of its own; message, replay and typing are allowed on it only`, async () => {
      const resident = await chat.connect({ headers: headers() });
      expect(resident).toMatchObject({ resumed: false, expired: false });
      expect(await chat.send(resident.socket, { clientId: randomUUID(), text: `hello from ${who}` })).toMatchObject({ ok: true });
      resident.socket.emit('typing', { typing: true });
      const replay = await chat.replay(resident.socket, 0);
      expect(replay.ok).toBe(true);
      // A staff cookie buys nothing here: the replay is this new session's own chat and nothing else.
      const replayed = replay.ok ? replay.messages : [];
      expect(replayed.filter((m) => m.author === 'resident').map((m) => m.text)).toEqual([`hello from ${who}`]);
    });
  }
});

describe("a resident's web chat session never reads another conversation", () => {
  let alice: Resident;
  let bob: Resident;
  let aliceSeqs: number[];
  let aliceConversation: string;
  const aliceSecret = 'My tenancy reference is T100999 and my neighbour is threatening me';

  beforeAll(async () => {
    alice = await chat.connect();
    bob = await chat.connect();
    aliceSeqs = [];
    for (const text of [aliceSecret, 'Please call me on 07700 900123']) {
      const ack = await chat.send(alice.socket, { clientId: randomUUID(), text });
      if (!ack.ok) throw new Error(ack.error);
      aliceSeqs.push(ack.seq);
    }
    aliceConversation = (await server.context.prisma.message.findFirstOrThrow({ where: { seq: BigInt(aliceSeqs[0]!) } })).conversationId;
    await server.channels.turnRunner.idle();
  });

  const bobSees = async () => {
    const ack = await chat.replay(bob.socket, 0);
    if (!ack.ok) throw new Error(ack.error);
    return [...ack.messages.map((m) => m.text), ...bob.received.map((m) => m.text)];
  };
  const expectBobNeverSaw = async () => {
    const seen = await bobSees();
    expect(seen.some((text) => text.includes('T100999') || text.includes('07700 900123'))).toBe(false);
  };

  it("replaying from just before Alice's seq returns only Bob's own messages", async () => {
    for (const afterSeq of [0, aliceSeqs[0]! - 1, aliceSeqs[0]!, ...aliceSeqs.map((seq) => String(seq - 1))]) {
      const ack = await bob.socket.timeout(5000).emitWithAck('replay', { afterSeq });
      expect(ack.ok).toBe(true);
      expect(ack.messages.map((m: { seq: number }) => m.seq).filter((seq: number) => aliceSeqs.includes(seq))).toEqual([]);
    }
    await expectBobNeverSaw();
  });

  it("naming Alice's conversation, identity or session in a payload changes nothing", async () => {
    const alicesIdentity = await server.context.prisma.conversation.findUniqueOrThrow({ where: { id: aliceConversation }, select: { channelIdentityId: true } });
    const extra = { conversationId: aliceConversation, identityId: alicesIdentity.channelIdentityId, sessionId: alice.sessionId, room: `webchat:${alicesIdentity.channelIdentityId}` };
    const replay = await bob.socket.timeout(5000).emitWithAck('replay', { afterSeq: 0, ...extra });
    expect(replay.ok).toBe(true);
    const sent = await chat.send(bob.socket, { clientId: randomUUID(), text: 'Bob here', ...extra });
    expect(sent.ok).toBe(true);
    const stored = await server.context.prisma.message.findFirstOrThrow({ where: { seq: BigInt((sent as { seq: number }).seq) } });
    expect(stored.conversationId).not.toBe(aliceConversation);
    // Alice's conversation has exactly her two messages from her, nothing of Bob's.
    expect(await server.context.prisma.message.count({ where: { conversationId: aliceConversation, direction: 'inbound' } })).toBe(2);
    await expectBobNeverSaw();
  });

  it("re-using one of Alice's client ids stores Bob's message in Bob's chat and tells him nothing of hers", async () => {
    const aliceMessage = await server.context.prisma.message.findFirstOrThrow({ where: { seq: BigInt(aliceSeqs[0]!) } });
    const clientId = aliceMessage.providerMessageId!.split(':').pop()!;
    const sent = await chat.send(bob.socket, { clientId, text: 'same client id' });
    expect(sent).toMatchObject({ ok: true });
    expect((sent as { seq: number }).seq).not.toBe(aliceSeqs[0]);
    expect((await server.context.prisma.message.findFirstOrThrow({ where: { seq: BigInt((sent as { seq: number }).seq) } })).conversationId).not.toBe(aliceConversation);
    await expectBobNeverSaw();
  });

  it("presenting what is stored about Alice's session (its sha256, her identity id, her conversation id) opens a fresh session, never hers", async () => {
    const identity = await server.context.prisma.conversation.findUniqueOrThrow({ where: { id: aliceConversation }, select: { channelIdentity: { select: { id: true, address: true } } } });
    expect(identity.channelIdentity.address).toBe(createHash('sha256').update(alice.sessionId).digest('hex'));
    for (const sessionId of [identity.channelIdentity.address, identity.channelIdentity.id, aliceConversation, ` ${alice.sessionId}`, `${alice.sessionId} `, alice.sessionId.toUpperCase(), alice.sessionId.slice(0, -1)]) {
      const intruder = await chat.connect({ sessionId });
      expect(intruder.resumed).toBe(false);
      expect(intruder.sessionId).not.toBe(alice.sessionId);
      const replay = await chat.replay(intruder.socket, 0);
      expect(replay).toEqual({ ok: true, messages: [] });
    }
  });

  it('guessed session keys never resume anyone’s chat', async () => {
    for (let i = 0; i < 30; i++) {
      const guess = await chat.connect({ sessionId: randomBytes(32).toString('base64url') });
      expect(guess.resumed).toBe(false);
      expect(await chat.replay(guess.socket, 0)).toEqual({ ok: true, messages: [] });
    }
  });

  it("Alice's own key resumes her chat (the control: the key is what decides)", async () => {
    const back = await chat.connect({ sessionId: alice.sessionId });
    expect(back.resumed).toBe(true);
    const replay = await chat.replay(back.socket, 0);
    expect(replay.ok && replay.messages.map((m) => m.text)).toContain(aliceSecret);
  });

  it("staff replies and the staff typing indicator for Alice reach Alice's sockets only", async () => {
    const admin = clients.get('admin')!;
    expect((await admin.post(`/api/conversations/${aliceConversation}/claim`)).status).toBe(200);
    expect((await admin.post(`/api/conversations/${aliceConversation}/typing`, { typing: true })).status).toBe(204);
    expect((await admin.post(`/api/conversations/${aliceConversation}/messages`, { text: 'Hello Alice, about T100999' })).status).toBe(201);
    await waitFor(() => alice.received.some((m) => m.text === 'Hello Alice, about T100999'));
    expect(alice.events.some(([event, payload]) => event === 'typing' && (payload as { author: string }).author === 'staff')).toBe(true);
    expect(bob.events.some(([event, payload]) => event === 'typing' && (payload as { author: string }).author === 'staff')).toBe(false);
    await expectBobNeverSaw();
  });

  it("Bob's typing reaches staff for Bob's conversation, never as Alice's", async () => {
    const listener = await staffSocket(cookieFor('agent'));
    bob.socket.emit('typing', { typing: true, conversationId: aliceConversation });
    await waitFor(() => listener.events.some(([event]) => event === CONVERSATION_TYPING_EVENT));
    const typed = listener.events.filter(([event]) => event === CONVERSATION_TYPING_EVENT).map(([, payload]) => (payload as { conversationId: string }).conversationId);
    expect(typed).not.toContain(aliceConversation);
  });
});
