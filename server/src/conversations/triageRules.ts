// The triage queue's rules, as plain functions: which list a conversation belongs in, since when
// the resident has been waiting, and what "log as a complaint" is prefilled with.
import type { TConversationSummary } from '../schemas/index.ts';

export type TriageQueue = NonNullable<TConversationSummary['queue']>;

interface ConversationFacts {
  state: 'bot' | 'awaiting_staff' | 'with_staff' | 'closed';
  complaintOfferedAt: Date | null;
  handoffRequestedAt: Date | null;
  claimedAt: Date | null;
  createdAt: Date;
}

/**
 * A conversation needs a person while it is waiting for one or held by one; otherwise it needs
 * staff to see it while the bot's complaint offer is unanswered (1.3: the resident was given the
 * choice and has not made it yet). Closed conversations need nobody.
 */
export function triageQueueOf(c: Pick<ConversationFacts, 'state' | 'complaintOfferedAt'>): TriageQueue | null {
  if (c.state === 'awaiting_staff' || c.state === 'with_staff') return 'handoff';
  if (c.state === 'bot' && c.complaintOfferedAt) return 'complaint_offer';
  return null;
}

/** The instant the resident started waiting: for a person, else for an answer to the offer. */
export function waitingSince(c: ConversationFacts): Date {
  if (c.state === 'awaiting_staff' || c.state === 'with_staff') return c.handoffRequestedAt ?? c.claimedAt ?? c.complaintOfferedAt ?? c.createdAt;
  return c.complaintOfferedAt ?? c.createdAt;
}

export interface DraftMessage {
  direction: 'inbound' | 'outbound';
  author: string;
  body: string;
  createdAt: Date;
  /** The detector's verdict, as the bot stored it. */
  classification: unknown;
}

export const DRAFT_SUMMARY_MAX = 20_000;

const isComplaint = (classification: unknown) => (classification as { label?: unknown } | null)?.label === 'complaint';

/**
 * The prefill for logging a conversation as a complaint: the resident's own words, in order, and
 * the time dissatisfaction was first expressed (the Code's clock, 6.2) — the first message the
 * detector labelled a complaint, or the bot's offer, whichever came first; failing both, the
 * resident's first message. Staff can edit both before saving.
 */
export function complaintDraft(messages: DraftMessage[], conversation: { complaintOfferedAt: Date | null; createdAt: Date }): { summary: string; receivedAt: Date } {
  const fromResident = messages.filter((m) => m.direction === 'inbound' && (m.author === 'resident' || m.author === 'representative'));
  const summary = fromResident
    .map((m) => m.body.trim())
    .filter(Boolean)
    .join('\n')
    .slice(0, DRAFT_SUMMARY_MAX);
  const candidates = [fromResident.find((m) => isComplaint(m.classification))?.createdAt, conversation.complaintOfferedAt ?? undefined].filter(
    (d): d is Date => d instanceof Date,
  );
  const receivedAt = candidates.length
    ? new Date(Math.min(...candidates.map((d) => d.getTime())))
    : (fromResident[0]?.createdAt ?? conversation.createdAt);
  return { summary, receivedAt };
}
