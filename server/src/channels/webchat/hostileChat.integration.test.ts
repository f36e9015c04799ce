// Hostile input on the resident web chat socket (issue 8, "Bad input and access"): every event
// a page can send, with every payload a script could send instead. A message is stored as typed
// (after the documented normalisation: trimmed, no U+0000, no unpaired surrogates) or refused
// with words a resident can act on; the socket and the process carry on; replay gives back
// exactly what was stored.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.ts';
import { HOSTILE_STRINGS, anyText, expectedStoredText } from '../../testing/hostileInput.ts';
import { WEB_CHAT_MAX_MESSAGE_LENGTH, type TWebChatSendAck } from '../../schemas/index.ts';
import { waitFor } from '../testing/twilioTestKit.ts';
import { webChatClient, type Resident } from './webChatTestKit.ts';

let server: TestServer;
let chat: ReturnType<typeof webChatClient>;
const log: string[] = [];
/** seq → the text the server said it stored. */
const accepted = new Map<number, string>();

// What a resident is told for each way a message can be refused (schemas/webChat.ts).
const REFUSALS = [
  'Please type a message before sending.',
  'Your message is too long. Please keep it under 2,000 characters, or send it in parts.',
  'Your message could not be sent. Please reload the page and try again.',
];

beforeAll(async () => {
  const logDestination = new Writable({
    write(chunk, _encoding, done) {
      log.push(String(chunk));
      done();
    },
  });
  server = await startTestServer({
    env: { LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    logDestination,
    // The limits have their own tests (webchatHardening); here they would only slow the fuzzing.
    channels: { webChatLimits: { newSessionsPerAddress: 10_000, messagesPerSession: 10_000, messageWindowSeconds: 60, newSessionWindowSeconds: 60 } },
  });
  chat = webChatClient(server);
});
afterAll(async () => {
  chat?.closeAll();
  await server?.stop();
});

/** What the page would show back: the stored text, in the resident's own replay. */
async function replayed(resident: Resident, seq: number) {
  const ack = await chat.replay(resident.socket, seq - 1);
  if (!ack.ok) throw new Error(ack.error);
  return ack.messages.find((message) => message.seq === seq);
}

async function send(resident: Resident, text: unknown): Promise<TWebChatSendAck> {
  const ack = await chat.send(resident.socket, { clientId: randomUUID(), text });
  if (ack.ok) accepted.set(ack.seq, String(text));
  return ack;
}

function expectedOutcome(text: string): { stored: string } | { refused: string } {
  const kept = expectedStoredText(text).trim();
  if (!kept) return { refused: REFUSALS[0]! };
  // Counted in code points, as zod (and a person) counts characters.
  if ([...kept].length > WEB_CHAT_MAX_MESSAGE_LENGTH) return { refused: REFUSALS[1]! };
  return { stored: kept };
}

describe('hostile message text', () => {
  let resident: Resident;
  beforeAll(async () => {
    resident = await chat.connect();
  });

  for (const [name, text] of Object.entries(HOSTILE_STRINGS)) {
    it(`${name}: stored as typed (after normalisation) and replayed so, or refused in plain words`, async () => {
      const ack = await send(resident, text);
      const expected = expectedOutcome(text);
      if ('refused' in expected) {
        expect(ack).toEqual({ ok: false, error: expected.refused });
        return;
      }
      expect(ack).toMatchObject({ ok: true, seq: expect.any(Number) });
      const seq = (ack as { seq: number }).seq;
      const stored = await server.context.prisma.message.findFirstOrThrow({ where: { seq: BigInt(seq) } });
      expect(stored.body).toBe(expected.stored);
      expect((await replayed(resident, seq))?.text).toBe(expected.stored);
    });
  }

  it('any text at all (fast-check): stored faithfully or refused with one of the plain messages', async () => {
    await fc.assert(
      fc.asyncProperty(anyText(2100), async (text) => {
        const ack = await send(resident, text);
        const expected = expectedOutcome(text);
        if ('refused' in expected) return void expect(ack).toEqual({ ok: false, error: expected.refused });
        expect(ack.ok).toBe(true);
        const stored = await server.context.prisma.message.findFirstOrThrow({ where: { seq: BigInt((ack as { seq: number }).seq) } });
        expect(stored.body).toBe(expected.stored);
      }),
      { numRuns: 80 },
    );
  });

  it('the same clientId with hostile text is stored once', async () => {
    const clientId = randomUUID();
    const first = await chat.send(resident.socket, { clientId, text: HOSTILE_STRINGS.html });
    const again = await chat.send(resident.socket, { clientId, text: HOSTILE_STRINGS.html });
    expect(first).toMatchObject({ ok: true });
    expect(again).toEqual(first);
    accepted.set((first as { seq: number }).seq, HOSTILE_STRINGS.html!);
    expect(await server.context.prisma.message.count({ where: { providerMessageId: { endsWith: clientId } } })).toBe(1);
  });
});

describe('hostile payloads on every event', () => {
  let resident: Resident;
  beforeAll(async () => {
    resident = await chat.connect();
  });

  const payloads: unknown[] = [
    undefined,
    null,
    0,
    -1,
    Number.MAX_SAFE_INTEGER,
    'text',
    true,
    [],
    ['a', 'b'],
    {},
    { clientId: 'not-a-uuid', text: 'hi' },
    { clientId: randomUUID() },
    { clientId: randomUUID(), text: 42 },
    { clientId: randomUUID(), text: ['array'] },
    { clientId: randomUUID(), text: { toString: 'x' } },
    { clientId: `${randomUUID()}\u0000`, text: 'hi' },
    { clientId: "' OR 1=1 --", text: 'hi' },
    { afterSeq: -1 },
    { afterSeq: 1.5 },
    { afterSeq: '99999999999999999999999' },
    { afterSeq: '1; DROP TABLE "Message"' },
    { afterSeq: 1e308 },
    { afterSeq: { $gt: 0 } },
    { typing: 'yes' },
    JSON.parse('{"__proto__":{"polluted":true},"clientId":"' + randomUUID() + '","text":"pollute"}'),
    JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
    // Deeper than this and socket.io-client itself overflows its stack; the raw-packet test below goes deeper.
    JSON.parse('['.repeat(500) + ']'.repeat(500)),
    Buffer.from('binary payload'),
  ];

  for (const event of ['message', 'replay'] as const) {
    it(`${event}: every hostile payload gets an ack saying what to do, and the socket stays`, async () => {
      for (const payload of payloads) {
        const ack = (await resident.socket.timeout(5000).emitWithAck(event, payload)) as { ok: boolean; error?: string; seq?: number };
        if (ack.ok) {
          // Only a real message (the prototype-pollution one) or a valid replay is accepted.
          if (event === 'message') accepted.set(ack.seq!, 'pollute');
          continue;
        }
        expect(typeof ack.error).toBe('string');
        expect(ack.error).not.toMatch(/wrong on our side/);
      }
      expect(resident.socket.connected).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('typing and unknown events with hostile payloads, with and without acks, change nothing', async () => {
    for (const payload of payloads) {
      resident.socket.emit('typing', payload);
      resident.socket.emit('typing', payload, () => undefined);
      resident.socket.emit('message', payload);
      resident.socket.emit('replay', payload);
      resident.socket.emit('no-such-event', payload);
      resident.socket.emit('__proto__', payload);
      resident.socket.emit('message', payload, 'extra', 'arguments');
    }
    const ack = await send(resident, 'still here');
    expect(ack.ok).toBe(true);
  });

  it('any payload at all (fast-check): an ack with ok or a plain error, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('message', 'replay'), fc.anything({ withNullPrototype: true, withBigInt: false, withTypedArray: true, maxDepth: 4 }), async (event, payload) => {
        const ack = (await resident.socket.timeout(5000).emitWithAck(event, payload)) as { ok: boolean; error?: string; seq?: number };
        if (ack.ok && event === 'message') accepted.set(ack.seq!, String((payload as { text?: unknown }).text));
        if (!ack.ok) expect(ack.error).not.toMatch(/wrong on our side/);
      }),
      { numRuns: 150 },
    );
    expect(resident.socket.connected).toBe(true);
  });

  it('a payload over the socket limit (1 MB) closes only that socket; the server and other residents carry on', async () => {
    const other = await chat.connect();
    const flooder = await chat.connect();
    const closed = new Promise<string>((resolve) => flooder.socket.once('disconnect', resolve));
    flooder.socket.emit('message', { clientId: randomUUID(), text: 'x'.repeat(2 * 1024 * 1024) });
    expect(await closed).toMatch(/transport close|transport error/);
    expect((await send(other, 'after the flood')).ok).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('garbage socket.io packets over long-polling get a 4xx or close the session; the server carries on', async () => {
    const poll = `${server.url}/socket.io/?EIO=4&transport=polling`;
    for (const body of ['40/chat,{"sessionId":{"$ne":null}}', '42/chat,["message",', '4\u0000\u0000', '9'.repeat(10_000), '42/chat,' + '['.repeat(10_000)]) {
      const handshake = await fetch(poll);
      const { sid } = JSON.parse((await handshake.text()).slice(1)) as { sid: string };
      const response = await fetch(`${poll}&sid=${sid}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
      expect(response.status).toBeLessThan(500);
    }
    // A well-formed packet nested 100,000 deep, straight to the /chat namespace: refused in words.
    const handshake = await fetch(poll);
    const { sid } = JSON.parse((await handshake.text()).slice(1)) as { sid: string };
    const session = `${poll}&sid=${sid}`;
    expect((await fetch(session, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '40/chat,{}' })).status).toBe(200);
    expect(await (await fetch(session)).text()).toMatch(/^40\/chat,/);
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect((await fetch(session, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: `42/chat,7["message",${deep}]` })).status).toBe(200);
    await waitFor(async () => {
      const answer = await (await fetch(session)).text();
      return answer.includes('43/chat,7') && answer.includes('"ok":false');
    });
    // An unknown transport or session id is refused in words.
    const unknown = await fetch(`${poll}&sid=not-a-session`);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toMatch(/Session ID unknown/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('hostile handshakes (the session key) get a fresh session of their own, never a crash', async () => {
    for (const sessionId of [null, 42, { $ne: null }, ['a'], 'short', 'x'.repeat(10_000), `${'a'.repeat(40)}\u0000`, "' OR 1=1 --".padEnd(20, 'x'), HOSTILE_STRINGS.html]) {
      const socket = io(`${server.url}/chat`, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth: { sessionId } });
      const session = await new Promise<{ resumed: boolean }>((resolve, reject) => {
        socket.once('session', resolve);
        socket.once('connect_error', reject);
      });
      expect(session.resumed).toBe(false);
      socket.close();
    }
  });
});

describe('afterwards', () => {
  it('nothing failed on our side, and every accepted message is stored and its turn ran', async () => {
    expect(log.join('')).not.toMatch(/web chat event failed|unhandled error|session could not be opened/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.channels.turnRunner.idle();
    const seqs = [...accepted.keys()].map(BigInt);
    await waitFor(async () => (await server.context.prisma.message.count({ where: { seq: { in: seqs }, processedAt: null } })) === 0, 60_000);
    const stored = await server.context.prisma.message.findMany({ where: { seq: { in: seqs } }, select: { seq: true, body: true, direction: true } });
    expect(stored).toHaveLength(accepted.size);
    expect(stored.every((message) => message.direction === 'inbound')).toBe(true);
  }, 120_000);
});
