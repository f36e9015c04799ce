// One conversation, live: claim it, chat with the resident on their own channel (with each
// message's delivery status), hand it back to the bot, and log it as a complaint or a service
// request. Message bodies are untrusted text and are only ever rendered as text.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import {
  CONVERSATION_MESSAGE_EVENT,
  CONVERSATION_TYPING_EVENT,
  CONVERSATION_UPDATED_EVENT,
  MESSAGE_DELIVERY_EVENT,
  SERVICE_REQUEST_CREATED_EVENT,
  ZConversationMessageSchema,
  ZConversationSummarySchema,
  ZMessageDeliveryEventSchema,
  type TConversationDetail,
  type TConversationMessage,
  type TServiceRequest,
  type TStaffSessionUser, CHANNEL_LABELS } from '@complaints/server/schemas';
import { api } from '../../shared/api.ts';
import { FormError } from '../../shared/useFormSubmit.tsx';
import { useConnected, useStaffEvent } from '../live/staffSocket.ts';
import { PageHeading } from '../PageHeading.tsx';
import type { PickedResident } from '../residents/ResidentPicker.tsx';
import { ResidentPanel } from '../residents/ResidentPanel.tsx';
import { ResidentPicker } from '../residents/ResidentPicker.tsx';
import { ContactForm, type ContactKind, type ContactValues } from './ContactForm.tsx';
import { AUTHOR_NAMES, DELIVERY_LABELS, DETECTOR_LABELS, formatTime, residentLabel } from './format.ts';
import { Attachments } from '../Attachments.tsx';
import { linkTo } from './TriageScreen.tsx';
import { useTypingSignal } from './useTypingSignal.ts';
import './triage.css';

const SUPERVISOR_ROLES = ['complaints_officer', 'admin'];
/** A resident who stopped typing without saying so (closed the tab) stops showing as typing. */
const TYPING_SHOWN_MS = 8000;

function byId(messages: TConversationMessage[], added: TConversationMessage[]): TConversationMessage[] {
  const known = new Map(messages.map((m) => [m.id, m]));
  for (const m of added) known.set(m.id, { ...known.get(m.id), ...m });
  return [...known.values()].sort((a, b) => a.seq - b.seq);
}

