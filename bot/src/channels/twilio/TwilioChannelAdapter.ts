// The Twilio channels: replies go to the outbound queue (one row per part) and a worker sends
// them later, so nothing here talks to Twilio.
import type { OutboundQueue } from '../ChannelPorts.ts';
import { StoredMessageAdapter } from '../StoredMessageAdapter.ts';

export { conversationReferenceFor } from '../StoredMessageAdapter.ts';

export type TwilioChannel = 'sms' | 'whatsapp';

export abstract class TwilioChannelAdapter extends StoredMessageAdapter {
  abstract override readonly channel: TwilioChannel;

  constructor(private readonly outbound: OutboundQueue) {
    super();
  }

  /** Splits one bot text into the bodies actually sent (SMS keeps to two segments each). */
  protected abstract bodies(text: string): string[];

  protected async deliver(text: string, conversationId: string, address: string, staffUserId?: string): Promise<string[]> {
    const ids: string[] = [];
    for (const body of this.bodies(text)) {
      const { messageId } = await this.outbound.enqueue({ conversationId, channel: this.channel, address, body, ...(staffUserId ? { staffUserId } : {}) });
      ids.push(messageId);
    }
    return ids;
  }
}
