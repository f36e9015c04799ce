// Live events from the server (the broadcaster's plain DTOs) for any screen that wants them. The
// shell's one socket (useSessionSocket) publishes here; screens subscribe while they are shown.
import { useEffect, useRef } from 'react';

export type StaffEventListener = (type: string, payload: Record<string, unknown>) => void;

const listeners = new Set<StaffEventListener>();

export function publishStaffEvent(type: string, payload: unknown): void {
  for (const listener of listeners) listener(type, (payload ?? {}) as Record<string, unknown>);
}

/** Calls `listener` for every staff event while the component is mounted (the latest listener is always used). */
export function useStaffEvents(listener: StaffEventListener): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    const forward: StaffEventListener = (type, payload) => latest.current(type, payload);
    listeners.add(forward);
    return () => {
      listeners.delete(forward);
    };
  }, []);
}
