// Delivery status only moves forward. Twilio's status callbacks can arrive out of order (a late
// "sent" after "delivered"); failed and undelivered are final, as is a suppressed message.
import type { DeliveryStatus } from '@complaints/db';

const RANK: Partial<Record<DeliveryStatus, number>> = {
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  failed: 4,
  undelivered: 4,
  read: 5,
};
const FINAL: DeliveryStatus[] = ['failed', 'undelivered', 'suppressed', 'received'];

/** Twilio's MessageStatus as ours; null for statuses that say nothing new about delivery. */
export function fromTwilioStatus(status: string): DeliveryStatus | null {
  switch (status) {
    case 'queued':
    case 'accepted':
    case 'scheduled':
      return 'queued';
    case 'sending':
    case 'sent':
    case 'delivered':
    case 'read':
    case 'failed':
    case 'undelivered':
      return status;
    case 'canceled':
      return 'failed';
    default:
      return null;
  }
}

export function canMoveTo(current: DeliveryStatus, next: DeliveryStatus): boolean {
  if (FINAL.includes(current)) return false;
  return (RANK[next] ?? 0) > (RANK[current] ?? 0);
}

/** The statuses a message may be in for `next` to apply: the compare-and-set condition. */
export function statusesBefore(next: DeliveryStatus): DeliveryStatus[] {
  return (Object.keys(RANK) as DeliveryStatus[]).filter((current) => canMoveTo(current, next));
}
