// Step 1 of every inbound message: store it before anything else happens, so a crash after the
// provider got its 200 cannot lose it (Message.processedAt stays null until the turn has run).
// The provider's id is unique: a redelivered webhook finds the stored row and changes nothing.
//
// Nearly every message joins a conversation that is already open; that case is one SQL
// statement (one round trip, one commit), which is what keeps acknowledgements fast in a storm.
// The rest — a new number, a closed conversation, photos — take the transaction below.
import { randomUUID } from 'node:crypto';
import type { PrismaClient, SqlQuery } from '@complaints/db';
import { createTurnSerialiser } from '@complaints/bot';
import { Prisma } from '@complaints/db';
import { CONVERSATION_MESSAGE_SELECT } from '../../conversations/messageEvents.ts';

export interface InboundInput {
  channel: 'sms' | 'whatsapp' | 'webchat';
  /** E.164, without any whatsapp: prefix; for web chat the hash of the session secret. */
  address: string;
  providerMessageId: string;
  body: string;
  media: { url: string; contentType: string }[];
  receivedAt: Date;
}

export interface AcceptedInbound {
  duplicate: boolean;
  messageId: string;
  conversationId: string;
  seq: bigint;
  /** The stored row, for the staff event; absent on a redelivery (staff were told the first time). */
  stored?: Prisma.MessageGetPayload<{ select: typeof CONVERSATION_MESSAGE_SELECT }>;
}

// A burst from a number with no open conversation (its first messages, sent at once) queues here
// rather than in database lock waits that each hold one of the pool's connections; after the
// first has opened the conversation, the rest take the one-statement path.
const slowPathPerAddress = createTurnSerialiser();
const SLOW_PATH_TRANSACTION = { maxWait: 10_000, timeout: 10_000 };

export interface AcceptOptions {
  /**
   * The database driver without Prisma (Database.query), for the one-statement path: Prisma's
   * query compiler costs more CPU than the statement. Without it the statement goes via Prisma.
   */
  query?: SqlQuery;
  retried?: boolean;
}

export async function acceptInboundMessage(prisma: PrismaClient, input: InboundInput, options: AcceptOptions = {}): Promise<AcceptedInbound> {
  const query: SqlQuery = options.query ?? (<Row>(text: string, params: unknown[]) => prisma.$queryRawUnsafe<Row[]>(text, ...params));
  try {
    const appended = await appendWhenOpen(query, input);
    if (appended) return appended;
    return await slowPathPerAddress.run(`${input.channel}:${input.address}`, async () => (await appendWhenOpen(query, input)) ?? (await storeInTransaction(prisma, input)));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A redelivery (or two deliveries racing): the first one stored it.
    const existing = await prisma.message.findUnique({
      where: { providerMessageId: input.providerMessageId },
      select: { id: true, conversationId: true, seq: true },
    });
    // Otherwise two first messages from a new number raced to create its identity: once more.
    if (!existing) {
      if (options.retried) throw error;
      return acceptInboundMessage(prisma, input, { ...options, retried: true });
    }
    return { duplicate: true, messageId: existing.id, conversationId: existing.conversationId, seq: existing.seq };
  }
}

async function appendWhenOpen(query: SqlQuery, input: InboundInput): Promise<AcceptedInbound | undefined> {
  const appended = input.media.length === 0 ? await appendToOpenConversation(query, input) : undefined;
  return appended && { duplicate: false, messageId: appended.id, conversationId: appended.conversationId, seq: appended.seq, stored: appended };
}

