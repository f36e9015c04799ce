// The conversation as the chat page holds it, as plain functions (no socket, no DOM): messages
// the server has stored, ordered by seq and never twice, and the resident's messages not yet
// stored (the outbox), which survive a reload and are resent with the same clientId.
import type { TWebChatMessage } from '@complaints/server/schemas';

export type StoredMessage = TWebChatMessage;

/** A message the resident wrote that the server has not acknowledged yet. */
export interface PendingMessage {
  clientId: string;
  text: string;
  createdAt: string;
  /** waiting: to be sent when connected (or after a rate limit); failed: the server refused it. */
  state: 'waiting' | 'sending' | 'failed';
  error?: string;
}

/** Adds stored messages (live, acknowledged or replayed) to the log: by seq, each once. */
export function mergeMessages(log: StoredMessage[], incoming: StoredMessage[]): { log: StoredMessage[]; added: StoredMessage[] } {
  const known = new Set(log.map((message) => message.seq));
  const added: StoredMessage[] = [];
  for (const message of incoming) {
    if (known.has(message.seq)) continue;
    known.add(message.seq);
    added.push(message);
  }
  if (added.length === 0) return { log, added };
  const merged = [...log, ...added].sort((a, b) => a.seq - b.seq);
  return { log: merged, added: added.sort((a, b) => a.seq - b.seq) };
}

export function lastSeq(log: StoredMessage[]): number {
  return log.at(-1)?.seq ?? 0;
}

/** Messages from the assistant or staff: these are announced to screen readers as they arrive. */
export const isIncoming = (message: StoredMessage) => message.author !== 'resident' && message.author !== 'representative';

export const AUTHOR_LABELS: Record<StoredMessage['author'], string> = {
  resident: 'You',
  representative: 'You',
  bot: 'Automated assistant',
  staff: 'Member of staff',
  system: 'Notice',
};

/** The outbox as read back from storage: anything malformed is dropped; a send cut short is retried. */
export function restoreOutbox(saved: unknown): PendingMessage[] {
  if (!Array.isArray(saved)) return [];
  return saved
    .filter(
      (item): item is PendingMessage =>
        typeof item === 'object' && item !== null && typeof item.clientId === 'string' && typeof item.text === 'string' && typeof item.createdAt === 'string',
    )
    .map((item) => ({
      clientId: item.clientId,
      text: item.text,
      createdAt: item.createdAt,
      state: item.state === 'failed' ? 'failed' : 'waiting',
      ...(item.state === 'failed' && typeof item.error === 'string' ? { error: item.error } : {}),
    }));
}

export function updatePending(outbox: PendingMessage[], clientId: string, change: Partial<PendingMessage>): PendingMessage[] {
  return outbox.map((item) => (item.clientId === clientId ? { ...item, ...change } : item));
}

/** A version 4 UUID. crypto.randomUUID exists only on https and localhost; a trial on a LAN address is plain http. */
export function newClientId(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
