// Words and times as the triage screens show them. Display only: every rule (queues, deadlines,
// working days) comes from the server.
import { useEffect, useState } from 'react';
import type { TConversationMessage, TConversationSummary } from '@complaints/server/schemas';

export const DETECTOR_LABELS: Record<string, string> = {
  complaint: 'Dissatisfied (possible complaint)',
  service_request: 'Service request',
  compliment: 'Compliment',
  other: 'Other',
};

export const DELIVERY_LABELS: Record<TConversationMessage['deliveryStatus'], string> = {
  received: 'Received',
  queued: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Not delivered: sending failed',
  undelivered: 'Not delivered',
  suppressed: 'Not sent: the resident has opted out',
};

export const AUTHOR_NAMES: Record<TConversationMessage['author'], string> = {
  resident: 'Resident',
  representative: 'Representative',
  bot: 'Bot',
  staff: 'Staff',
  system: 'System',
};

export const UNKNOWN_RESIDENT = 'unknown resident';

export function residentLabel(resident: TConversationSummary['resident']): string {
  return resident?.name ?? UNKNOWN_RESIDENT;
}

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const LONDON_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });

export const formatTime = (iso: string) => LONDON_TIME.format(new Date(iso));
/** A civil date (YYYY-MM-DD) as a day, e.g. "Fri, 10 April 2026". */
export const formatDay = (civil: string) => LONDON_DAY.format(new Date(`${civil}T12:00:00Z`));

/** "less than a minute", "5 minutes", "2 hours 5 minutes", "3 days 4 hours". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'less than a minute';
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours ? `${plural(days, 'day')} ${plural(hours, 'hour')}` : plural(days, 'day');
  if (hours > 0) return mins ? `${plural(hours, 'hour')} ${plural(mins, 'minute')}` : plural(hours, 'hour');
  return plural(mins, 'minute');
}

/** The current time, refreshed every `everyMs` so waiting times tick. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** A datetime-local input's value for an instant, in the browser's time zone. */
export function toLocalInput(iso: string | Date): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local input's value as the ISO instant the API takes ('' stays '' so the server can say what is missing). */
export function fromLocalInput(value: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

