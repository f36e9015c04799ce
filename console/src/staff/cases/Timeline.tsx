// 5.12: the case's full record, newest first: messages on every channel (with delivery status),
// with their attachments, letters (printable), notes and the audit log in sentences (the
// resident opting out of a channel included). Kept live from staff events.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import {
  CASE_NOTE_ADDED_EVENT,
  CHANNEL_LABELS,
  CONVERSATION_MESSAGE_EVENT,
  LETTER_KIND_LABELS,
  STAGE_LABELS,
  ZAddCaseNoteSchema,
  ZCaseNoteEventSchema,
  ZConversationMessageSchema,
  type TComplaintView,
  type TTimeline,
  type TTimelineItem,
} from '@complaints/server/schemas';
import { api } from '../../shared/api.ts';
import { Attachments } from '../Attachments.tsx';
import { useStaffEvents } from '../live/staffSocket.ts';
import { TextArea } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';
import { formErrorsFrom, issuesToFieldErrors, type FormErrors } from './formErrors.ts';
import { formatInstant } from './format.ts';

const AUTHORS: Record<string, string> = { resident: 'the resident', representative: 'the representative', bot: 'the bot', staff: 'staff', system: 'the system' };
const DELIVERY: Record<string, string> = {
  received: 'received',
  queued: 'waiting to send',
  sending: 'sending',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed to send',
  undelivered: 'not delivered',
  suppressed: 'not sent (opted out or restricted)',
};

/** Newest first; a later copy of an item (a delivery update) replaces the earlier one. */
function merge(current: TTimelineItem[], incoming: TTimelineItem[]): TTimelineItem[] {
  const byKey = new Map(current.map((item) => [item.key, item]));
  for (const item of incoming) byKey.set(item.key, item);
  const order = new Map([...incoming, ...current].map((item, index) => [item.key, index]));
  return [...byKey.values()].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
}

