// In the landlord's site panel (embed snippet): Escape asks the snippet to close the panel, and
// when the panel opens the snippet asks for focus to go to the message box. The messages carry
// no data, so any origin may hear them; only the parent frame is obeyed.
import { useEffect, type RefObject } from 'react';
import { EMBED_CLOSE, EMBED_FOCUS } from './embedProtocol.ts';

export function useEmbedBridge(embedded: boolean, input: RefObject<HTMLTextAreaElement | null>): void {
  useEffect(() => {
    if (!embedded) return;
    input.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') window.parent.postMessage({ type: EMBED_CLOSE }, '*');
    };
    const onMessage = (event: MessageEvent) => {
      if (event.source === window.parent && (event.data as { type?: unknown } | null)?.type === EMBED_FOCUS) input.current?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('message', onMessage);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('message', onMessage);
    };
  }, [embedded, input]);
}
