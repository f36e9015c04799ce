// Where the resident writes. Enter sends; Shift+Enter starts a new line (said in the hint).
import { useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';

interface Props {
  input: RefObject<HTMLTextAreaElement | null>;
  onSend: (text: string) => boolean;
  onTyping: () => void;
}

export function Composer({ input, onSend, onTyping }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');

  function send(event?: FormEvent) {
    event?.preventDefault();
    if (!onSend(text)) {
      setError('Please type a message first.');
      input.current?.focus();
      return;
    }
    setText('');
    setError('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Not while an input method is composing a character (Chinese, Japanese, Korean…).
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) send(event);
  }

  return (
    <form className="chat-composer" onSubmit={send} noValidate>
      <label htmlFor="chat-message">Your message</label>
      <p id="chat-message-hint" className="hint">
        Press Enter to send. For a new line, press Shift and Enter.
      </p>
      {error && (
        <p id="chat-message-error" className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <textarea
          id="chat-message"
          ref={input}
          rows={2}
          value={text}
          aria-describedby={error ? 'chat-message-hint chat-message-error' : 'chat-message-hint'}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setText(event.target.value);
            if (error) setError('');
            onTyping();
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit">Send</button>
      </div>
    </form>
  );
}
