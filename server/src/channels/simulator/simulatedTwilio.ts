// "Simulated Twilio" for the development phone simulator: the real Twilio channels (webhook
// routes with signature checks, adapters, outbox, the Twilio SDK building each request) with a
// dev-only account whose auth token is made up at start-up, and the SDK's httpClient replaced by
// this in-process stand-in. It records the bot's outbound messages on the simulated phone and
// then posts signed status callbacks (sent, delivered) to the server's own /twilio/status, as
// Twilio would. Nothing here can reach Twilio: config refuses the simulator when real Twilio
// credentials are set, and this client answers only the one request the sender makes. A simulated
// resident can attach a sample photo: its address has Twilio's form and the staff console opens it
// through the same media route as a real one (`media` stands in for Twilio's media API).
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { signTwilioWebhook, type MediaSource, type TwilioHttpClient } from '@complaints/bot';
import type { Logger } from '../../config/logger.ts';
import { SIMULATED_BOT_NUMBER, type TSimulatedChannel, type TSimulatedMessage } from '../../schemas/index.ts';
import { createPhoneLog, type PhoneLog } from './phoneLog.ts';

export interface SimulatedTwilio {
  /** Stands in for config.twilio. */
  settings: { accountSid: string; authToken: string; smsFrom: string; whatsappFrom: string; whatsappTemplateSid: undefined };
  /** The base URL webhooks are signed for (stands in for PUBLIC_BASE_URL). */
  publicBaseUrl: string;
  httpClient: TwilioHttpClient;
  /** Serves the sample photos simulated residents sent, as Twilio's media API would. */
  media: MediaSource;
  phones: PhoneLog;
  /** The server's own address once it listens: webhooks and callbacks are posted there. */
  attach(serverUrl: string): void;
  /** A message from a simulated phone, through the real signed webhook. */
  sendFromPhone(input: { channel: TSimulatedChannel; phone: string; body: string; photo?: boolean }): Promise<TSimulatedMessage>;
  close(): Promise<void>;
}

export interface SimulatedTwilioDeps {
  logger: Logger;
  publicBaseUrl: string;
  /**
   * Whether the outbox has stored this sid yet. A callback before that would still count (it is
   * kept until the sid is stored), but waiting keeps the page's Sent → Delivered steps paced from
   * the real send.
   */
  isStored(providerSid: string): Promise<boolean>;
  /** Pause between status callbacks (default 300 ms: long enough to watch on the page). */
  stepMs?: number;
}

const API_VERSION = '2010-04-01';
const newSid = (prefix = 'SM') => `${prefix}${randomBytes(16).toString('hex')}`;

/** A 64×48 PNG of a pale wall with a dark damp patch (fictional, made for the simulator). */
export const SAMPLE_PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAApklEQVR42u3YsQ2AIBBG4RvM2tpRnMHS8RzAwklsjUQCJxD485Ib4H0N4c6u8xh6DED2bPv6nAEAr+L49AXISvcxrLf0XIa1rJ+X6WvcBmtQH+lOkTQF/Kx3GKxevSM9wqgOKFufbgBQrT7RACAAFKwPDQAAAOAV0gTwlegAMPxvVGEfUNjIFHZihauEwl1I5DInchvlvA4AAAAAAAAAAAAAAIAqcwPS6k63rwy+7QAAAABJRU5ErkJggg==',
  'base64',
);
/** At most this many sample photo addresses are remembered (a long-running dev server). */
const MAX_PHOTOS = 1_000;

