// Staff events about outbound messages: plain DTOs, never a phone number or a message body.
import type { Broadcaster } from '../../realtime/broadcaster.ts';

export interface MessageRef {
  messageId: string;
  conversationId: string;
  channel: string;
}

export function messageDeliveryChanged(broadcaster: Broadcaster, ref: MessageRef, deliveryStatus: string, reason?: string): void {
  broadcaster.toStaff({ type: 'message.delivery', payload: { ...ref, deliveryStatus, ...(reason ? { reason } : {}) } });
}
