// The resident web chat over socket.io: the '/chat' namespace on the staff io server. Residents
// are anonymous, so the staff cookie middleware (default namespace only) does not apply here;
// instead each socket is bound in the handshake to ONE web chat session, and every handler reads
// and writes only that session's conversations — nothing a client sends names a conversation.
//
// A session is a random secret the server issues; only its sha256 is stored (as the webchat
// ChannelIdentity's address), so a database leak does not let anyone resume a resident's chat.
import { createHash, randomBytes } from 'node:crypto';
import type { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import type { PrismaClient } from '@complaints/db';
import type { WebChatDelivery } from '@complaints/bot';
import type { Logger } from '../../config/logger.ts';
import type { Broadcaster } from '../../realtime/broadcaster.ts';
import { publishConversationMessage } from '../../conversations/messageEvents.ts';
import { acceptInboundMessage } from '../inbound/acceptInboundMessage.ts';

export const WEB_CHAT_NAMESPACE = '/chat';
export const REPLAY_LIMIT = 200;

interface WebChatSession {
  identityId: string;
  address: string;
}

/** What a resident's client receives for each message (both directions) live and on replay. */
export interface WebChatMessage {
  seq: number;
  author: string;
  text: string;
  createdAt: string;
}

type Ack = (response: Record<string, unknown>) => void;

// The socket room of one session: bot and staff replies to its conversations go only here.
const sessionRoom = (identityId: string) => `webchat:${identityId}`;
const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

const sessionIdSchema = z.string().min(16).max(128);

const messageSchema = z.object({
  clientId: z.uuid({ error: 'Your message could not be sent. Please reload the page and try again.' }),
  text: z
    .string({ error: 'Please type a message before sending.' })
    .trim()
    .min(1, { error: 'Please type a message before sending.' })
    .max(2000, { error: 'Your message is too long. Please keep it under 2,000 characters, or send it in parts.' }),
});
const replaySchema = z.object({
  afterSeq: z.union([z.number().int().min(0), z.string().regex(/^\d{1,18}$/).transform(Number)]),
});
const typingSchema = z.object({ typing: z.boolean() });

export interface WebChatDeps {
  prisma: PrismaClient;
  broadcaster: Broadcaster;
  logger: Logger;
  now: () => Date;
  /** Runs the bot for the conversation's stored inbound messages (the turn runner). */
  schedule: (conversationId: string) => void;
}

function toWire(message: { seq: bigint; author: string; body: string; createdAt: Date }): WebChatMessage {
  // seq is a bigint in the database; as a JSON number it stays exact up to 2^53.
  return { seq: Number(message.seq), author: message.author, text: message.body, createdAt: message.createdAt.toISOString() };
}

/** The adapter's push: a stored outbound message to the socket room of its session. */
export function createWebChatPush(namespace: Namespace, prisma: PrismaClient) {
  return async ({ messageId }: WebChatDelivery): Promise<void> => {
    const message = await prisma.message.findUnique({
      where: { id: messageId },
      select: { seq: true, author: true, body: true, createdAt: true, conversation: { select: { channelIdentityId: true } } },
    });
    if (message) namespace.to(sessionRoom(message.conversation.channelIdentityId)).emit('message', toWire(message));
  };
}

export function registerWebChatNamespace(namespace: Namespace, deps: WebChatDeps): void {
  const { prisma } = deps;

  // Resolved before 'connect' reaches the client, so a message sent at once already has a session.
  namespace.use(async (socket, next) => {
    try {
      const offered = sessionIdSchema.safeParse((socket.handshake.auth as { sessionId?: unknown } | undefined)?.sessionId);
      const known = offered.success
        ? await prisma.channelIdentity.findUnique({
            where: { channel_address: { channel: 'webchat', address: hashSecret(offered.data) } },
            select: { id: true, address: true },
          })
        : null;
      if (known) {
        socket.data.webchat = { identityId: known.id, address: known.address } satisfies WebChatSession;
        socket.data.sessionId = offered.data;
        socket.data.resumed = true;
      } else {
        // Absent or unknown (expired, or guessed): a fresh session, never someone else's.
        const sessionId = randomBytes(32).toString('base64url');
        const address = hashSecret(sessionId);
        const identity = await prisma.channelIdentity.create({ data: { channel: 'webchat', address }, select: { id: true } });
        socket.data.webchat = { identityId: identity.id, address } satisfies WebChatSession;
        socket.data.sessionId = sessionId;
        socket.data.resumed = false;
      }
      next();
    } catch (error) {
      deps.logger.error({ err: error }, 'web chat session could not be opened');
      next(new Error('The chat is unavailable just now. Please try again in a minute.'));
    }
  });

  namespace.on('connection', (socket: Socket) => {
    const session = socket.data.webchat as WebChatSession;
    void socket.join(sessionRoom(session.identityId));
    socket.emit('session', { sessionId: socket.data.sessionId as string, resumed: socket.data.resumed as boolean });
    // The secret is only needed for that one emit; do not keep it on the socket.
    delete socket.data.sessionId;

    socket.on('message', (payload: unknown, ack?: Ack) => {
      void handle(ack, async () => {
        const parsed = messageSchema.safeParse(payload);
        if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Your message could not be sent.' };
        const accepted = await acceptInboundMessage(prisma, {
          channel: 'webchat',
          address: session.address,
          // Scoped to the session: the unique column is shared by all sessions and channels, and
          // another session re-using a client id must neither collide with nor reveal this one.
          providerMessageId: `webchat:${session.identityId}:${parsed.data.clientId}`,
          body: parsed.data.text,
          media: [],
          receivedAt: deps.now(),
        });
        if (accepted.stored) publishConversationMessage(deps.broadcaster, accepted.stored);
        // Also on a resend: harmless (turns skip processed rows) and retries a failed schedule.
        deps.schedule(accepted.conversationId);
        return { ok: true, seq: Number(accepted.seq) };
      });
    });

    socket.on('replay', (payload: unknown, ack?: Ack) => {
      void handle(ack, async () => {
        const parsed = replaySchema.safeParse(payload);
        if (!parsed.success) return { ok: false, error: 'Could not load earlier messages. Please reload the page.' };
        const messages = await prisma.message.findMany({
          where: { conversation: { channelIdentityId: session.identityId }, seq: { gt: BigInt(parsed.data.afterSeq) } },
          orderBy: { seq: 'asc' },
          take: REPLAY_LIMIT,
          select: { seq: true, author: true, body: true, createdAt: true },
        });
        return { ok: true, messages: messages.map(toWire) };
      });
    });

    socket.on('typing', (payload: unknown) => {
      const parsed = typingSchema.safeParse(payload);
      if (!parsed.success) return;
      void prisma.conversation
        .findFirst({
          where: { channelIdentityId: session.identityId, state: { not: 'closed' } },
          orderBy: { createdAt: 'desc' },
          select: { id: true },
        })
        .then((conversation) => {
          // Staff see that someone is typing, never what: no body leaves the resident's socket.
          if (conversation) deps.broadcaster.toStaff({ type: 'conversation.typing', payload: { conversationId: conversation.id, typing: parsed.data.typing } });
        })
        .catch((error: unknown) => deps.logger.warn({ err: error }, 'web chat typing not relayed'));
    });
  });

  async function handle(ack: Ack | undefined, run: () => Promise<Record<string, unknown>>): Promise<void> {
    let response: Record<string, unknown>;
    try {
      response = await run();
    } catch (error) {
      deps.logger.error({ err: error }, 'web chat event failed');
      response = { ok: false, error: 'Something went wrong on our side. Please try again in a minute.' };
    }
    if (typeof ack === 'function') ack(response);
  }
}
