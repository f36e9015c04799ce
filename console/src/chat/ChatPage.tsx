// The resident web chat (/chat). Plain words throughout: some residents are not fluent in
// English. Everything works with the keyboard alone, and new messages from the assistant or
// staff are read out by screen readers (Announcer), the resident's own are not.
import { useRef } from 'react';
import { Announcer } from './Announcer.tsx';
import { Composer } from './Composer.tsx';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { MessageLog } from './MessageLog.tsx';
import { TypingIndicator } from './TypingIndicator.tsx';
import { useChat } from './useChat.ts';
import { useEmbedBridge } from './useEmbedBridge.ts';

export function ChatPage({ embedded }: { embedded: boolean }) {
  const [state, client] = useChat();
  const input = useRef<HTMLTextAreaElement>(null);
  useEmbedBridge(embedded, input);
  return (
    <div className={embedded ? 'chat embedded' : 'chat'}>
      <header className="chat-header">
        <h1>Chat with us</h1>
        <p>Tell us about a problem with your home, or make a complaint. An automated assistant answers first. To talk to a person, type AGENT.</p>
      </header>
      <ConnectionStatus connection={state.connection} notice={state.notice} onRetry={() => client.reconnect()} />
      <MessageLog log={state.log} outbox={state.outbox} online={state.connection === 'online'} typing={state.typing} onRetry={(id) => client.retry(id)} onRemove={(id) => client.remove(id)} />
      <TypingIndicator typing={state.typing} />
      <Composer input={input} onSend={(text) => client.send(text)} onTyping={() => client.residentTyping()} />
      <Announcer announcements={state.announcements} />
    </div>
  );
}
