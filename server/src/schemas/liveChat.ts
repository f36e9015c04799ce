// One conversation in the console: its messages, the live reply box, and turning it into a
// complaint or a service request. Browser-safe (the console's forms import these).
import { z } from 'zod';
import { COMPLAINT_STATUSES } from '../domain/lifecycle/vocabulary.ts';
import { STAGES } from '../domain/deadlines.ts';
import { ZInstantSchema, idSchema, requiredText } from './common.ts';
import { ZCreateComplaintSchema } from './complaints.ts';
import { ZConversationMessageSchema } from './conversations.ts';
import { SERVICE_REQUEST_STATUSES } from './serviceRequests.ts';
import { ZConversationSummarySchema } from './triage.ts';

export const ZConversationIdParamsSchema = z.object({ id: idSchema('The conversation') });

/** A live reply from the member of staff holding the conversation, sent on the resident's own channel. */
export const ZStaffReplySchema = z.object({
  text: requiredText('Your reply', 2000),
});
export type TStaffReply = z.infer<typeof ZStaffReplySchema>;

/** The member of staff holding the conversation is (or stopped) writing: a web chat resident sees "typing…". */
export const ZStaffTypingSchema = z.object({
  typing: z.boolean({ error: 'typing must be true or false' }),
});
export type TStaffTyping = z.infer<typeof ZStaffTypingSchema>;

/** Says who the resident in a conversation is (audited: it decides whose record the chat joins). */
export const ZLinkConversationResidentSchema = z.object({
  residentId: idSchema('The resident'),
});
export type TLinkConversationResident = z.infer<typeof ZLinkConversationResidentSchema>;

/**
 * A conversation becomes a complaint: the channel and conversation come from it; the summary and
 * the time dissatisfaction was first expressed (the Code's clock) are prefilled but editable.
 */
export const ZConvertToComplaintSchema = ZCreateComplaintSchema.pick({
  residentId: true,
  receivedAt: true,
  summary: true,
  representativeId: true,
  serviceRequestId: true,
  issueStartedOn: true,
});
export type TConvertToComplaint = z.infer<typeof ZConvertToComplaintSchema>;

/** 1.4: a conversation that was a request for a service, not a complaint. */
export const ZConvertToServiceRequestSchema = z.object({
  residentId: idSchema('The resident'),
  description: requiredText('What the resident asked for', 5000),
  receivedAt: ZInstantSchema,
});
export type TConvertToServiceRequest = z.infer<typeof ZConvertToServiceRequestSchema>;

const caseLink = z.object({ id: z.uuid(), reference: z.string() });

/** What the conversation view's resident summary shows (the full resident panel lives elsewhere). */
export const ZResidentCardSchema = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  postcode: z.string().nullable(),
  tenancyReference: z.string().nullable(),
  complaints: z.array(caseLink.extend({ status: z.enum(COMPLAINT_STATUSES), stage: z.enum(STAGES) })),
  serviceRequests: z.array(caseLink.extend({ status: z.enum(SERVICE_REQUEST_STATUSES) })),
});
export type TResidentCard = z.infer<typeof ZResidentCardSchema>;

export const ZConversationDetailSchema = z.object({
  conversation: ZConversationSummarySchema,
  /** Oldest first; the most recent ones when the conversation is very long. */
  messages: z.array(ZConversationMessageSchema),
  /** Names of the staff who wrote in it, by id. */
  staffNames: z.record(z.string(), z.string()),
  resident: ZResidentCardSchema.nullable(),
  /** Prefill for "log as a complaint": the resident's own words and when dissatisfaction was first expressed. */
  complaintDraft: z.object({ summary: z.string(), receivedAt: z.iso.datetime({ offset: true }) }),
});
export type TConversationDetail = z.infer<typeof ZConversationDetailSchema>;

/** Staff event: the resident is typing in web chat (never what). Payload `{ conversationId, typing }`. */
export const CONVERSATION_TYPING_EVENT = 'conversation.typing';
/** Staff event: an outbound message's delivery changed. Payload `{ messageId, conversationId, channel, deliveryStatus, reason? }`. */
export const MESSAGE_DELIVERY_EVENT = 'message.delivery';
export const ZMessageDeliveryEventSchema = z.object({
  messageId: z.uuid(),
  conversationId: z.uuid(),
  channel: z.string(),
  deliveryStatus: z.string(),
  reason: z.string().optional(),
});
