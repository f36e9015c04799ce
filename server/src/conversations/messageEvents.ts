// Every stored message, inbound or outbound, reaches staff as one `conversation.message` event:
// the triage queue and the live chat view follow conversations from these alone.
import type { Broadcaster } from '../realtime/broadcaster.ts';
import { CONVERSATION_MESSAGE_EVENT, type TConversationMessage } from '../schemas/index.ts';

/** The columns toConversationMessage needs; select these when storing a message. */
export const CONVERSATION_MESSAGE_SELECT = {
  id: true,
  seq: true,
  conversationId: true,
  channel: true,
  direction: true,
  author: true,
  staffUserId: true,
  body: true,
  deliveryStatus: true,
  createdAt: true,
  media: { select: { id: true, url: true, contentType: true } },
} as const;

export interface StoredMessage {
  id: string;
  seq: bigint;
  conversationId: string;
  channel: TConversationMessage['channel'];
  direction: TConversationMessage['direction'];
  author: TConversationMessage['author'];
  staffUserId: string | null;
  body: string;
  deliveryStatus: TConversationMessage['deliveryStatus'];
  createdAt: Date;
  media: { id: string; url: string; contentType: string }[];
}

export function toConversationMessage(message: StoredMessage): TConversationMessage {
  // seq is a bigint in the database; as a JSON number it stays exact up to 2^53.
  return { ...message, seq: Number(message.seq), createdAt: message.createdAt.toISOString() };
}

export function publishConversationMessage(broadcaster: Broadcaster, message: StoredMessage): void {
  broadcaster.toStaff({ type: CONVERSATION_MESSAGE_EVENT, payload: { message: toConversationMessage(message) } });
}
