// Screens hear the server's staff events through one shared socket (opened by the shell).
import { createContext, useContext, useEffect, useRef } from 'react';
import type { Socket } from 'socket.io-client';

export const StaffSocketContext = createContext<Socket | null>(null);

/** A ref that always holds the latest value, so a listener attached once calls the current handler. */
function useLatest<T>(value: T) {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}

/** Calls `handler` for each `event` while the component is mounted (always the latest handler). */
export function useStaffEvent<T>(event: string, handler: (payload: T) => void): void {
  const socket = useContext(StaffSocketContext);
  const latest = useLatest(handler);
  useEffect(() => {
    if (!socket) return;
    const listener = (payload: T) => latest.current(payload);
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, event]);
}

/** Calls `handler` for every staff event whose name starts with `prefix` (e.g. 'complaint.'). */
export function useStaffEventsStartingWith(prefix: string, handler: (event: string, payload: unknown) => void): void {
  const socket = useContext(StaffSocketContext);
  const latest = useLatest(handler);
  useEffect(() => {
    if (!socket) return;
    const listener = (event: string, payload: unknown) => {
      if (event.startsWith(prefix)) latest.current(event, payload);
    };
    socket.onAny(listener);
    return () => {
      socket.offAny(listener);
    };
  }, [socket, prefix]);
}

/**
 * Calls `handler` whenever the live connection (re)connects: events sent while it was down (or
 * before it first connected) were missed, so the screen reloads its data.
 */
export function useConnected(handler: () => void): void {
  const socket = useContext(StaffSocketContext);
  const latest = useLatest(handler);
  useEffect(() => {
    if (!socket) return;
    const listener = () => latest.current();
    socket.on('connect', listener);
    return () => {
      socket.off('connect', listener);
    };
  }, [socket]);
}

/**
 * Calls `handler` for every staff event. The server sends `ready` on each (re)connection; every
 * payload is a plain object (the broadcaster's DTOs).
 */
export function useStaffEvents(handler: (event: string, payload: Record<string, unknown>) => void): void {
  useStaffEventsStartingWith('', (event, payload) => handler(event, (payload ?? {}) as Record<string, unknown>));
}
