// A stand-in for Twilio's HTTP layer (the only place tests fake Twilio): the real SDK builds the
// request, this records it and answers with scripted responses, then 201 with a fresh sid.
import { randomBytes } from 'node:crypto';
import type { TwilioHttpClient } from './TwilioSender.ts';

export interface RecordedTwilioRequest {
  method: string;
  uri: string;
  data: Record<string, string>;
}

export type ScriptedResponse = { status: number; body?: Record<string, unknown> } | { networkError: true };

export interface FakeTwilioHttpClient extends TwilioHttpClient {
  readonly requests: RecordedTwilioRequest[];
  /** Sids of the messages answered 201. */
  readonly accepted: string[];
  /** Queues answers for the next requests, in order. */
  respondWith(...responses: ScriptedResponse[]): void;
}

export function createFakeTwilioHttpClient(): FakeTwilioHttpClient {
  const script: ScriptedResponse[] = [];
  const requests: RecordedTwilioRequest[] = [];
  const accepted: string[] = [];
  return {
    requests,
    accepted,
    respondWith: (...responses) => void script.push(...responses),
    async request(options) {
      const data = Object.fromEntries(Object.entries(options.data ?? {}).map(([k, v]) => [k, String(v)]));
      requests.push({ method: options.method, uri: options.uri, data });
      const next = script.shift() ?? { status: 201 };
      if ('networkError' in next) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      if (next.status === 201) {
        const sid = `SM${randomBytes(16).toString('hex')}`;
        accepted.push(sid);
        return { statusCode: 201, headers: {}, body: JSON.stringify({ sid, status: 'queued', to: data.To, from: data.From, ...next.body }) };
      }
      const body = next.body ?? { code: next.status === 429 ? 20429 : next.status >= 500 ? 20500 : 21211, message: 'scripted failure', status: next.status };
      return { statusCode: next.status, headers: {}, body: JSON.stringify(body) };
    },
  };
}