/** Any case: creates the identity and the conversation when needed; stores photos. */
function storeInTransaction(prisma: PrismaClient, input: InboundInput): Promise<AcceptedInbound> {
  return prisma.$transaction(async (tx) => {
    const identity = await tx.channelIdentity.upsert({
      where: { channel_address: { channel: input.channel, address: input.address } },
      create: { channel: input.channel, address: input.address, lastInboundAt: input.receivedAt },
      // The resident's own message reopens WhatsApp's 24-hour window.
      update: { lastInboundAt: input.receivedAt },
    });
    const open = await tx.conversation.findFirst({
      where: { channelIdentityId: identity.id, state: { not: 'closed' } },
      orderBy: { createdAt: 'desc' },
      select: { id: true },
    });
    const conversation =
      open ??
      (await tx.conversation.create({
        data: { channel: input.channel, channelIdentityId: identity.id, residentId: identity.residentId },
        select: { id: true },
      }));
    await tx.conversation.update({ where: { id: conversation.id }, data: { lastMessageAt: input.receivedAt } });
    const message = await tx.message.create({
      data: {
        conversationId: conversation.id,
        channel: input.channel,
        direction: 'inbound',
        author: 'resident',
        providerMessageId: input.providerMessageId,
        body: input.body,
        deliveryStatus: 'received',
        deliveryStatusAt: input.receivedAt,
        createdAt: input.receivedAt,
        media: { create: input.media.map((m) => ({ url: m.url, contentType: m.contentType })) },
      },
      select: CONVERSATION_MESSAGE_SELECT,
    });
    return { duplicate: false, messageId: message.id, conversationId: conversation.id, seq: message.seq, stored: message };
  }, SLOW_PATH_TRANSACTION);
}

type StoredInbound = NonNullable<AcceptedInbound['stored']>;

/**
 * The message appended to the identity's open conversation in one statement, or undefined when
 * there is none (nothing is changed then). Locks are taken in the transaction's order — the
 * identity row, then the conversation row — so messages from one number are stored one after
 * another (seq in commit order, as the turn runner needs) and the two paths cannot deadlock.
 * A conversation closed meanwhile fails the re-checked `state` condition: no row, slow path.
 */
async function appendToOpenConversation(query: SqlQuery, input: InboundInput): Promise<StoredInbound | undefined> {
  const [row] = await query<Omit<StoredInbound, 'media' | 'seq'> & { seq: bigint | string }>(APPEND_TO_OPEN_CONVERSATION, [
    input.receivedAt,
    input.channel,
    input.address,
    new Date(),
    randomUUID(),
    input.providerMessageId,
    input.body,
  ]);
  // node-postgres gives int8 as a string, PGlite and Prisma as a bigint.
  return row ? { ...row, seq: BigInt(row.seq), media: [] } : undefined;
}

// $1 receivedAt, $2 channel, $3 address, $4 now, $5 new message id, $6 provider id, $7 body.
const APPEND_TO_OPEN_CONVERSATION = `
  WITH identity AS (
    UPDATE "ChannelIdentity" SET "lastInboundAt" = $1
    WHERE "channel" = $2::"Channel" AND "address" = $3
    RETURNING "id"
  ), conversation AS (
    UPDATE "Conversation" SET "lastMessageAt" = $1, "updatedAt" = $4
    WHERE "state" <> 'closed' AND "id" = (
      SELECT c."id" FROM "Conversation" c JOIN identity ON c."channelIdentityId" = identity."id"
      WHERE c."state" <> 'closed' ORDER BY c."createdAt" DESC LIMIT 1
    )
    RETURNING "id"
  )
  INSERT INTO "Message" ("id", "conversationId", "channel", "direction", "author", "providerMessageId", "body", "deliveryStatus", "deliveryStatusAt", "createdAt")
  SELECT $5::uuid, conversation."id", $2::"Channel", 'inbound', 'resident', $6, $7, 'received', $1, $1
  FROM conversation
  RETURNING "id", "seq", "conversationId", "channel"::text, "direction"::text, "author"::text, "staffUserId", "body", "deliveryStatus"::text, "createdAt"`;

/**
 * Prisma maps a unique violation to P2002 outside transactions, but inside an interactive
 * transaction over a driver adapter it can surface as the adapter's own error (PGlite: the raw
 * PostgreSQL code 23505), and a raw query reports it inside P2010; the driver itself gives
 * 23505. All are recognised.
 */
export function isUniqueViolation(error: unknown): boolean {
  type Cause = { kind?: string; code?: string; originalCode?: string } | undefined;
  const unique = (cause: Cause) => cause?.kind === 'UniqueConstraintViolation' || cause?.code === '23505' || cause?.originalCode === '23505';
  // Straight from the driver (Database.query): node-postgres and PGlite both give the SQLSTATE.
  if ((error as { code?: unknown } | null)?.code === '23505') return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === 'P2002') return true;
    return error.code === 'P2010' && unique((error.meta?.driverAdapterError as { cause?: Cause } | undefined)?.cause);
  }
  const candidate = error as { name?: string; cause?: Cause } | null;
  return candidate?.name === 'DriverAdapterError' && unique(candidate.cause);
}