export function createSimulatedTwilio(deps: SimulatedTwilioDeps): SimulatedTwilio {
  const settings = {
    accountSid: `AC${'0'.repeat(16)}${randomBytes(8).toString('hex')}`,
    authToken: randomBytes(24).toString('hex'),
    smsFrom: SIMULATED_BOT_NUMBER,
    whatsappFrom: `whatsapp:${SIMULATED_BOT_NUMBER}`,
    whatsappTemplateSid: undefined,
  };
  const phones = createPhoneLog();
  /** The media addresses handed out, in order (each serves SAMPLE_PHOTO). */
  const photoUrls = new Set<string>();
  const stepMs = deps.stepMs ?? 300;
  const inFlight = new Set<Promise<void>>();
  let serverUrl: string | undefined;
  let closed = false;

  /** POSTs a form to one of the server's own Twilio routes, signed as Twilio signs it. */
  async function postSigned(path: string, params: Record<string, string>): Promise<number> {
    if (!serverUrl) throw new Error('the simulated Twilio is not attached to a running server');
    const response = await fetch(serverUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioWebhook(settings.authToken, deps.publicBaseUrl + path, params) },
      body: new URLSearchParams(params).toString(),
    });
    await response.arrayBuffer();
    return response.status;
  }

  async function reportDelivery(sid: string, to: string, from: string): Promise<void> {
    for (let waited = 0; !(await deps.isStored(sid)); waited += 50) {
      if (closed || waited > 10_000) return;
      await sleep(50);
    }
    for (const status of ['sent', 'delivered'] as const) {
      await sleep(stepMs);
      if (closed) return;
      const params = { MessageSid: sid, SmsSid: sid, MessageStatus: status, SmsStatus: status, AccountSid: settings.accountSid, From: from, To: to, ApiVersion: API_VERSION };
      const answer = await postSigned('/twilio/status', params);
      if (answer !== 204) {
        deps.logger.warn({ status: answer }, 'phone simulator: the status callback was refused');
        return;
      }
      phones.setStatus(sid, status);
    }
  }

  const httpClient: TwilioHttpClient = {
    async request(options) {
      const data = Object.fromEntries(Object.entries(options.data ?? {}).map(([k, v]) => [k, String(v)]));
      const isSend = options.method.toUpperCase() === 'POST' && /\/Accounts\/AC\w{32}\/Messages\.json$/.test(options.uri);
      if (!isSend || !data.To || !data.From) {
        return { statusCode: 404, headers: {}, body: JSON.stringify({ code: 20404, message: 'the phone simulator only sends messages', status: 404 }) };
      }
      const sid = newSid();
      const channel: TSimulatedChannel = data.To.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
      const body = data.Body ?? `[template ${data.ContentSid ?? ''}]`;
      phones.add(channel, data.To.replace(/^whatsapp:/, ''), { sid, from: 'bot', body, status: 'queued', at: new Date().toISOString() });
      // Only callbacks to our own status route: the URL the sender was configured with.
      if (data.StatusCallback === `${deps.publicBaseUrl}/twilio/status`) {
        const run = reportDelivery(sid, data.To, data.From).catch((error: unknown) => deps.logger.warn({ err: error }, 'phone simulator: status callback failed'));
        inFlight.add(run);
        void run.finally(() => inFlight.delete(run));
      }
      return {
        statusCode: 201,
        headers: {},
        body: JSON.stringify({ sid, account_sid: settings.accountSid, status: 'queued', to: data.To, from: data.From, body, api_version: API_VERSION, num_segments: '1' }),
      };
    },
  };

  return {
    settings,
    publicBaseUrl: deps.publicBaseUrl,
    httpClient,
    phones,
    media: {
      async open(url) {
        if (!photoUrls.has(url)) return { outcome: 'not_ours' };
        const body = new Blob([new Uint8Array(SAMPLE_PHOTO)]).stream();
        return { outcome: 'opened', media: { contentType: 'image/png', contentLength: SAMPLE_PHOTO.length, body } };
      },
    },
    attach: (url) => void (serverUrl = url),
    async sendFromPhone({ channel, phone, body, photo = false }) {
      const sid = newSid(photo ? 'MM' : 'SM');
      const message: TSimulatedMessage = { sid, from: 'resident', body, ...(photo ? { photo } : {}), status: 'sending', at: new Date().toISOString() };
      phones.add(channel, phone, message);
      // Twilio's form of a media address; Twilio would need the account's credentials to open it.
      const photoUrl = `https://api.twilio.com/${API_VERSION}/Accounts/${settings.accountSid}/Messages/${sid}/Media/${newSid('ME')}`;
      if (photo) {
        photoUrls.add(photoUrl);
        if (photoUrls.size > MAX_PHOTOS) photoUrls.delete(photoUrls.values().next().value!);
      }
      const media: Record<string, string> = photo ? { NumMedia: '1', MediaUrl0: photoUrl, MediaContentType0: 'image/png' } : { NumMedia: '0' };
      // The fields Twilio posts for an inbound message on each channel.
      const common = { MessageSid: sid, SmsSid: sid, SmsMessageSid: sid, AccountSid: settings.accountSid, Body: body, ...media, NumSegments: '1', SmsStatus: 'received', ApiVersion: API_VERSION };
      const params =
        channel === 'sms'
          ? { ...common, From: phone, To: settings.smsFrom, FromCountry: 'GB', ToCountry: 'GB' }
          : { ...common, From: `whatsapp:${phone}`, To: settings.whatsappFrom, WaId: phone.slice(1), ProfileName: 'Simulated resident', MessageType: photo ? 'image' : 'text' };
      const answer = await postSigned(`/twilio/${channel}`, params);
      const status = answer === 200 ? 'received' : 'rejected';
      phones.setStatus(sid, status);
      if (status === 'rejected') deps.logger.warn({ status: answer, channel }, 'phone simulator: the webhook refused a simulated message');
      return { ...message, status };
    },
    async close() {
      closed = true;
      phones.close();
      await Promise.all([...inFlight]);
    },
  };
}
