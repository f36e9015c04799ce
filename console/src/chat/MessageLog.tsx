// The conversation: stored messages in order, then the resident's messages still to be sent,
// each with who wrote it and, for the resident's own, whether it has been sent.
import { useEffect, useRef } from 'react';
import type { ChatState } from './chatClient.ts';
import { AUTHOR_LABELS, isIncoming, type PendingMessage, type StoredMessage } from './conversation.ts';

interface Props {
  log: StoredMessage[];
  outbox: PendingMessage[];
  online: boolean;
  typing: ChatState['typing'];
  onRetry: (clientId: string) => void;
  onRemove: (clientId: string) => void;
}

const time = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

export function MessageLog({ log, outbox, online, typing, onRetry, onRemove }: Props) {
  const region = useRef<HTMLElement>(null);
  // Keep the newest message in view: inside the log when it scrolls, or the page on short screens.
  useEffect(() => {
    const element = region.current;
    if (element) element.scrollTop = element.scrollHeight;
    const page = document.scrollingElement;
    if (page && page.scrollHeight > page.clientHeight) page.scrollTop = page.scrollHeight;
  }, [log.length, outbox.length, typing]);

  return (
    // Focusable so that keyboard users can scroll back through it.
    <section ref={region} className="chat-log" aria-labelledby="chat-log-heading" tabIndex={0}>
      <h2 id="chat-log-heading" className="visually-hidden">
        Conversation
      </h2>
      {log.length === 0 && outbox.length === 0 && <p className="chat-empty">Write your message below. For example: “My boiler is broken” or “I want to make a complaint”.</p>}
      <ol className="messages">
        {log.map((message) => (
          <li key={message.seq} className={`message ${isIncoming(message) ? `from-${message.author}` : 'own'}`}>
            <p className="meta">
              <span className="author">{AUTHOR_LABELS[message.author]}</span> <time dateTime={message.createdAt}>{time(message.createdAt)}</time>
            </p>
            <p className="text">{message.text}</p>
            {!isIncoming(message) && <p className="state">Sent</p>}
          </li>
        ))}
        {outbox.map((message) => (
          <Pending key={message.clientId} message={message} online={online} onRetry={onRetry} onRemove={onRemove} />
        ))}
      </ol>
    </section>
  );
}

function Pending({ message, online, onRetry, onRemove }: { message: PendingMessage; online: boolean } & Pick<Props, 'onRetry' | 'onRemove'>) {
  const textId = `pending-${message.clientId}`;
  const state =
    message.state === 'failed' ? `Not sent. ${message.error ?? ''}` : message.state === 'sending' || online ? 'Sending…' : 'Waiting to send. It will be sent when you are connected.';
  return (
    <li className={`message own ${message.state}`}>
      <p className="meta">
        <span className="author">{AUTHOR_LABELS.resident}</span> <time dateTime={message.createdAt}>{time(message.createdAt)}</time>
      </p>
      <p className="text" id={textId}>
        {message.text}
      </p>
      <p className="state">{state}</p>
      {message.state === 'failed' && (
        <p className="actions">
          <button type="button" onClick={() => onRetry(message.clientId)} aria-describedby={textId}>
            Try again
          </button>
          <button type="button" className="secondary" onClick={() => onRemove(message.clientId)} aria-describedby={textId}>
            Delete
          </button>
        </p>
      )}
    </li>
  );
}
