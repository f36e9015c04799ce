// The resident web chat over socket.io: the '/chat' namespace on the staff io server. Residents
// are anonymous, so the staff cookie middleware (default namespace only) does not apply here;
// instead each socket is bound in the handshake to ONE web chat session, and every handler reads
// and writes only that session's conversations — nothing a client sends names a conversation.
//
// A session is a random secret the server issues; only its sha256 is stored (as the webchat
// ChannelIdentity's address), so a database leak does not let anyone resume a resident's chat.
// Opening sessions and sending messages are rate limited (webChatLimits.ts); a session idle for
// longer than WEBCHAT_SESSION_DAYS is not resumed (sessionExpiry.ts).
import { createHash, randomBytes } from 'node:crypto';
import type { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import type { PrismaClient } from '@complaints/db';
import type { WebChatDelivery } from '@complaints/bot';
import type { Logger } from '../../config/logger.ts';
import type { Broadcaster } from '../../realtime/broadcaster.ts';
import {
  ZWebChatReplaySchema,
  ZWebChatResidentTypingSchema,
  ZWebChatSendSchema,
  type TWebChatMessage,
  type TWebChatSession,
  type TWebChatTyping,
} from '../../schemas/index.ts';
import { publishConversationMessage } from '../../conversations/messageEvents.ts';
import { acceptInboundMessage } from '../inbound/acceptInboundMessage.ts';
import { isWebChatSessionExpired } from './sessionExpiry.ts';
import { clientAddress, MESSAGE_LIMIT_MESSAGE, NEW_SESSION_LIMIT_MESSAGE, type WebChatLimits } from './webChatLimits.ts';

export const WEB_CHAT_NAMESPACE = '/chat';
export const REPLAY_LIMIT = 200;

interface WebChatSession {
  identityId: string;
  address: string;
}

/** What a resident's client receives for each message (both directions) live and on replay. */
export type WebChatMessage = TWebChatMessage;

type Ack = (response: Record<string, unknown>) => void;

// The socket room of one session: bot and staff replies to its conversations go only here.
const sessionRoom = (identityId: string) => `webchat:${identityId}`;
const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

const sessionIdSchema = z.string().min(16).max(128);

export interface WebChatDeps {
  prisma: PrismaClient;
  broadcaster: Broadcaster;
  logger: Logger;
  now: () => Date;
  /** Runs the bot for the conversation's stored inbound messages (the turn runner). */
  schedule: (conversationId: string) => void;
  limits: WebChatLimits;
  /** Sessions idle longer than this are not resumed (WEBCHAT_SESSION_DAYS). */
  sessionDays: number;
  /** TRUST_PROXY: take the resident's address from X-Forwarded-For. */
  trustProxy: boolean;
}

function toWire(message: { seq: bigint; author: TWebChatMessage['author']; body: string; createdAt: Date }): WebChatMessage {
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

/**
 * Shows the resident of a web chat conversation that someone is writing to them: the bot while
 * its turn runs, or (for staff live chat) a member of staff. Does nothing for other channels;
 * never throws (an indicator is not worth failing a turn or a staff action for).
 */
export type ResidentTyping = (conversationId: string, typing: boolean, author: TWebChatTyping['author']) => Promise<void>;

export function createResidentTyping(namespace: Namespace, prisma: PrismaClient, logger: Logger): ResidentTyping {
  return async (conversationId, typing, author) => {
    try {
      const conversation = await prisma.conversation.findUnique({ where: { id: conversationId }, select: { channel: true, channelIdentityId: true } });
      if (conversation?.channel !== 'webchat') return;
      namespace.to(sessionRoom(conversation.channelIdentityId)).emit('typing', { typing, author } satisfies TWebChatTyping);
    } catch (error) {
      logger.warn({ err: error, conversationId }, 'web chat typing indicator not sent');
    }
  };
}

export function registerWebChatNamespace(namespace: Namespace, deps: WebChatDeps): void {
  const { prisma } = deps;

  // Resolved before 'connect' reaches the client, so a message sent at once already has a session.
  namespace.use(async (socket, next) => {
    try {
      const offered = sessionIdSchema.safeParse((socket.handshake.auth as { sessionId?: unknown } | undefined)?.sessionId);
      const known = offered.success ? await findSession(offered.data) : undefined;
      if (known && !known.expired) {
        socket.data.webchat = { identityId: known.identityId, address: known.address } satisfies WebChatSession;
        socket.data.session = { sessionId: offered.data as string, resumed: true, expired: false } satisfies TWebChatSession;
        return next();
      }
      // Absent, unknown (guessed) or expired: a fresh session, never someone else's. Only these are
      // limited: a resident coming back to their own chat is never turned away.
      const limit = await deps.limits.openSession(clientAddress(socket.request, deps.trustProxy));
      if (!limit.allowed) {
        return next(Object.assign(new Error(NEW_SESSION_LIMIT_MESSAGE), { data: { retryAfterMs: limit.retryAfterMs } }));
      }
      const sessionId = randomBytes(32).toString('base64url');
      const address = hashSecret(sessionId);
      const identity = await prisma.channelIdentity.create({ data: { channel: 'webchat', address }, select: { id: true } });
      socket.data.webchat = { identityId: identity.id, address } satisfies WebChatSession;
      socket.data.session = { sessionId, resumed: false, expired: Boolean(known?.expired) } satisfies TWebChatSession;
      next();
    } catch (error) {
      deps.logger.error({ err: error }, 'web chat session could not be opened');
      next(new Error('The chat is unavailable just now. Please try again in a minute.'));
    }
  });

  async function findSession(secret: string) {
    const identity = await prisma.channelIdentity.findUnique({
      where: { channel_address: { channel: 'webchat', address: hashSecret(secret) } },
      select: { id: true, address: true, createdAt: true },
    });
    if (!identity) return undefined;
    const latest = await prisma.message.findFirst({
      where: { conversation: { channelIdentityId: identity.id } },
      orderBy: { seq: 'desc' },
      select: { createdAt: true },
    });
    // The old conversation is left as it is: staff still see it; only this secret stops working.
    const expired = isWebChatSessionExpired(latest?.createdAt ?? identity.createdAt, deps.now(), deps.sessionDays);
    return { identityId: identity.id, address: identity.address, expired };
  }

  namespace.on('connection', (socket: Socket) => {
    const session = socket.data.webchat as WebChatSession;
    void socket.join(sessionRoom(session.identityId));
    socket.emit('session', socket.data.session as TWebChatSession);
    // The secret is only needed for that one emit; do not keep it on the socket.
    delete socket.data.session;

    socket.on('message', (payload: unknown, ack?: Ack) => {
      void handle(ack, async () => {
        const parsed = ZWebChatSendSchema.safeParse(payload);
        if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Your message could not be sent.' };
        const limit = await deps.limits.sendMessage(session.identityId);
        // Not stored: the page keeps the message and resends it with the same clientId later.
        if (!limit.allowed) return { ok: false, error: MESSAGE_LIMIT_MESSAGE, retryAfterMs: limit.retryAfterMs };
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
        const parsed = ZWebChatReplaySchema.safeParse(payload);
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
      const parsed = ZWebChatResidentTypingSchema.safeParse(payload);
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
