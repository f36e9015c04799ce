// Sends one queued message through Twilio's REST API. Called by the server's outbox worker,
// never inside a turn. The outcome says whether the worker should retry: 429, 5xx and network
// failures are worth another attempt; any other 4xx will fail the same way again.
import twilio from 'twilio';
import type { WhatsAppTemplate } from '../whatsappWindow.ts';
import type { TwilioChannel } from './TwilioChannelAdapter.ts';

/**
 * The part of Twilio's RequestClient the SDK calls. Declared here so tests can pass a fake
 * without the rest of the code importing Twilio's types.
 */
export interface TwilioHttpClient {
  request(options: {
    method: string;
    uri: string;
    data?: Record<string, unknown>;
    params?: Record<string, unknown>;
    headers?: Record<string, string>;
  }): Promise<{ statusCode: number; body: unknown; headers: unknown }>;
}

export interface OutboundSend {
  channel: TwilioChannel;
  /** E.164; the whatsapp: prefix is added here. */
  to: string;
  body: string;
  /** Outside WhatsApp's 24-hour window: the approved template instead of free text. */
  template?: WhatsAppTemplate;
}

export type SendOutcome =
  | { outcome: 'accepted'; providerSid: string }
  | { outcome: 'retry'; error: string }
  | { outcome: 'rejected'; error: string };

export interface MessageSender {
  send(message: OutboundSend): Promise<SendOutcome>;
}

export interface TwilioSenderOptions {
  accountSid: string;
  authToken: string;
  smsFrom: string | undefined;
  whatsappFrom: string | undefined;
  /** PUBLIC_BASE_URL + '/twilio/status' */
  statusCallbackUrl: string;
  httpClient?: TwilioHttpClient;
}

export function createTwilioSender(options: TwilioSenderOptions): MessageSender {
  const client = twilio(options.accountSid, options.authToken, {
    // The outbox owns retries (with its own backoff and attempt count), so the SDK must not retry.
    autoRetry: false,
    ...(options.httpClient ? { httpClient: options.httpClient as unknown as NonNullable<twilio.ClientOpts['httpClient']> } : {}),
  });
  return {
    async send(message) {
      const from = message.channel === 'sms' ? options.smsFrom : options.whatsappFrom;
      if (!from) return { outcome: 'rejected', error: `no ${message.channel} sender configured` };
      const to = message.channel === 'whatsapp' ? `whatsapp:${message.to}` : message.to;
      const content = message.template
        ? { contentSid: message.template.contentSid, contentVariables: JSON.stringify(message.template.variables) }
        : { body: message.body };
      try {
        const created = await client.messages.create({ to, from, statusCallback: options.statusCallbackUrl, ...content });
        return { outcome: 'accepted', providerSid: created.sid };
      } catch (error) {
        return classifyFailure(error);
      }
    },
  };
}

/** Only the HTTP status and Twilio's error code are kept: Twilio's messages can quote the number. */
export function classifyFailure(error: unknown): SendOutcome {
  const status = typeof (error as { status?: unknown })?.status === 'number' ? (error as { status: number }).status : undefined;
  const code = (error as { code?: unknown })?.code;
  if (status === undefined) {
    const name = error instanceof Error ? error.name : 'unknown';
    return { outcome: 'retry', error: `network error (${name})` };
  }
  const error_ = `Twilio HTTP ${status}${typeof code === 'number' ? ` code ${code}` : ''}`;
  return status === 429 || status >= 500 ? { outcome: 'retry', error: error_ } : { outcome: 'rejected', error: error_ };
}
