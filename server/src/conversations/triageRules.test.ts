import { describe, expect, it } from 'vitest';
import { compareTriageConversations, type TConversationSummary } from '../schemas/index.ts';
import { complaintDraft, triageQueueOf, waitingSince, type DraftMessage } from './triageRules.ts';

const at = (iso: string) => new Date(iso);
const base = { complaintOfferedAt: null, handoffRequestedAt: null, claimedAt: null, createdAt: at('2026-04-01T07:00:00Z') };

describe('triageQueueOf', () => {
  it.each([
    { state: 'awaiting_staff', offered: false, queue: 'handoff' },
    { state: 'with_staff', offered: false, queue: 'handoff' },
    // Claimed from the offer list: it is now with a person, not waiting on the offer.
    { state: 'with_staff', offered: true, queue: 'handoff' },
    { state: 'bot', offered: true, queue: 'complaint_offer' },
    { state: 'bot', offered: false, queue: null },
    { state: 'closed', offered: true, queue: null },
  ] as const)('$state, offer open: $offered → $queue', ({ state, offered, queue }) => {
    expect(triageQueueOf({ state, complaintOfferedAt: offered ? at('2026-04-01T08:00:00Z') : null })).toBe(queue);
  });
});

describe('waitingSince', () => {
  it('a handoff waits from the request, a claimed offer from the claim, an offer from the offer', () => {
    expect(waitingSince({ ...base, state: 'awaiting_staff', handoffRequestedAt: at('2026-04-01T08:00:00Z') })).toEqual(at('2026-04-01T08:00:00Z'));
    expect(waitingSince({ ...base, state: 'with_staff', claimedAt: at('2026-04-01T09:00:00Z'), complaintOfferedAt: at('2026-04-01T08:30:00Z') })).toEqual(
      at('2026-04-01T09:00:00Z'),
    );
    expect(waitingSince({ ...base, state: 'bot', complaintOfferedAt: at('2026-04-01T08:30:00Z') })).toEqual(at('2026-04-01T08:30:00Z'));
    expect(waitingSince({ ...base, state: 'bot' })).toEqual(base.createdAt);
  });
});

describe('complaintDraft', () => {
  const message = (iso: string, body: string, extra: Partial<DraftMessage> = {}): DraftMessage => ({
    direction: 'inbound',
    author: 'resident',
    body,
    createdAt: at(iso),
    classification: null,
    ...extra,
  });

  it("joins the resident's words in order and starts the clock at the first message labelled a complaint", () => {
    const draft = complaintDraft(
      [
        message('2026-04-01T08:00:00Z', 'hello'),
        message('2026-04-01T08:01:00Z', 'Hello again, this is the bot', { direction: 'outbound', author: 'bot' }),
        message('2026-04-01T08:02:00Z', ' Nobody came to fix the leak, again ', { classification: { label: 'complaint', confidence: 0.9, reasons: [] } }),
        message('2026-04-01T08:03:00Z', 'I will pass this on', { direction: 'outbound', author: 'staff' }),
        message('2026-04-01T08:04:00Z', 'It is the third time', { classification: { label: 'complaint', confidence: 0.8, reasons: [] } }),
      ],
      { complaintOfferedAt: at('2026-04-01T08:05:00Z'), createdAt: at('2026-04-01T07:59:00Z') },
    );
    expect(draft).toEqual({ summary: 'hello\nNobody came to fix the leak, again\nIt is the third time', receivedAt: at('2026-04-01T08:02:00Z') });
  });

  it('uses the offer when no message carries the label (it was cleared), else the first resident message', () => {
    const messages = [message('2026-04-01T08:00:00Z', 'the lift is broken'), message('2026-04-01T08:10:00Z', 'still broken')];
    expect(complaintDraft(messages, { complaintOfferedAt: at('2026-04-01T08:10:00Z'), createdAt: at('2026-04-01T07:00:00Z') }).receivedAt).toEqual(at('2026-04-01T08:10:00Z'));
    expect(complaintDraft(messages, { complaintOfferedAt: null, createdAt: at('2026-04-01T07:00:00Z') }).receivedAt).toEqual(at('2026-04-01T08:00:00Z'));
    expect(complaintDraft([], { complaintOfferedAt: null, createdAt: at('2026-04-01T07:00:00Z') })).toEqual({ summary: '', receivedAt: at('2026-04-01T07:00:00Z') });
  });

  it('keeps the summary within what a complaint can hold', () => {
    const long = complaintDraft([message('2026-04-01T08:00:00Z', 'x'.repeat(30_000))], { complaintOfferedAt: null, createdAt: at('2026-04-01T07:00:00Z') });
    expect(long.summary).toHaveLength(20_000);
  });
});

describe('compareTriageConversations', () => {
  const summary = (id: string, urgent: boolean, waitingSinceIso: string) => ({ id, urgent, waitingSince: waitingSinceIso }) as TConversationSummary;

  it('puts urgent conversations first, then the longest waiting', () => {
    const list = [
      summary('a', false, '2026-04-01T09:00:00.000Z'),
      summary('b', true, '2026-04-01T10:00:00.000Z'),
      summary('c', false, '2026-04-01T08:00:00.000Z'),
      summary('d', true, '2026-04-01T09:30:00.000Z'),
    ];
    expect(list.sort(compareTriageConversations).map((s) => s.id)).toEqual(['d', 'b', 'c', 'a']);
  });
});
