import { describe, expect, it } from 'vitest';
import { createFakeTwilioHttpClient } from './fakeTwilioHttpClient.ts';
import { createTwilioSender } from './TwilioSender.ts';

const ACCOUNT = 'AC' + '0'.repeat(32);
const CALLBACK = 'https://complaints.example.org/twilio/status';

function sender() {
  const http = createFakeTwilioHttpClient();
  const send = createTwilioSender({
    accountSid: ACCOUNT,
    authToken: 'secret',
    smsFrom: '+447700900001',
    whatsappFrom: 'whatsapp:+447700900002',
    statusCallbackUrl: CALLBACK,
    httpClient: http,
  });
  return { http, send };
}

describe('TwilioSender (real SDK, fake HTTP)', () => {
  it('creates an SMS with To, From, Body and the status callback, and returns the sid', async () => {
    const { http, send } = sender();
    const outcome = await send.send({ channel: 'sms', to: '+447700900123', body: 'Hello' });
    expect(outcome).toEqual({ outcome: 'accepted', providerSid: http.accepted[0] });
    expect(http.requests[0]).toMatchObject({
      method: 'post',
      uri: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Messages.json`,
      data: { To: '+447700900123', From: '+447700900001', Body: 'Hello', StatusCallback: CALLBACK },
    });
  });

  it('sends WhatsApp with the whatsapp: prefix, and a template as ContentSid and ContentVariables', async () => {
    const { http, send } = sender();
    const contentSid = 'HX' + 'b'.repeat(32);
    await send.send({ channel: 'whatsapp', to: '+447700900123', body: 'Update', template: { contentSid, variables: { '1': 'Update' } } });
    expect(http.requests[0]!.data).toMatchObject({ To: 'whatsapp:+447700900123', From: 'whatsapp:+447700900002', ContentSid: contentSid, ContentVariables: '{"1":"Update"}' });
    expect(http.requests[0]!.data.Body).toBeUndefined();
  });

  it('asks for a retry on 5xx, 429 and network errors, and gives up on other 4xx', async () => {
    const { http, send } = sender();
    http.respondWith({ status: 500 }, { status: 503 }, { status: 429 }, { networkError: true }, { status: 400 });
    const message = { channel: 'sms' as const, to: '+447700900123', body: 'Hi' };
    expect((await send.send(message)).outcome).toBe('retry');
    expect((await send.send(message)).outcome).toBe('retry');
    expect(await send.send(message)).toEqual({ outcome: 'retry', error: 'Twilio HTTP 429 code 20429' });
    expect((await send.send(message)).outcome).toBe('retry');
    expect(await send.send(message)).toEqual({ outcome: 'rejected', error: 'Twilio HTTP 400 code 21211' });
    expect(http.accepted).toHaveLength(0);
  });

  it('rejects a channel with no sender configured without calling Twilio', async () => {
    const http = createFakeTwilioHttpClient();
    const send = createTwilioSender({ accountSid: ACCOUNT, authToken: 'x', smsFrom: '+447700900001', whatsappFrom: undefined, statusCallbackUrl: CALLBACK, httpClient: http });
    expect((await send.send({ channel: 'whatsapp', to: '+447700900123', body: 'Hi' })).outcome).toBe('rejected');
    expect(http.requests).toHaveLength(0);
  });
});
