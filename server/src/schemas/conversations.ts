// Conversation messages as staff see them (live over socket.io and in the console's views).
// Browser-safe: the console parses the same shape it is sent.
import { z } from 'zod';
import { CHANNELS } from './complaints.ts';

export const MESSAGE_DIRECTIONS = ['inbound', 'outbound'] as const;
export const MESSAGE_AUTHORS = ['resident', 'representative', 'bot', 'staff', 'system'] as const;
export const DELIVERY_STATUSES = ['received', 'queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'undelivered', 'suppressed'] as const;

/** One message on any channel: the `conversation.message` staff event carries one. */
export const ZConversationMessageSchema = z.object({
  id: z.uuid(),
  /** Order within the conversation (and across conversations: it is the database sequence). */
  seq: z.number().int(),
  conversationId: z.uuid(),
  channel: z.enum(CHANNELS),
  direction: z.enum(MESSAGE_DIRECTIONS),
  author: z.enum(MESSAGE_AUTHORS),
  staffUserId: z.uuid().nullable(),
  body: z.string(),
  deliveryStatus: z.enum(DELIVERY_STATUSES),
  createdAt: z.iso.datetime({ offset: true }),
  /** Attachments as the provider gave them; staff open them through `mediaHref(id)` (media.ts). */
  media: z.array(z.object({ id: z.uuid(), url: z.string(), contentType: z.string() })),
});
export type TConversationMessage = z.infer<typeof ZConversationMessageSchema>;

/** The staff event published whenever a message is stored, inbound or outbound. */
export const CONVERSATION_MESSAGE_EVENT = 'conversation.message';
