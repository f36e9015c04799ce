// One open case: loaded from the API, kept live from `complaint.*` events, and never overwritten
// under someone's unsaved input. A newer version that arrives while any form on the page has
// unsaved changes is held back and the "changed by" notice shown instead; Reload applies it.
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { ZComplaintEventSchema, type TComplaintView, type TStaffSessionUser } from '@complaints/server/schemas';
import { api, ApiError } from '../../shared/api.ts';
import { useStaffEvents } from '../live/staffSocket.ts';

export interface StaleNoticeState {
  by: string | null;
  at: string | null;
}

export interface CaseContextValue {
  complaint: TComplaintView;
  user: TStaffSessionUser;
  /** Runs a save that answers with the case; applies it, or shows the notice on 409 (and rethrows). */
  save: (request: () => Promise<TComplaintView>) => Promise<TComplaintView>;
  /** Forms say when they hold unsaved input, so live changes do not wipe it. */
  setDirty: (key: string, dirty: boolean) => void;
  /** Says what just happened, where keyboard and screen reader users will find it; closes the action form unless told not to. */
  announce: (message: string, options?: { keepActionOpen?: boolean }) => void;
}

export const CaseContext = createContext<CaseContextValue | null>(null);

export function useCaseContext(): CaseContextValue {
  const value = useContext(CaseContext);
  if (!value) throw new Error('useCaseContext outside a case view');
  return value;
}

/** Reports `dirty` for this form while it is mounted. */
export function useDirty(key: string, dirty: boolean): void {
  const { setDirty } = useCaseContext();
  useEffect(() => {
    setDirty(key, dirty);
    return () => setDirty(key, false);
  }, [key, dirty, setDirty]);
}

export function useCase(id: string) {
  const [shown, setShown] = useState<TComplaintView>();
  const [error, setError] = useState<string>();
  const [stale, setStale] = useState<StaleNoticeState>();
  const shownRef = useRef<TComplaintView | undefined>(undefined);
  const pending = useRef<TComplaintView | undefined>(undefined);
  const dirty = useRef(new Set<string>());
  const inFlight = useRef(0);
  const parked = useRef<TComplaintView | undefined>(undefined);

  const show = useCallback((complaint: TComplaintView) => {
    shownRef.current = complaint;
    pending.current = undefined;
    setShown(complaint);
    setStale(undefined);
  }, []);

  /** A version from elsewhere: shown at once, unless someone is typing. */
  const incoming = useCallback(
    (complaint: TComplaintView) => {
      const current = shownRef.current;
      if (current && complaint.version <= current.version) return;
      if (inFlight.current > 0) {
        // Our own save's event can arrive before its answer: decide once the answer is in.
        if (!parked.current || complaint.version > parked.current.version) parked.current = complaint;
        return;
      }
      if (!current || dirty.current.size === 0) return show(complaint);
      if (!pending.current || complaint.version > pending.current.version) pending.current = complaint;
      setStale({ by: complaint.lastChange?.by ?? null, at: complaint.lastChange?.at ?? null });
    },
    [show],
  );

  const load = useCallback(async () => {
    try {
      const complaint = await api<TComplaintView>(`/complaints/${id}`);
      setError(undefined);
      return complaint;
    } catch (caught) {
      setError((caught as Error).message);
      return undefined;
    }
  }, [id]);

  useEffect(() => {
    void load().then((complaint) => complaint && show(complaint));
  }, [load, show]);

  useStaffEvents((type, payload) => {
    if (type === 'ready' && shownRef.current) void load().then((complaint) => complaint && incoming(complaint));
    if (!type.startsWith('complaint.')) return;
    const parsed = ZComplaintEventSchema.safeParse(payload);
    if (parsed.success && parsed.data.complaint.id === id) incoming(parsed.data.complaint);
  });

  const save = useCallback(
    async (request: () => Promise<TComplaintView>) => {
      inFlight.current += 1;
      try {
        const complaint = await request();
        show(complaint);
        return complaint;
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 409) {
          const details = (caught.details ?? {}) as { changedBy?: string | null; changedAt?: string | null };
          setStale({ by: details.changedBy ?? null, at: details.changedAt ?? null });
          const latest = await load();
          if (latest) pending.current = latest;
        }
        throw caught;
      } finally {
        inFlight.current -= 1;
        const waiting = parked.current;
        parked.current = undefined;
        if (waiting) incoming(waiting);
      }
    },
    [show, load, incoming],
  );

  const setDirty = useCallback((key: string, isDirty: boolean) => {
    if (isDirty) dirty.current.add(key);
    else dirty.current.delete(key);
  }, []);

  /** Applies the newest version (dropping unsaved input: the person chose to). */
  const reload = useCallback(async () => {
    const latest = pending.current ?? (await load());
    if (latest) show(latest);
  }, [load, show]);

  return { complaint: shown, error, stale, save, setDirty, reload };
}
