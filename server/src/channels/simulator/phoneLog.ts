// The simulated phones: what each fictional number sent and received, kept in memory for the
// development simulator page (the database holds the real record). Bounded so a long-running
// dev server cannot grow without limit.
import type { TSimulatedChannel, TSimulatedMessage, TSimulatedThread } from '../../schemas/index.ts';

const MAX_THREADS = 200;
const MAX_MESSAGES = 300;

export interface ThreadWatcher {
  update(thread: TSimulatedThread): void;
  end(): void;
}

export interface PhoneLog {
  thread(channel: TSimulatedChannel, phone: string): TSimulatedThread;
  add(channel: TSimulatedChannel, phone: string, message: TSimulatedMessage): void;
  setStatus(sid: string, status: TSimulatedMessage['status']): void;
  watch(channel: TSimulatedChannel, phone: string, watcher: ThreadWatcher): () => void;
  /** Ends every watcher (the server is stopping). */
  close(): void;
}

export function createPhoneLog(): PhoneLog {
  const threads = new Map<string, TSimulatedMessage[]>();
  const keyOfSid = new Map<string, string>();
  const watchers = new Map<string, Set<ThreadWatcher>>();
  const keyOf = (channel: TSimulatedChannel, phone: string) => `${channel}:${phone}`;
  const snapshot = (key: string): TSimulatedThread => {
    const [channel, phone] = key.split(':') as [TSimulatedChannel, string];
    return { channel, phone, messages: (threads.get(key) ?? []).map((message) => ({ ...message })) };
  };
  const changed = (key: string) => {
    const thread = snapshot(key);
    for (const watcher of watchers.get(key) ?? []) watcher.update(thread);
  };

  return {
    thread: (channel, phone) => snapshot(keyOf(channel, phone)),
    add(channel, phone, message) {
      const key = keyOf(channel, phone);
      if (!threads.has(key) && threads.size >= MAX_THREADS) {
        const oldest = threads.keys().next().value as string;
        for (const old of threads.get(oldest) ?? []) keyOfSid.delete(old.sid);
        threads.delete(oldest);
      }
      const messages = threads.get(key) ?? [];
      messages.push(message);
      while (messages.length > MAX_MESSAGES) keyOfSid.delete(messages.shift()!.sid);
      threads.set(key, messages);
      keyOfSid.set(message.sid, key);
      changed(key);
    },
    setStatus(sid, status) {
      const key = keyOfSid.get(sid);
      const message = key ? threads.get(key)?.find((m) => m.sid === sid) : undefined;
      if (!key || !message) return;
      message.status = status;
      changed(key);
    },
    watch(channel, phone, watcher) {
      const key = keyOf(channel, phone);
      const set = watchers.get(key) ?? new Set();
      set.add(watcher);
      watchers.set(key, set);
      return () => {
        set.delete(watcher);
        if (set.size === 0) watchers.delete(key);
      };
    },
    close() {
      for (const set of watchers.values()) for (const watcher of set) watcher.end();
      watchers.clear();
    },
  };
}
