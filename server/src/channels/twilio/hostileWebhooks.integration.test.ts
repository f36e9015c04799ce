// Hostile input on the Twilio webhooks (issue 8, "Bad input and access"). Twilio does not resend
// an SMS it got a 4xx for, so a resident's text must be stored whatever it holds (after the
// documented normalisation: no U+0000, no unpaired surrogates); anything a real Twilio would not
// send gets a 4xx that says what is wrong; nothing is ever a 500, and the process carries on.
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTwilioWebhook } from '@complaints/bot';
import { fictionalMobile } from '@complaints/db/factories';
import { AUTH_TOKEN, PUBLIC_BASE_URL, inboundSms, inboundWhatsApp, messageSid, postWebhook, settle, startTwilioTestServer, type TwilioTestServer } from '../testing/twilioTestKit.ts';
import { HOSTILE_STRINGS, LONG_PHONE, anyText, expectedStoredText } from '../../testing/hostileInput.ts';

let server: TwilioTestServer;
const log: string[] = [];
/** Every MessageSid a webhook was answered 200 for: each must be stored. */
const acknowledged = new Map<string, string>();
let nextPhone = 100;
const phone = () => fictionalMobile(nextPhone++);

beforeAll(async () => {
  const logDestination = new Writable({
    write(chunk, _encoding, done) {
      log.push(String(chunk));
      done();
    },
  });
  server = await startTwilioTestServer({ env: { LOG_LEVEL: 'warn', NODE_ENV: 'production' }, logDestination });
});
afterAll(async () => server?.stop());

const WEBHOOK_LIMIT_BYTES = 64 * 1024;

async function post(path: string, params: Record<string, string>, options: Parameters<typeof postWebhook>[3] = {}) {
  const response = await postWebhook(server, path, params, options);
  const text = await response.text();
  if (response.status === 200 && params.MessageSid) acknowledged.set(params.MessageSid, params.Body ?? '');
  return { status: response.status, text, type: response.headers.get('content-type') ?? '' };
}

