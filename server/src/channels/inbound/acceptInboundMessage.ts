// Step 1 of every inbound message: store it before anything else happens, so a crash after the
// provider got its 200 cannot lose it (Message.processedAt stays null until the turn has run).
// The provider's id is unique: a redelivered webhook finds the stored row and changes nothing.
//
// Nearly every message joins a conversation that is already open; that case is one SQL
// statement (one round trip, one commit), which is what keeps acknowledgements fast in a storm.
// The rest — a new number, a closed conversation, photos — take the transaction below. Both are
// plain SQL so that they can run on the driver itself (Prisma's query compiler costs more CPU
// than the statements); web chat, which has no driver at hand, runs the same SQL through Prisma.
import { randomUUID } from 'node:crypto';
import type { PrismaClient, SqlDriver, SqlQuery } from '@complaints/db';
import { createTurnSerialiser } from '@complaints/bot';
import { Prisma, sqlThroughPrisma } from '@complaints/db';
import type { StoredMessage } from '../../conversations/messageEvents.ts';

export interface InboundInput {
  channel: 'sms' | 'whatsapp' | 'webchat' | 'botframework';
  /** E.164, without any whatsapp: prefix; for web chat the hash of the session secret; Bot Framework: channel/conversation. */
  address: string;
  providerMessageId: string;
  body: string;
  media: { url: string; contentType: string }[];
  receivedAt: Date;
  /** Bot Framework: where replies to this message go. */
  conversationReference?: Prisma.InputJsonValue;
}

export interface AcceptedInbound {
  duplicate: boolean;
  messageId: string;
  conversationId: string;
  seq: bigint;
  /** The stored row, for the staff event; absent on a redelivery (staff were told the first time). */
  stored?: StoredMessage;
}

// A burst from a number with no open conversation (its first messages, sent at once) queues here
// rather than in database lock waits that each hold one of the pool's connections; after the
// first has opened the conversation, the rest take the one-statement path.
const slowPathPerAddress = createTurnSerialiser();
const SLOW_PATH_TRANSACTION = { maxWait: 10_000, timeout: 10_000 };

export interface AcceptOptions {
  /**
   * The database driver without Prisma (the Database itself), for both paths: Prisma's query
   * compiler costs more CPU than the statements. Without it the same SQL runs through Prisma.
   */
  driver?: SqlDriver;
  retried?: boolean;
}