function useTimeline(complaintId: string) {
  const [items, setItems] = useState<TTimelineItem[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [conversationIds, setConversationIds] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [loaded, setLoaded] = useState(false);
  const olderLoaded = useRef(false);

  const refresh = useCallback(async () => {
    try {
      const page = await api<TTimeline>(`/complaints/${complaintId}/timeline`);
      setItems((current) => merge(current, page.items));
      if (!olderLoaded.current) setNextCursor(page.nextCursor);
      setConversationIds(page.conversationIds);
      setError(undefined);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setLoaded(true);
    }
  }, [complaintId]);

  const loadOlder = useCallback(async () => {
    if (!nextCursor) return;
    try {
      const page = await api<TTimeline>(`/complaints/${complaintId}/timeline?before=${encodeURIComponent(nextCursor)}`);
      olderLoaded.current = true;
      setItems((current) => merge(current, page.items));
      setNextCursor(page.nextCursor);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, [complaintId, nextCursor]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useStaffEvents((type, payload) => {
    if (type === CONVERSATION_MESSAGE_EVENT) {
      const parsed = ZConversationMessageSchema.safeParse((payload as { message?: unknown })?.message);
      if (parsed.success && conversationIds.includes(parsed.data.conversationId)) {
        const message = parsed.data;
        setItems((current) => merge(current, [{ type: 'message', key: `message:${message.id}`, at: message.createdAt, message }]));
      }
    } else if (type === 'message.delivery') {
      const { messageId, deliveryStatus } = (payload ?? {}) as { messageId?: string; deliveryStatus?: string };
      setItems((current) =>
        current.map((item) =>
          item.type === 'message' && item.message.id === messageId && deliveryStatus && deliveryStatus in DELIVERY
            ? { ...item, message: { ...item.message, deliveryStatus: deliveryStatus as typeof item.message.deliveryStatus } }
            : item,
        ),
      );
    } else if (type === 'channel.opted_out' || type === 'channel.opted_in') {
      // The resident sent STOP or START in one of the case's conversations: its entry is an audit row.
      if (conversationIds.includes(String((payload as { conversationId?: unknown })?.conversationId))) void refresh();
    } else if (type === CASE_NOTE_ADDED_EVENT) {
      const parsed = ZCaseNoteEventSchema.safeParse(payload);
      if (parsed.success && parsed.data.complaintId === complaintId) setItems((current) => merge(current, [parsed.data.item]));
    } else if (type === 'ready' || (type.startsWith('complaint.') && (payload as { complaint?: { id?: string } })?.complaint?.id === complaintId)) {
      void refresh();
    }
  });

  const added = (item: TTimelineItem) => setItems((current) => merge(current, [item]));
  return { items, nextCursor, error, loaded, loadOlder, added };
}

function ItemBody({ item }: { item: TTimelineItem }) {
  switch (item.type) {
    case 'message': {
      const m = item.message;
      const channel = CHANNEL_LABELS[m.channel] ?? m.channel;
      return (
        <>
          <p className="item-title">
            {channel} {m.direction === 'inbound' ? `from ${AUTHORS[m.author] ?? m.author}` : `to the resident, from ${AUTHORS[m.author] ?? m.author}`}
            <span className="delivery"> — {DELIVERY[m.deliveryStatus] ?? m.deliveryStatus}</span>
          </p>
          <p className="message-body">{m.body}</p>
          <Attachments media={m.media} />
        </>
      );
    }
    case 'letter':
      return (
        <p className="item-title">
          {LETTER_KIND_LABELS[item.letter.kind] ?? item.letter.kind} ({STAGE_LABELS[item.letter.stage]}){item.letter.largePrint ? ', large print' : ''}
          {item.letter.createdBy ? `, by ${item.letter.createdBy}` : ''}.{' '}
          <a href={item.letter.url} target="_blank" rel="noopener noreferrer">
            Open the printable letter<span className="visually-hidden"> ({LETTER_KIND_LABELS[item.letter.kind] ?? item.letter.kind}, opens in a new tab)</span>
          </a>
        </p>
      );
    case 'note':
      return (
        <>
          <p className="item-title">Note by {item.note.author}</p>
          <p className="message-body">{item.note.body}</p>
        </>
      );
    case 'event':
      return (
        <>
          <p className="item-title">
            {item.event.summary} <span className="hint">({item.event.actor})</span>
          </p>
          {item.event.details.length > 0 && (
            <ul className="details">
              {item.event.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
        </>
      );
  }
}

function NoteForm({ complaintId, onAdded }: { complaintId: string; onAdded: (item: TTimelineItem) => void }) {
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    const checked = ZAddCaseNoteSchema.safeParse({ body });
    if (!checked.success) return setErrors({ fields: issuesToFieldErrors(checked.error.issues) });
    setBusy(true);
    try {
      onAdded(await api<TTimelineItem>(`/complaints/${complaintId}/notes`, { method: 'POST', body: { body } }));
      setBody('');
      setErrors({ fields: {} });
      setSaved('Note added.');
    } catch (caught) {
      setErrors(formErrorsFrom(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="note-form">
      <TextArea id="note-body" label="Add a note" rows={3} required value={body} onChange={setBody} error={errors.fields.body} />
      <FormAlert errors={errors} />
      <button type="submit" disabled={busy}>
        {busy ? 'Adding…' : 'Add note'}
      </button>
      <p role="status" className="hint">
        {saved}
      </p>
    </form>
  );
}

export function Timeline({ complaint, canAddNotes }: { complaint: TComplaintView; canAddNotes: boolean }) {
  const { items, nextCursor, error, loaded, loadOlder, added } = useTimeline(complaint.id);
  return (
    <section aria-labelledby="timeline-heading" className="panel">
      <h2 id="timeline-heading">Timeline</h2>
      {canAddNotes && <NoteForm complaintId={complaint.id} onAdded={added} />}
      {error && (
        <p role="alert" className="error">
          The timeline could not be loaded: {error}
        </p>
      )}
      {!loaded && <p aria-busy="true">Loading the timeline…</p>}
      <ol className="timeline" aria-label="Everything on this case, newest first">
        {items.map((item) => (
          <li key={item.key} className={`timeline-item timeline-${item.type}`}>
            <time dateTime={item.at}>{formatInstant(item.at)}</time>
            <ItemBody item={item} />
          </li>
        ))}
      </ol>
      {nextCursor && (
        <button type="button" className="secondary" onClick={() => void loadOlder()}>
          Show earlier entries
        </button>
      )}
    </section>
  );
}
