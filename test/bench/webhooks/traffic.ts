// The webhooks the benchmark sends: Twilio SMS webhooks signed with the SDK's own function
// (as Twilio signs them), each with a unique MessageSid. Senders mix the two shapes of a real
// storm: most messages come from many different numbers, and a few numbers send a long run of
// messages into one conversation each. Bodies are residents' messages from the detector corpus
// with a tag on the end, so the staff event for each one can be matched to its request.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { signTwilioWebhook } from '@complaints/bot';

export const PUBLIC_BASE_URL = 'https://complaints.example.org';
export const AUTH_TOKEN = 'bench-auth-token';
export const ACCOUNT_SID = 'AC' + '12'.repeat(16);
export const SMS_FROM = '+447700900001';
export const SMS_PATH = '/twilio/sms';

/** Ofcom's drama range has 1000 numbers: 2-11 are the busy senders, 12-997 the many. */
const BUSY_SENDERS = 10;
const FIRST_SENDER = 2;
const LAST_SENDER = 997;
/** Reserved for the baseline's one conversation, so product traffic never lands in it. */
export const BASELINE_PHONE = '+447700900999';
/** Share of messages from the busy senders. */
const BUSY_SHARE = 0.3;

export interface Webhook {
  sid: string;
  /** Ties the staff console event (which carries the body) to this request. */
  tag: string;
  form: string;
  signature: string;
}

const corpus = readFileSync(new URL('../../../bot/corpus/messages.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { text: string }).text);

export function phone(n: number): string {
  return `+447700900${String(n).padStart(3, '0')}`;
}

export function createTraffic(seed = 1) {
  let count = 0;
  let nextMany = FIRST_SENDER + BUSY_SENDERS;
  // A small deterministic generator: the same run sends the same mix.
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  return {
    next(): Webhook {
      count++;
      let sender: number;
      if (random() < BUSY_SHARE) sender = FIRST_SENDER + Math.floor(random() * BUSY_SENDERS);
      else {
        sender = nextMany;
        nextMany = nextMany === LAST_SENDER ? FIRST_SENDER + BUSY_SENDERS : nextMany + 1;
      }
      const tag = `#b${count.toString(36)}`;
      const params = {
        MessageSid: `SM${randomBytes(16).toString('hex')}`,
        AccountSid: ACCOUNT_SID,
        From: phone(sender),
        To: SMS_FROM,
        Body: `${corpus[Math.floor(random() * corpus.length)]} ${tag}`,
        NumMedia: '0',
        NumSegments: '1',
        SmsStatus: 'received',
        ApiVersion: '2010-04-01',
      };
      return {
        sid: params.MessageSid,
        tag,
        form: new URLSearchParams(params).toString(),
        signature: signTwilioWebhook(AUTH_TOKEN, PUBLIC_BASE_URL + SMS_PATH, params),
      };
    },
    get sent() {
      return count;
    },
  };
}

export type Traffic = ReturnType<typeof createTraffic>;

/** The tag at the end of a stored body, if it is one of ours. */
export function tagOf(body: string): string | undefined {
  return /(#b[0-9a-z]+)$/.exec(body)?.[1];
}
