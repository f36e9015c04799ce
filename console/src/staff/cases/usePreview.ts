// The letter an action would send, asked of the server as the form changes (debounced): the same
// engine call as the save, so the preview is the letter, or the engine's reason it cannot be yet.
import { useEffect, useRef, useState } from 'react';
import type { TCasePreview, TPreviewOperation } from '@complaints/server/schemas';
import { api, ApiError } from '../../shared/api.ts';

export type PreviewState = { state: 'waiting' } | { state: 'ready'; preview: TCasePreview } | { state: 'unavailable'; message: string };

export const PREVIEW_DELAY_MS = 400;

/** What is missing, in the schema's words ("The reasons for the decision cannot be empty"), without field paths. */
function whyNot(caught: unknown): string {
  if (caught instanceof ApiError && caught.status === 400 && Array.isArray(caught.details)) {
    const messages = (caught.details as { message?: unknown }[]).map((issue) => String(issue.message ?? '')).filter(Boolean);
    if (messages.length) return [...new Set(messages)].join('; ');
  }
  return (caught as Error).message;
}

export function usePreview(complaintId: string, operation: TPreviewOperation, body: unknown): PreviewState {
  const [result, setResult] = useState<PreviewState>({ state: 'waiting' });
  const latest = useRef(0);
  const key = JSON.stringify(body);
  useEffect(() => {
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      api<TCasePreview>(`/complaints/${complaintId}/preview/${operation}`, { method: 'POST', body: JSON.parse(key) })
        .then((preview) => ticket === latest.current && setResult({ state: 'ready', preview }))
        .catch((caught: unknown) => ticket === latest.current && setResult({ state: 'unavailable', message: whyNot(caught) }));
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [complaintId, operation, key]);
  return result;
}