export function ConversationView({ id, user }: { id: string; user: TStaffSessionUser }) {
  const [detail, setDetail] = useState<TConversationDetail>();
  const [error, setError] = useState<string>();
  const [actionError, setActionError] = useState<string>();
  const [typing, setTyping] = useState(false);
  const typingTimer = useRef<number | undefined>(undefined);

  const load = useCallback(() => {
    api<TConversationDetail>(`/conversations/${id}`)
      .then((answer) => {
        setDetail(answer);
        setError(undefined);
      })
      .catch((caught: unknown) => setError((caught as Error).message));
  }, [id]);
  useEffect(load, [load]);
  useConnected(load);
  useEffect(() => () => window.clearTimeout(typingTimer.current), []);

  useStaffEvent<{ conversation: unknown }>(CONVERSATION_UPDATED_EVENT, ({ conversation }) => {
    const parsed = ZConversationSummarySchema.safeParse(conversation);
    if (!parsed.success || parsed.data.id !== id) return;
    const residentChanged = detail?.conversation.resident?.id !== parsed.data.resident?.id;
    setDetail((current) => current && { ...current, conversation: parsed.data });
    if (residentChanged) load();
  });
  useStaffEvent<{ message: unknown }>(CONVERSATION_MESSAGE_EVENT, ({ message }) => {
    const parsed = ZConversationMessageSchema.safeParse(message);
    if (!parsed.success || parsed.data.conversationId !== id) return;
    if (parsed.data.author === 'resident') setTyping(false);
    setDetail((current) => current && { ...current, messages: byId(current.messages, [parsed.data]) });
  });
  useStaffEvent<unknown>(MESSAGE_DELIVERY_EVENT, (payload) => {
    const parsed = ZMessageDeliveryEventSchema.safeParse(payload);
    if (!parsed.success || parsed.data.conversationId !== id) return;
    const status = ZConversationMessageSchema.shape.deliveryStatus.safeParse(parsed.data.deliveryStatus);
    if (!status.success) return;
    setDetail((current) => current && { ...current, messages: current.messages.map((m) => (m.id === parsed.data.messageId ? { ...m, deliveryStatus: status.data } : m)) });
  });
  useStaffEvent<{ conversationId: string; typing: boolean }>(CONVERSATION_TYPING_EVENT, (payload) => {
    if (payload.conversationId !== id) return;
    setTyping(payload.typing === true);
    window.clearTimeout(typingTimer.current);
    if (payload.typing) typingTimer.current = window.setTimeout(() => setTyping(false), TYPING_SHOWN_MS);
  });
  const setOptedOut = (optedOut: boolean) => (payload: { conversationId: string }) => {
    if (payload.conversationId === id) setDetail((current) => current && { ...current, conversation: { ...current.conversation, optedOut } });
  };
  useStaffEvent('channel.opted_out', setOptedOut(true));
  useStaffEvent('channel.opted_in', setOptedOut(false));
  // Something logged from this conversation belongs in the resident summary.
  useStaffEvent<{ complaint: { conversationId: string | null } }>('complaint.created', ({ complaint }) => {
    if (complaint.conversationId === id) load();
  });
  useStaffEvent<{ serviceRequest: TServiceRequest }>(SERVICE_REQUEST_CREATED_EVENT, ({ serviceRequest }) => {
    if (serviceRequest.conversationId === id) load();
  });

  if (error && !detail) {
    return (
      <>
        <PageHeading>Conversation</PageHeading>
        <FormError error={error} />
        <p>
          <a {...linkTo('/triage')}>Back to triage</a>
        </p>
      </>
    );
  }
  if (!detail) {
    return (
      <>
        <PageHeading>Conversation</PageHeading>
        <p>Loading…</p>
      </>
    );
  }

  const c = detail.conversation;
  const heldByMe = c.claimedBy?.id === user.id;
  const mayRelease = c.claimedBy !== null && (heldByMe || user.roles.some((role) => SUPERVISOR_ROLES.includes(role)));
  const act = async (path: 'claim' | 'release') => {
    setActionError(undefined);
    try {
      const conversation = await api<TConversationDetail['conversation']>(`/conversations/${id}/${path}`, { method: 'POST' });
      setDetail((current) => current && { ...current, conversation });
    } catch (caught) {
      setActionError((caught as Error).message);
    }
  };

  return (
    <>
      <PageHeading>Conversation</PageHeading>
      <p className="lead">
        {CHANNEL_LABELS[c.channel]} with {residentLabel(c.resident)}
        {c.urgent && <span className="badge urgent-badge">Urgent</span>}
      </p>
      <p>
        <a {...linkTo('/triage')}>Back to triage</a>
      </p>
      <div className="conversation-layout">
        <div className="conversation-main">
          <div role="status" className="conversation-state">
            <p className="strong">{stateText(c, heldByMe)}</p>
            {c.handoffReason && <p>Reason: {c.handoffReason}</p>}
            {c.detector && (
              <p>
                Detector: {DETECTOR_LABELS[c.detector.label] ?? c.detector.label}
                {c.detector.reasons.length > 0 && <span className="muted"> ({c.detector.reasons.join('; ')})</span>}
              </p>
            )}
          </div>
          {c.optedOut && (
            <p className="warning">This resident has opted out of messages on this channel (they sent STOP). Nothing you send here will reach them: contact them another way.</p>
          )}
          <FormError error={actionError} />
          <div className="actions">
            {!c.claimedBy && c.state !== 'closed' && (
              <button type="button" onClick={() => void act('claim')}>
                Claim this conversation
              </button>
            )}
            {mayRelease && (
              <button type="button" className="secondary" onClick={() => void act('release')}>
                Release to the bot
              </button>
            )}
          </div>

          <section aria-labelledby="messages-heading">
            <h2 id="messages-heading">Messages</h2>
            <div role="log" aria-labelledby="messages-heading" className="message-log">
              {detail.messages.length === 0 ? (
                <p>No messages yet.</p>
              ) : (
                <ol className="messages">
                  {detail.messages.map((m) => (
                    <MessageItem key={m.id} message={m} staffName={m.staffUserId ? (detail.staffNames[m.staffUserId] ?? (m.staffUserId === user.id ? user.name : undefined)) : undefined} />
                  ))}
                </ol>
              )}
            </div>
            <p role="status" className="typing">
              {typing ? 'The resident is typing…' : ''}
            </p>
          </section>
          {heldByMe && <ReplyForm conversationId={id} channel={CHANNEL_LABELS[c.channel] ?? c.channel} showsTyping={c.channel === 'webchat'} onSent={(sent) => setDetail((current) => current && { ...current, messages: byId(current.messages, sent) })} />}

          <section aria-labelledby="log-heading">
            <h2 id="log-heading">Log this conversation</h2>
            <ConvertPanel detail={detail} />
          </section>
        </div>
        <ResidentAside detail={detail} />
      </div>
    </>
  );
}

function stateText(c: TConversationDetail['conversation'], heldByMe: boolean): string {
  if (c.claimedBy) return heldByMe ? 'You are handling this conversation. The bot is silent until you release it.' : `Taken by ${c.claimedBy.name}.`;
  if (c.state === 'awaiting_staff') return 'Waiting for a person. Claim it to reply.';
  if (c.state === 'closed') return 'This conversation has ended.';
  return c.complaintOfferedAt ? 'The bot offered to log a complaint; the resident has not answered yet.' : 'The bot is handling this conversation.';
}

