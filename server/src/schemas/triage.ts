// The live triage queue as staff see it: conversations that need a person and complaints waiting
// for acknowledgement. Browser-safe: the console parses the same shapes it is sent, over the API
// and over socket.io, and orders the queue with the same comparator as the server.
import { z } from 'zod';
import { STAGES } from '../domain/deadlines.ts';
import { CHANNELS } from './complaints.ts';
import { ZDeadlineSummarySchema } from './deadline.ts';

export const CONVERSATION_STATES = ['bot', 'awaiting_staff', 'with_staff', 'closed'] as const;
/** handoff: waiting for (or with) a person. complaint_offer: the bot offered a complaint (1.3), no answer yet. */
export const TRIAGE_QUEUES = ['handoff', 'complaint_offer'] as const;

const instant = z.iso.datetime({ offset: true });

export const ZPersonRefSchema = z.object({ id: z.uuid(), name: z.string() });
/** A resident may have no name on record yet (an unverified contact). */
export const ZResidentRefSchema = z.object({ id: z.uuid(), name: z.string().nullable() });

/** The dissatisfaction detector's verdict on the resident's latest classified message. */
export const ZDetectorVerdictSchema = z.object({
  label: z.string(),
  confidence: z.number().nullable(),
  reasons: z.array(z.string()),
});

/** One conversation as the queue and the conversation view show it; `conversation.updated` carries one. */
export const ZConversationSummarySchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  channel: z.enum(CHANNELS),
  state: z.enum(CONVERSATION_STATES),
  /** Which triage list it belongs in now (decided by the server), or null when it needs nobody. */
  queue: z.enum(TRIAGE_QUEUES).nullable(),
  urgent: z.boolean(),
  handoffReason: z.string().nullable(),
  handoffRequestedAt: instant.nullable(),
  complaintOfferedAt: instant.nullable(),
  /** Since when the resident has been waiting for a person, or for staff to see the offer. */
  waitingSince: instant,
  detector: ZDetectorVerdictSchema.nullable(),
  resident: ZResidentRefSchema.nullable(),
  claimedBy: ZPersonRefSchema.nullable(),
  claimedAt: instant.nullable(),
  lastMessageAt: instant.nullable(),
  /** The resident sent STOP: nothing can be sent to them on this channel. */
  optedOut: z.boolean(),
});
export type TConversationSummary = z.infer<typeof ZConversationSummarySchema>;

/** The Code engine's deadline summary (working days left, computed on the server). */
/** A complaint logged but not yet acknowledged (6.2, 6.11), with the working days left to do it. */
export const ZAwaitingAcknowledgementSchema = z.object({
  complaintId: z.uuid(),
  reference: z.string(),
  stage: z.enum(STAGES),
  channel: z.enum(CHANNELS),
  receivedAt: instant,
  resident: ZResidentRefSchema,
  handler: ZPersonRefSchema.nullable(),
  deadline: ZDeadlineSummarySchema,
});
export type TAwaitingAcknowledgement = z.infer<typeof ZAwaitingAcknowledgementSchema>;

export const ZTriageQueueSchema = z.object({
  /** Handoffs (urgent first, then longest waiting) and unanswered complaint offers. */
  conversations: z.array(ZConversationSummarySchema),
  /** Earliest acknowledgement deadline first. */
  awaitingAcknowledgement: z.array(ZAwaitingAcknowledgementSchema),
});
export type TTriageQueue = z.infer<typeof ZTriageQueueSchema>;

/** Staff event: a conversation's state, claim, resident or offer changed. Payload `{ conversation }`. */
export const CONVERSATION_UPDATED_EVENT = 'conversation.updated';

/** Queue order: urgent first (safety cases), then whoever has waited longest. */
export function compareTriageConversations(a: TConversationSummary, b: TConversationSummary): number {
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  return a.waitingSince.localeCompare(b.waitingSince) || a.id.localeCompare(b.id);
}
