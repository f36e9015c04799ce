// While a member of staff writes a reply on web chat, the resident sees "typing…" (as they do
// while the bot answers). Best effort: a lost signal only means a missing indicator, so failures
// are ignored; the server stops showing it on its own when the reply arrives or the page closes.
import { useCallback, useEffect, useRef } from 'react';
import { api } from '../../shared/api.ts';

/** Re-announce "still typing" this often, and stop after this long without a keystroke. */
const REPEAT_MS = 4_000;
const IDLE_MS = 6_000;

export function useTypingSignal(conversationId: string, enabled: boolean) {
  const lastSent = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout>>(undefined);

  const send = useCallback(
    (typing: boolean) => void api(`/conversations/${conversationId}/typing`, { method: 'POST', body: { typing } }).catch(() => undefined),
    [conversationId],
  );

  const stop = useCallback(() => {
    clearTimeout(idle.current);
    if (lastSent.current === 0) return;
    lastSent.current = 0;
    send(false);
  }, [send]);

  const typed = useCallback(
    (text: string) => {
      if (!enabled) return;
      if (!text.trim()) return stop();
      const now = Date.now();
      if (now - lastSent.current >= REPEAT_MS) {
        lastSent.current = now;
        send(true);
      }
      clearTimeout(idle.current);
      idle.current = setTimeout(stop, IDLE_MS);
    },
    [enabled, send, stop],
  );

  useEffect(() => stop, [stop]);
  return { typed, stop };
}
