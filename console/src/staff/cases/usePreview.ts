// The letter an action would send, asked of the server as the form changes (debounced): the same
// engine call as the save, so the preview is the letter, or the engine's reason it cannot be yet.
import { useEffect, useRef, useState } from 'react';
import type { TCasePreview, TPreviewOperation } from '@complaints/server/schemas';
import { api } from '../../shared/api.ts';

export type PreviewState = { state: 'waiting' } | { state: 'ready'; preview: TCasePreview } | { state: 'unavailable'; message: string };

export const PREVIEW_DELAY_MS = 400;

export function usePreview(complaintId: string, operation: TPreviewOperation, body: unknown): PreviewState {
  const [result, setResult] = useState<PreviewState>({ state: 'waiting' });
  const latest = useRef(0);
  const key = JSON.stringify(body);
  useEffect(() => {
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      api<TCasePreview>(`/complaints/${complaintId}/preview/${operation}`, { method: 'POST', body: JSON.parse(key) })
        .then((preview) => ticket === latest.current && setResult({ state: 'ready', preview }))
        .catch((caught: unknown) => ticket === latest.current && setResult({ state: 'unavailable', message: (caught as Error).message }));
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [complaintId, operation, key]);
  return result;
}
