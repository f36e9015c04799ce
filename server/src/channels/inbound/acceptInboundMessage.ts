// Step 1 of every inbound message: store it before anything else happens, so a crash after the
// provider got its 200 cannot lose it (Message.processedAt stays null until the turn has run).
// The provider's id is unique: a redelivered webhook finds the stored row and changes nothing.
import type { PrismaClient } from '@complaints/db';
import { Prisma } from '@complaints/db';
import { CONVERSATION_MESSAGE_SELECT } from '../../conversations/messageEvents.ts';

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
  stored?: Prisma.MessageGetPayload<{ select: typeof CONVERSATION_MESSAGE_SELECT }>;
}

export async function acceptInboundMessage(prisma: PrismaClient, input: InboundInput, retried = false): Promise<AcceptedInbound> {
  try {
    return await prisma.$transaction(async (tx) => {
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
          ...(input.conversationReference ? { conversationReference: input.conversationReference } : {}),
        },
        select: CONVERSATION_MESSAGE_SELECT,
      });
      return { duplicate: false, messageId: message.id, conversationId: conversation.id, seq: message.seq, stored: message };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A redelivery (or two deliveries racing): the first one stored it.
    const existing = await prisma.message.findUnique({
      where: { providerMessageId: input.providerMessageId },
      select: { id: true, conversationId: true, seq: true },
    });
    // Otherwise two first messages from a new number raced to create its identity: once more.
    if (!existing) {
      if (retried) throw error;
      return acceptInboundMessage(prisma, input, true);
    }
    return { duplicate: true, messageId: existing.id, conversationId: existing.conversationId, seq: existing.seq };
  }
}

/**
 * Prisma maps a unique violation to P2002 outside transactions, but inside an interactive
 * transaction over a driver adapter it can surface as the adapter's own error (PGlite: the raw
 * PostgreSQL code 23505), so both forms are recognised.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === 'P2002';
  const cause = (error as { name?: string; cause?: { kind?: string; code?: string; originalCode?: string } } | null)?.cause;
  if ((error as { name?: string } | null)?.name !== 'DriverAdapterError' || !cause) return false;
  return cause.kind === 'UniqueConstraintViolation' || cause.code === '23505' || cause.originalCode === '23505';
}
