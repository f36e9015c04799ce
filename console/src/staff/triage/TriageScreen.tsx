// The live triage queue, the first screen of the day: conversations waiting for a person (urgent
// first), complaint offers the resident has not answered yet, and complaints awaiting
// acknowledgement with the working days left. Socket events keep it current without a reload.
import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import {
  CONVERSATION_MESSAGE_EVENT,
  CONVERSATION_UPDATED_EVENT,
  ZConversationSummarySchema,
  compareTriageConversations,
  type TConversationMessage,
  type TConversationSummary,
  type TStaffSessionUser,
  type TTriageQueue, CHANNEL_LABELS } from '@complaints/server/schemas';
import { api } from '../../shared/api.ts';
import { FormError } from '../../shared/useFormSubmit.tsx';
import { useConnected, useStaffEvent, useStaffEventsStartingWith } from '../live/staffSocket.ts';
import { navigate } from '../navigation.ts';
import { PageHeading } from '../PageHeading.tsx';
import { DETECTOR_LABELS, formatDay, formatDuration, formatTime, residentLabel, useNow } from './format.ts';
import './triage.css';

export const conversationPath = (id: string) => `/triage/conversations/${id}`;
export const LOG_CONTACT_PATH = '/triage/log-contact';

/** Ordinary links with a pushState shortcut: new-tab and copy-link still work. */
export function linkTo(path: string) {
  return {
    href: path,
    onClick: (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      navigate(path);
    },
  };
}

function upsert(list: TConversationSummary[], conversation: TConversationSummary): TConversationSummary[] {
  const others = list.filter((c) => c.id !== conversation.id);
  return (conversation.queue ? [...others, conversation] : others).sort(compareTriageConversations);
}

