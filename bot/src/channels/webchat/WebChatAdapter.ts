// The resident web chat. Every bot reply is persisted through the OutboundQueue port first;
// there is no provider to hand it to, so once stored it is pushed straight to the resident's
// open socket through an injected callback (this package needs no socket.io types). A resident
// who is offline misses nothing: the stored row is replayed when they reconnect.
import type { OutboundQueue } from '../ChannelPorts.ts';
import { StoredMessageAdapter } from '../StoredMessageAdapter.ts';

/** A stored outbound message, handed to the transport to deliver live. */
export interface WebChatDelivery {
  conversationId: string;
  messageId: string;
}

export type WebChatPush = (delivery: WebChatDelivery) => Promise<void> | void;

export class WebChatAdapter extends StoredMessageAdapter {
  readonly channel = 'webchat' as const;

  constructor(
    private readonly outbound: OutboundQueue,
    private readonly push: WebChatPush,
  ) {
    super();
  }

  protected async deliver(text: string, conversationId: string, address: string, staffUserId?: string): Promise<string[]> {
    const { messageId } = await this.outbound.enqueue({ conversationId, channel: this.channel, address, body: text, ...(staffUserId ? { staffUserId } : {}) });
    // Stored before pushed: a failed push only costs the resident a replay, never the message.
    try {
      await this.push({ conversationId, messageId });
    } catch {
      // Deliberately ignored: the row is stored and the client replays it after reconnecting.
    }
    return [messageId];
  }
}