function MessageItem({ message: m, staffName }: { message: TConversationMessage; staffName: string | undefined }) {
  const author = m.author === 'staff' ? `Staff${staffName ? `: ${staffName}` : ''}` : AUTHOR_NAMES[m.author];
  return (
    <li className={`message message-${m.direction} message-${m.author}`}>
      <p className="message-meta">
        <span className="strong">{author}</span>, {formatTime(m.createdAt)}
        {m.direction === 'outbound' && <span className={`delivery delivery-${m.deliveryStatus}`}> · {DELIVERY_LABELS[m.deliveryStatus]}</span>}
      </p>
      <p className="message-body">{m.body}</p>
      <Attachments media={m.media} />
    </li>
  );
}

function ReplyForm({ conversationId, channel, showsTyping, onSent }: { conversationId: string; channel: string; showsTyping: boolean; onSent: (messages: TConversationMessage[]) => void }) {
  const [text, setText] = useState('');
  const typing = useTypingSignal(conversationId, showsTyping);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    typing.stop();
    try {
      const answer = await api<{ messages: TConversationMessage[] }>(`/conversations/${conversationId}/messages`, { method: 'POST', body: { text } });
      onSent(answer.messages);
      setText('');
    } catch (caught) {
      setError((caught as Error).message.replace(/^text: /, ''));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate className="reply-form">
      <label htmlFor="reply-text">Your reply to the resident</label>
      <p className="hint" id="reply-hint">
        Sent by {channel}. Press Send, or Ctrl and Enter.
      </p>
      <textarea
        id="reply-text"
        rows={3}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          typing.typed(e.target.value);
        }}
        onBlur={typing.stop}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
        aria-describedby={error ? 'reply-hint reply-error' : 'reply-hint'}
        aria-invalid={error ? true : undefined}
      />
      {error && (
        <p id="reply-error" role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Send
      </button>
    </form>
  );
}

function ConvertPanel({ detail }: { detail: TConversationDetail }) {
  const [kind, setKind] = useState<ContactKind | null>(null);
  // The prefill as the server works it out now (the chat may have moved on since the page loaded).
  const [fresh, setFresh] = useState<TConversationDetail>(detail);
  const [error, setError] = useState<string>();
  const id = detail.conversation.id;
  const resident: PickedResident | null = fresh.resident ? { id: fresh.resident.id, label: fresh.resident.name ?? 'No name recorded' } : null;
  const open = async (next: ContactKind) => {
    if (kind === next) return setKind(null);
    setError(undefined);
    try {
      setFresh(await api<TConversationDetail>(`/conversations/${id}`));
      setKind(next);
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  const submit = async (values: ContactValues) => {
    if (kind === 'complaint') {
      const complaint = await api<{ reference: string }>(`/conversations/${id}/complaint`, {
        method: 'POST',
        body: { residentId: values.residentId, summary: values.text, receivedAt: values.receivedAt },
      });
      return `Complaint ${complaint.reference} logged. It is now waiting to be acknowledged.`;
    }
    const request = await api<TServiceRequest>(`/conversations/${id}/service-request`, {
      method: 'POST',
      body: { residentId: values.residentId, description: values.text, receivedAt: values.receivedAt },
    });
    return `Service request ${request.reference} recorded.`;
  };
  return (
    <>
      <div className="actions">
        <button type="button" className="secondary" aria-expanded={kind === 'complaint'} onClick={() => void open('complaint')}>
          Log as a complaint
        </button>
        <button type="button" className="secondary" aria-expanded={kind === 'service_request'} onClick={() => void open('service_request')}>
          Record as a service request
        </button>
      </div>
      <FormError error={error} />
      {kind && (
        <ContactForm
          key={kind}
          kind={kind}
          defaults={{
            resident,
            text: fresh.complaintDraft.summary,
            receivedAt: kind === 'complaint' ? fresh.complaintDraft.receivedAt : (fresh.messages.find((m) => m.direction === 'inbound')?.createdAt ?? new Date()),
          }}
          submit={submit}
        />
      )}
    </>
  );
}

function ResidentAside({ detail }: { detail: TConversationDetail }) {
  const [linking, setLinking] = useState(false);
  const [error, setError] = useState<string>();
  const resident = detail.resident;
  const link = async (picked: PickedResident | null) => {
    if (!picked) return;
    setError(undefined);
    try {
      await api(`/conversations/${detail.conversation.id}/resident`, { method: 'POST', body: { residentId: picked.id } });
      setLinking(false);
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  return (
    <aside aria-label="Resident" className="resident-aside">
      {resident ? (
        <ResidentPanel residentId={resident.id} />
      ) : (
        <p>This conversation is not linked to a resident yet.</p>
      )}
      <button type="button" className="secondary" aria-expanded={linking} onClick={() => setLinking(!linking)}>
        {resident ? 'Link to a different resident' : 'Link to a resident'}
      </button>
      <FormError error={error} />
      {linking && <ResidentPicker value={null} onChange={(picked) => void link(picked)} legend="Link this conversation to" />}
    </aside>
  );
}