export function TriageScreen({ user }: { user: TStaffSessionUser }) {
  const [queue, setQueue] = useState<TTriageQueue>();
  const [error, setError] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const now = useNow();
  const refetchTimer = useRef<number | undefined>(undefined);

  const load = useCallback(() => {
    api<TTriageQueue>('/triage')
      .then((answer) => {
        setQueue(answer);
        setError(undefined);
      })
      .catch((caught: unknown) => setError((caught as Error).message));
  }, []);
  useEffect(load, [load]);
  useEffect(() => () => window.clearTimeout(refetchTimer.current), []);
  useConnected(load);

  useStaffEvent<{ conversation: unknown }>(CONVERSATION_UPDATED_EVENT, ({ conversation }) => {
    const parsed = ZConversationSummarySchema.safeParse(conversation);
    if (!parsed.success) return;
    const next = parsed.data;
    setQueue((current) => {
      if (!current) return current;
      const before = current.conversations.find((c) => c.id === next.id);
      const who = `${CHANNEL_LABELS[next.channel]} from ${residentLabel(next.resident)}`;
      if (!before && next.queue === 'handoff') setAnnouncement(`${next.urgent ? 'Urgent: ' : ''}${who} is waiting for a person.`);
      else if (!before && next.queue === 'complaint_offer') setAnnouncement(`${who}: a complaint was offered.`);
      else if (before && next.claimedBy && before.claimedBy?.id !== next.claimedBy.id) setAnnouncement(`${who} was taken by ${next.claimedBy.id === user.id ? 'you' : next.claimedBy.name}.`);
      return { ...current, conversations: upsert(current.conversations, next) };
    });
  });

  useStaffEvent<{ message: TConversationMessage }>(CONVERSATION_MESSAGE_EVENT, ({ message }) => {
    setQueue((current) =>
      current && {
        ...current,
        conversations: current.conversations.map((c) => (c.id === message.conversationId ? { ...c, lastMessageAt: message.createdAt } : c)),
      },
    );
  });

  useStaffEvent<{ conversationId: string }>('channel.opted_out', ({ conversationId }) => {
    setQueue((current) => current && { ...current, conversations: current.conversations.map((c) => (c.id === conversationId ? { ...c, optedOut: true } : c)) });
  });

  // Any change to a complaint may add it to, or take it off, the acknowledgement list; the server
  // decides (and works out the working days left), so the list is asked for again.
  useStaffEventsStartingWith('complaint.', () => {
    window.clearTimeout(refetchTimer.current);
    refetchTimer.current = window.setTimeout(load, 250);
  });

  const handoffs = queue?.conversations.filter((c) => c.queue === 'handoff') ?? [];
  const offers = queue?.conversations.filter((c) => c.queue === 'complaint_offer') ?? [];
  return (
    <>
      <PageHeading>Triage</PageHeading>
      <p>
        <a {...linkTo(LOG_CONTACT_PATH)}>Log a phone call, letter, email or visit</a>
      </p>
      <p aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
      <FormError error={error} />
      {!queue && !error && <p>Loading…</p>}
      {queue && (
        <>
          <section aria-labelledby="handoffs-heading">
            <h2 id="handoffs-heading">Waiting for a person ({handoffs.length})</h2>
            {handoffs.length === 0 ? <p>Nobody is waiting for a person.</p> : <ConversationList conversations={handoffs} user={user} now={now} />}
          </section>
          <section aria-labelledby="offers-heading">
            <h2 id="offers-heading">Complaint offers not answered yet ({offers.length})</h2>
            <p className="hint">The bot noticed dissatisfaction and offered to log a complaint (Code 1.3); the resident has not said yes or no.</p>
            {offers.length === 0 ? <p>No offers are waiting for an answer.</p> : <ConversationList conversations={offers} user={user} now={now} />}
          </section>
          <section aria-labelledby="ack-heading">
            <h2 id="ack-heading">Complaints awaiting acknowledgement ({queue.awaitingAcknowledgement.length})</h2>
            {queue.awaitingAcknowledgement.length === 0 ? (
              <p>No complaints are waiting to be acknowledged.</p>
            ) : (
              <ul className="cards">
                {queue.awaitingAcknowledgement.map((c) => (
                  <li key={c.complaintId} className={`card deadline-${c.deadline.status}`} aria-labelledby={`ack-${c.complaintId}`}>
                    <h3 id={`ack-${c.complaintId}`}>
                      {c.reference}: {c.resident.name ?? 'No name recorded'}
                    </h3>
                    <p>
                      {CHANNEL_LABELS[c.channel]}, received {formatTime(c.receivedAt)}
                      {c.stage === 'stage_2' ? ' (stage 2 escalation)' : ''}
                    </p>
                    <p className="strong">
                      Acknowledge by {formatDay(c.deadline.dueOn)}: {workingDaysText(c.deadline.workingDaysLeft)}
                    </p>
                    <p>{c.handler ? `Handler: ${c.handler.name}` : 'No handler assigned yet'}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}

function workingDaysText(left: number): string {
  if (left < 0) return 'overdue';
  if (left === 0) return 'due today';
  return `${left} working ${left === 1 ? 'day' : 'days'} left`;
}

function ConversationList(props: { conversations: TConversationSummary[]; user: TStaffSessionUser; now: number }) {
  return (
    <ul className="cards">
      {props.conversations.map((conversation) => (
        <ConversationCard key={conversation.id} user={props.user} now={props.now} conversation={conversation} />
      ))}
    </ul>
  );
}

function ConversationCard({ conversation: c, user, now }: { conversation: TConversationSummary; user: TStaffSessionUser; now: number }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const headingId = `conversation-${c.id}`;
  const who = residentLabel(c.resident);
  const claim = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/conversations/${c.id}/claim`, { method: 'POST' });
      navigate(conversationPath(c.id));
    } catch (caught) {
      setError((caught as Error).message);
      setBusy(false);
    }
  };
  const heldByMe = c.claimedBy?.id === user.id;
  return (
    <li className={`card${c.urgent ? ' urgent' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {c.urgent && <span className="badge urgent-badge">Urgent</span>} {CHANNEL_LABELS[c.channel]}: {who}
      </h3>
      {c.handoffReason && c.queue === 'handoff' && <p>Reason: {c.handoffReason}</p>}
      {c.detector && (
        <p>
          Detector: {DETECTOR_LABELS[c.detector.label] ?? c.detector.label}
          {c.detector.reasons.length > 0 && <span className="muted"> ({c.detector.reasons.join('; ')})</span>}
        </p>
      )}
      <p>
        {c.claimedBy ? (
          <span className="strong">Taken by {heldByMe ? 'you' : c.claimedBy.name}</span>
        ) : (
          <span>Waiting {formatDuration(now - Date.parse(c.waitingSince))}</span>
        )}
        {c.optedOut && <span className="strong"> · Opted out of messages</span>}
      </p>
      <FormError error={error} />
      <div className="actions">
        {!c.claimedBy && (
          <button type="button" onClick={() => void claim()} disabled={busy} aria-describedby={headingId}>
            Claim
          </button>
        )}
        <a className="button-link secondary" {...linkTo(conversationPath(c.id))} aria-describedby={headingId}>
          Open conversation
        </a>
      </div>
    </li>
  );
}
