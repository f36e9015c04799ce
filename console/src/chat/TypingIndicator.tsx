import type { ChatState } from './chatClient.ts';

const WHO = { bot: 'The automated assistant is typing', staff: 'A member of staff is typing' } as const;

// Shown, not read out: the reply itself is announced a moment later.
export function TypingIndicator({ typing }: { typing: ChatState['typing'] }) {
  return (
    <p className="chat-typing">
      {typing && (
        <>
          {WHO[typing]}
          <span className="dots" aria-hidden="true">
            …
          </span>
        </>
      )}
    </p>
  );
}
