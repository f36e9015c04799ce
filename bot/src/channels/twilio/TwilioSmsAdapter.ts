import { splitForSms } from '../segments.ts';
import { TwilioChannelAdapter } from './TwilioChannelAdapter.ts';

/** SMS: each bot text becomes one or more bodies of at most two segments. */
export class TwilioSmsAdapter extends TwilioChannelAdapter {
  readonly channel = 'sms' as const;

  protected bodies(text: string): string[] {
    return splitForSms(text, 2);
  }
}
