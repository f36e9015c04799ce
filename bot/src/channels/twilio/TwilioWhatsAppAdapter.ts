import { splitMessage } from '../segments.ts';
import { TwilioChannelAdapter } from './TwilioChannelAdapter.ts';

/** Twilio refuses WhatsApp bodies over 1,600 characters. */
export const WHATSAPP_MAX_BODY = 1600;

/** WhatsApp has no segments; only very long texts are split, at sentence or word boundaries. */
export class TwilioWhatsAppAdapter extends TwilioChannelAdapter {
  readonly channel = 'whatsapp' as const;

  protected bodies(text: string): string[] {
    return splitMessage(text, (chunk) => chunk.length <= WHATSAPP_MAX_BODY);
  }
}
