// Every event the server pushes to staff, passed on to whichever screens are listening. The one
// socket lives in useSessionSocket; screens subscribe here instead of opening their own.
import { useEffect, useRef } from 'react';

export type StaffEventListener = (type: string, payload: unknown) => void;

const listeners = new Set<StaffEventListener>();

export function publishStaffEvent(type: string, payload: unknown): void {
  for (const listener of listeners) listener(type, payload);
}

/** Calls `listener` for every staff event while the component is mounted. The server sends
 *  `ready` on every (re)connection: screens refetch then, as events may have been missed. */
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