/** A raw request: any body bytes and content type, signed over the fields the server will read. */
async function raw(path: string, body: string | Buffer, contentType: string, signedParams: Record<string, string> | null) {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (signedParams) headers['x-twilio-signature'] = signTwilioWebhook(AUTH_TOKEN, PUBLIC_BASE_URL + path, signedParams);
  const response = await fetch(server.url + path, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}

const storedBody = async (sid: string) => (await server.context.prisma.message.findUnique({ where: { providerMessageId: sid } }))?.body;

describe('hostile message bodies, signed', () => {
  for (const [name, body] of Object.entries(HOSTILE_STRINGS)) {
    for (const channel of ['sms', 'whatsapp'] as const) {
      it(`${channel}: ${name} is stored as sent (after normalisation) or refused as too large`, async () => {
        const params = channel === 'sms' ? inboundSms(phone(), body) : inboundWhatsApp(phone(), body);
        const response = await post(`/twilio/${channel}`, params);
        if (new URLSearchParams(params).toString().length > WEBHOOK_LIMIT_BYTES) {
          expect(response.status).toBe(413);
          expect(response.text).toMatch(/too large.*64 KB/);
          return;
        }
        expect(response.status).toBe(200);
        expect(response.text).toMatch(/<Response><\/Response>/);
        expect(await storedBody(params.MessageSid!)).toBe(expectedStoredText(body));
      });
    }
  }

  it('the same hostile body without a signature, or with a wrong one, is refused 403 and not stored', async () => {
    for (const body of Object.values(HOSTILE_STRINGS).filter((text) => text.length < 10_000)) {
      const params = inboundSms(phone(), body);
      expect((await post('/twilio/sms', params, { signature: null })).status).toBe(403);
      expect((await post('/twilio/sms', params, { signature: 'bm90IGEgc2lnbmF0dXJl' })).status).toBe(403);
      expect(await storedBody(params.MessageSid!)).toBeUndefined();
    }
  });

  it('any body at all (fast-check): 200 and stored faithfully', async () => {
    await fc.assert(
      fc.asyncProperty(anyText(1600), async (body) => {
        const params = inboundSms(phone(), body);
        const response = await post('/twilio/sms', params);
        expect(response.status).toBe(200);
        expect(await storedBody(params.MessageSid!)).toBe(expectedStoredText(body));
      }),
      { numRuns: 60 },
    );
  });
});

describe('hostile fields, signed: a 4xx naming the field, never a 500', () => {
  const cases: [string, () => Record<string, string>, RegExp, string?][] = [
    ['a very long phone number', () => inboundSms(LONG_PHONE, 'hi'), /From/],
    ['HTML as the phone number', () => inboundSms('<script>alert(1)</script>', 'hi'), /From/],
    ['SQL as the phone number', () => inboundSms("+44' OR 1=1 --", 'hi'), /From/],
    ['a NUL in the phone number', () => inboundSms('+447700900\u0000123', 'hi'), /From/],
    ['an SMS number on WhatsApp', () => ({ ...inboundWhatsApp(phone(), 'hi'), From: phone() }), /From must be a WhatsApp address/, '/twilio/whatsapp'],
    ['a message id that is not Twilio’s', () => ({ ...inboundSms(phone(), 'hi'), MessageSid: "SM' OR 1=1" }), /MessageSid/],
    ['a NUL in the message id', () => ({ ...inboundSms(phone(), 'hi'), MessageSid: `SM${'0'.repeat(31)}\u0000` }), /MessageSid/],
    ['NumMedia not a number', () => inboundSms(phone(), 'hi', { NumMedia: 'lots' }), /NumMedia/],
    ['NumMedia huge', () => inboundSms(phone(), 'hi', { NumMedia: '1e9' }), /NumMedia/],
    ['NumMedia negative', () => inboundSms(phone(), 'hi', { NumMedia: '-1' }), /NumMedia/],
    ['a media item missing', () => inboundSms(phone(), 'hi', { NumMedia: '1' }), /MediaUrl0/],
    ['a media URL that is a script', () => inboundSms(phone(), 'hi', { NumMedia: '1', MediaUrl0: 'javascript:alert(1)', MediaContentType0: 'image/jpeg' }), /MediaUrl0/],
    ['a media URL with a NUL', () => inboundSms(phone(), 'hi', { NumMedia: '1', MediaUrl0: 'https://api.twilio.com/a\u0000b', MediaContentType0: 'image/jpeg' }), /MediaUrl0/],
    ['a media type with a NUL', () => inboundSms(phone(), 'hi', { NumMedia: '1', MediaUrl0: 'https://api.twilio.com/x', MediaContentType0: 'image/jpeg\u0000' }), /MediaContentType0/],
    ['a media type of 10,000 emoji', () => inboundSms(phone(), 'hi', { NumMedia: '1', MediaUrl0: 'https://api.twilio.com/x', MediaContentType0: '😀'.repeat(1000) }), /MediaContentType0/],
  ];
  for (const [name, params, field, path = '/twilio/sms'] of cases) {
    it(name, async () => {
      const response = await post(path, params());
      expect(response.status).toBe(400);
      expect(response.type).toMatch(/text\/plain/);
      expect(response.text).toMatch(field);
      expect(response.text).not.toMatch(/<script>|OR 1=1/);
    });
  }

  it('status callbacks with hostile fields: 204 or a 400 naming the field', async () => {
    const hostile = Object.values(HOSTILE_STRINGS).filter((text) => text.length < 5000);
    for (const value of [...hostile, LONG_PHONE]) {
      for (const params of <Record<string, string>[]>[
        { MessageSid: messageSid(), MessageStatus: value },
        { MessageSid: messageSid(), MessageStatus: 'delivered', ErrorCode: value },
        { MessageSid: value, MessageStatus: 'delivered' },
      ]) {
        const response = await post('/twilio/status', params);
        expect([204, 400]).toContain(response.status);
        if (response.status === 400) expect(response.text).toMatch(/MessageSid|MessageStatus|ErrorCode/);
      }
    }
  });

  it('any set of fields at all (fast-check): never a 5xx', async () => {
    const key = fc.oneof(fc.constantFrom('MessageSid', 'From', 'To', 'Body', 'NumMedia', 'MediaUrl0', 'MediaContentType0', 'MessageStatus', 'ErrorCode', 'hasOwnProperty', 'toString', 'constructor'), fc.string({ unit: 'binary', maxLength: 20 }));
    const value = fc.oneof(anyText(200), fc.constantFrom(messageSid(), fictionalMobile(5), 'whatsapp:+447700900005', '1', '11', 'delivered', 'https://api.twilio.com/x'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/twilio/sms', '/twilio/whatsapp', '/twilio/status'), fc.dictionary(key, value, { maxKeys: 12 }), async (path, params) => {
        const response = await post(path, params);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});

describe('bodies the parser refuses', () => {
  it('a body over the 64 KB limit: 413 saying so, signed or not', async () => {
    const params = inboundSms(phone(), 'a'.repeat(70_000));
    for (const signature of [undefined, null]) {
      const response = await post('/twilio/sms', params, { signature });
      expect(response.status).toBe(413);
      expect(response.text).toMatch(/too large.*64 KB/);
    }
  });

  it('a body of more than 1,000 fields: 413 saying so', async () => {
    const params = inboundSms(phone(), 'hi', Object.fromEntries(Array.from({ length: 1100 }, (_, i) => [`X${i}`, '1'])));
    const response = await post('/twilio/sms', params);
    expect(response.status).toBe(413);
    expect(response.text).toMatch(/too many fields/i);
  });

  it('invalid UTF-8 bytes become U+FFFD and the message is stored', async () => {
    const { Body: _placeholder, ...rest } = inboundSms(phone(), '');
    const params: Record<string, string> = { ...rest, Body: '' };
    // Body last, so that the bytes after it are its value.
    const body = Buffer.concat([Buffer.from(`${new URLSearchParams(params).toString()}caf`), Buffer.from([0xff, 0xfe, 0xc3])]);
    // What the server reads: each invalid byte decoded as U+FFFD.
    const response = await raw('/twilio/sms', body, 'application/x-www-form-urlencoded', { ...params, Body: 'caf\ufffd\ufffd\ufffd' });
    expect(response.status).toBe(200);
    acknowledged.set(params.MessageSid!, 'caf\ufffd\ufffd\ufffd');
    expect(await storedBody(params.MessageSid!)).toBe('caf\ufffd\ufffd\ufffd');
  });

  it('percent-escapes that are not UTF-8 are kept as written', async () => {
    const params = inboundSms(phone(), 'placeholder');
    const encoded = new URLSearchParams(params).toString().replace('Body=placeholder', 'Body=%FF%FE');
    const response = await raw('/twilio/sms', encoded, 'application/x-www-form-urlencoded', { ...params, Body: '%FF%FE' });
    expect(response.status).toBe(200);
    acknowledged.set(params.MessageSid!, '%FF%FE');
    expect(await storedBody(params.MessageSid!)).toBe('%FF%FE');
  });

  it('another content type: JSON, plain text, multipart, or an unknown charset, is refused', async () => {
    const params = inboundSms(phone(), 'hi');
    expect((await raw('/twilio/sms', JSON.stringify(params), 'application/json', {})).status).toBe(400);
    expect((await raw('/twilio/sms', JSON.stringify(params), 'application/json', null)).status).toBe(403);
    expect((await raw('/twilio/sms', new URLSearchParams(params).toString(), 'text/plain', {})).status).toBe(400);
    const charset = await raw('/twilio/sms', new URLSearchParams(params).toString(), 'application/x-www-form-urlencoded; charset=utf-16', params);
    expect(charset.status).toBe(415);
    expect(charset.text).toMatch(/charset/i);
    expect(await storedBody(params.MessageSid!)).toBeUndefined();
  });

  it('duplicate fields (two Bodies): 400', async () => {
    const params = inboundSms(phone(), 'one');
    const body = `${new URLSearchParams(params).toString()}&Body=two`;
    const response = await raw('/twilio/sms', body, 'application/x-www-form-urlencoded', { ...params, Body: ['one', 'two'] } as unknown as Record<string, string>);
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/Body/);
  });

  it('prototype-pollution field names reach nothing: the message is stored and Object.prototype untouched', async () => {
    for (const extra of <Record<string, string>[]>[{ __proto__polluted: '1' }, { '__proto__[polluted]': '1' }, { 'constructor[prototype][polluted]': '1' }, { hasOwnProperty: '1' }]) {
      const params = inboundSms(phone(), 'pollute', extra);
      const response = await post('/twilio/sms', params);
      expect(response.status).toBe(200);
    }
    const params = { ...inboundSms(phone(), 'pollute') };
    // The parser drops a field named __proto__, so Twilio's signature is over the rest.
    const body = `${new URLSearchParams(params).toString()}&__proto__=x&__proto__=y`;
    expect((await raw('/twilio/sms', body, 'application/x-www-form-urlencoded', params)).status).toBe(200);
    acknowledged.set(params.MessageSid!, 'pollute');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('afterwards', () => {
  it('the process is healthy, nothing was a 500, every acknowledged message is stored and its turn ran', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(log.join('')).not.toMatch(/unhandled error/);
    await settle(server);
    const stored = await server.context.prisma.message.findMany({ where: { providerMessageId: { in: [...acknowledged.keys()] } }, select: { providerMessageId: true, body: true, processedAt: true } });
    expect(stored).toHaveLength(acknowledged.size);
    for (const message of stored) {
      expect(message.body).toBe(expectedStoredText(acknowledged.get(message.providerMessageId!)!));
      expect(message.processedAt).not.toBeNull();
    }
  }, 120_000);
});
