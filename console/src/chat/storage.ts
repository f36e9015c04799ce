// What the chat keeps on the resident's device (localStorage): the session secret, so a reload
// resumes the conversation, and the outbox, so a message typed offline is not lost by a reload.
// Message history is not kept: it is replayed from the server. Storage can be unavailable
// (blocked, full, some private modes); the chat then still works for this page's lifetime.
import { restoreOutbox, type PendingMessage } from './conversation.ts';

const SESSION_KEY = 'complaints-chat:session';
const OUTBOX_KEY = 'complaints-chat:outbox';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Not stored: this page still holds it in memory.
  }
}

export const chatStorage = {
  sessionId: (): string | undefined => read(SESSION_KEY) ?? undefined,
  saveSessionId: (sessionId: string) => write(SESSION_KEY, sessionId),
  outbox(): PendingMessage[] {
    try {
      return restoreOutbox(JSON.parse(read(OUTBOX_KEY) ?? '[]'));
    } catch {
      return [];
    }
  },
  saveOutbox: (outbox: PendingMessage[]) => write(OUTBOX_KEY, outbox.length ? JSON.stringify(outbox) : null),
};