export async function acceptInboundMessage(prisma: PrismaClient, input: InboundInput, options: AcceptOptions = {}): Promise<AcceptedInbound> {
  const driver = options.driver ?? prismaDriver(prisma);
  try {
    const appended = await appendWhenOpen(driver.query, input);
    if (appended) return appended;
    return await slowPathPerAddress.run(`${input.channel}:${input.address}`, async () => (await appendWhenOpen(driver.query, input)) ?? (await driver.transaction((query) => storeInTransaction(query, input))));
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
async function storeInTransaction(query: SqlQuery, input: InboundInput): Promise<AcceptedInbound> {
  // The resident's own message reopens WhatsApp's 24-hour window. The upsert locks the identity
  // row, so concurrent first messages from one number wait here and then see one conversation.
  const [identity] = await query<{ id: string; residentId: string | null }>(
    `INSERT INTO "ChannelIdentity" ("id", "channel", "address", "lastInboundAt") VALUES ($1::uuid, $2::"Channel", $3, $4)
     ON CONFLICT ("channel", "address") DO UPDATE SET "lastInboundAt" = EXCLUDED."lastInboundAt"
     RETURNING "id", "residentId"`,
    [randomUUID(), input.channel, input.address, input.receivedAt],
  );
  const now = new Date();
  const [open] = await query<{ id: string }>(
    `UPDATE "Conversation" SET "lastMessageAt" = $1, "updatedAt" = $2
     WHERE "id" = (SELECT "id" FROM "Conversation" WHERE "channelIdentityId" = $3::uuid AND "state" <> 'closed' ORDER BY "createdAt" DESC LIMIT 1)
     RETURNING "id"`,
    [input.receivedAt, now, identity!.id],
  );
  const conversation =
    open ??
    (
      await query<{ id: string }>(
        `INSERT INTO "Conversation" ("id", "channel", "channelIdentityId", "residentId", "lastMessageAt", "updatedAt")
         VALUES ($1::uuid, $2::"Channel", $3::uuid, $4::uuid, $5, $6) RETURNING "id"`,
        [randomUUID(), input.channel, identity!.id, identity!.residentId, input.receivedAt, now],
      )
    )[0]!;
  const [row] = await query<StoredRow>(
    `INSERT INTO "Message" ("id", "conversationId", "channel", "direction", "author", "providerMessageId", "body", "deliveryStatus", "deliveryStatusAt", "createdAt", "conversationReference")
     VALUES ($1::uuid, $2::uuid, $3::"Channel", 'inbound', 'resident', $4, $5, 'received', $6, $6, $7::jsonb)
     RETURNING ${STORED_COLUMNS}`,
    [randomUUID(), conversation.id, input.channel, input.providerMessageId, input.body, input.receivedAt, referenceJson(input)],
  );
  const media = input.media.map((item) => ({ id: randomUUID(), ...item }));
  for (const item of media) {
    await query(`INSERT INTO "MessageMedia" ("id", "messageSeq", "url", "contentType") VALUES ($1::uuid, $2, $3, $4)`, [item.id, String(row!.seq), item.url, item.contentType]);
  }
  const stored = toStored(row!, media);
  return { duplicate: false, messageId: stored.id, conversationId: stored.conversationId, seq: stored.seq, stored };
}

/** Prisma as the driver, for callers without the Database (web chat): the same SQL. */
function prismaDriver(prisma: PrismaClient): SqlDriver {
  return { query: sqlThroughPrisma(prisma), transaction: (work) => prisma.$transaction((tx) => work(sqlThroughPrisma(tx)), SLOW_PATH_TRANSACTION) };
}

const STORED_COLUMNS = `"id", "seq", "conversationId", "channel"::text, "direction"::text, "author"::text, "staffUserId", "body", "deliveryStatus"::text, "createdAt"`;
type StoredRow = Omit<StoredMessage, 'media' | 'seq'> & { seq: bigint | string };

// node-postgres gives int8 as a string, PGlite and Prisma as a bigint.
const toStored = (row: StoredRow, media: StoredMessage['media']): StoredMessage => ({ ...row, seq: BigInt(row.seq), media });

/**
 * The message appended to the identity's open conversation in one statement, or undefined when
 * there is none (nothing is changed then). Locks are taken in the transaction's order — the
 * identity row, then the conversation row — so messages from one number are stored one after
 * another (seq in commit order, as the turn runner needs) and the two paths cannot deadlock.
 * A conversation closed meanwhile fails the re-checked `state` condition: no row, slow path.
 */
async function appendToOpenConversation(query: SqlQuery, input: InboundInput): Promise<StoredMessage | undefined> {
  const [row] = await query<StoredRow>(APPEND_TO_OPEN_CONVERSATION, [
    input.receivedAt,
    input.channel,
    input.address,
    new Date(),
    randomUUID(),
    input.providerMessageId,
    input.body,
    referenceJson(input),
  ]);
  return row && toStored(row, []);
}

/** The Bot Framework conversation reference as a jsonb parameter (null on other channels). */
const referenceJson = (input: InboundInput) => (input.conversationReference === undefined ? null : JSON.stringify(input.conversationReference));

// $1 receivedAt, $2 channel, $3 address, $4 now, $5 new message id, $6 provider id, $7 body, $8 conversation reference.
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
  INSERT INTO "Message" ("id", "conversationId", "channel", "direction", "author", "providerMessageId", "body", "deliveryStatus", "deliveryStatusAt", "createdAt", "conversationReference")
  SELECT $5::uuid, conversation."id", $2::"Channel", 'inbound', 'resident', $6, $7, 'received', $1, $1, $8::jsonb
  FROM conversation
  RETURNING ${STORED_COLUMNS}`;

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
