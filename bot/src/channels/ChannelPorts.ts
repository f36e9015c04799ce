// What a channel adapter needs from the server, in plain types: the stored inbound message it
// turns into an activity, and a queue that persists outbound texts (the server's outbox). The
// adapter never calls a provider inside a turn, so a slow or failing provider cannot lose a reply.
import type { ChatChannel } from '../intake/IntakePort.ts';

export interface InboundMedia {
  url: string;
  contentType: string;
}

/** An inbound message as the server stored it before the turn runs. */
export interface StoredInbound {
  /** Message.id */
  messageId: string;
  providerMessageId: string | null;
  /** Conversation.id (a uuid): the activity's conversation.id. */
  conversationId: string;
  /** The sender's address (E.164 for SMS and WhatsApp): the activity's from.id. */
  address: string;
  text: string;
  media: InboundMedia[];
  receivedAt: Date;
}

export interface OutboundText {
  conversationId: string;
  channel: ChatChannel;
  address: string;
  body: string;
  /** Set when a member of staff wrote it in a live chat (author staff); absent for the bot. */
  staffUserId?: string;
}

export interface OutboundQueue {
  /** Stores the outbound Message and its outbox row together; returns the Message id. */
  enqueue(message: OutboundText): Promise<{ messageId: string }>;
}

/**
 * The Bot Framework channel's persistence. A reply is stored ('sending') before the connector
 * is called, then marked sent or failed, so staff see every reply and whether it arrived.
 */
export interface ConnectorOutbox extends OutboundQueue {
  /** The latest stored conversation reference of the conversation (plain JSON), if any. */
  referenceFor(conversationId: string): Promise<Record<string, unknown> | null>;
  recordSent(messageId: string, providerMessageId: string | null): Promise<void>;
  recordFailed(messageId: string, error: string): Promise<void>;
}
