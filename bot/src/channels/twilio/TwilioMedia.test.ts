import { describe, expect, it } from 'vitest';
import { createTwilioMediaSource, isAccountMediaUrl, type MediaFetch } from './TwilioMedia.ts';

const ACCOUNT = 'AC' + '12'.repeat(16);
const MEDIA_URL = `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Messages/MM${'3'.repeat(32)}/Media/ME${'4'.repeat(32)}`;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

function recordingFetch(answer: (url: string) => Response) {
  const calls: { url: string; headers: Record<string, string>; redirect: string }[] = [];
  const fetch: MediaFetch = async (url, init) => {
    calls.push({ url, headers: init.headers, redirect: init.redirect });
    return answer(url);
  };
  return { fetch, calls };
}

describe('isAccountMediaUrl', () => {
  it('accepts only this account’s media on api.twilio.com over https', () => {
    expect(isAccountMediaUrl(MEDIA_URL, ACCOUNT)).toBe(true);
    expect(isAccountMediaUrl(MEDIA_URL, 'AC' + '99'.repeat(16))).toBe(false);
    expect(isAccountMediaUrl(MEDIA_URL.replace('https:', 'http:'), ACCOUNT)).toBe(false);
    expect(isAccountMediaUrl(MEDIA_URL.replace('api.twilio.com', 'api.twilio.com.example.org'), ACCOUNT)).toBe(false);
    expect(isAccountMediaUrl(MEDIA_URL.replace('https://', 'https://user:pass@'), ACCOUNT)).toBe(false);
    expect(isAccountMediaUrl(`${MEDIA_URL}/../../../Messages.json`, ACCOUNT)).toBe(false);
    expect(isAccountMediaUrl('not a url', ACCOUNT)).toBe(false);
  });
});

describe('createTwilioMediaSource', () => {
  it('sends the credentials to Twilio, then follows the redirect to the media store without them', async () => {
    const { fetch, calls } = recordingFetch((url) =>
      url === MEDIA_URL
        ? new Response(null, { status: 307, headers: { location: 'https://media.example.org/signed/abc' } })
        : new Response(PNG, { status: 200, headers: { 'content-type': 'image/png', 'content-length': '4' } }),
    );
    const opened = await createTwilioMediaSource({ accountSid: ACCOUNT, authToken: 'secret-token', fetch }).open(MEDIA_URL);
    expect(calls.map((c) => c.url)).toEqual([MEDIA_URL, 'https://media.example.org/signed/abc']);
    expect(calls[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`${ACCOUNT}:secret-token`).toString('base64')}`);
    expect(calls[0]!.redirect).toBe('manual');
    expect(calls[1]!.headers).toEqual({});
    if (opened.outcome !== 'opened') throw new Error(`not opened: ${opened.outcome}`);
    expect(opened.media).toMatchObject({ contentType: 'image/png', contentLength: 4 });
    expect(new Uint8Array(await new Response(opened.media.body).arrayBuffer())).toEqual(PNG);
  });

  it('never fetches an address that is not this account’s Twilio media', async () => {
    const { fetch, calls } = recordingFetch(() => new Response(PNG));
    const source = createTwilioMediaSource({ accountSid: ACCOUNT, authToken: 'secret-token', fetch });
    expect(await source.open('https://evil.example.org/collect')).toEqual({ outcome: 'not_ours' });
    expect(calls).toHaveLength(0);
  });

  it('reports Twilio errors and redirects away from https as failures', async () => {
    const missing = recordingFetch(() => new Response('{"code":20404}', { status: 404 }));
    expect(await createTwilioMediaSource({ accountSid: ACCOUNT, authToken: 't', fetch: missing.fetch }).open(MEDIA_URL)).toEqual({ outcome: 'failed', error: 'Twilio HTTP 404' });
    const downgrade = recordingFetch(() => new Response(null, { status: 302, headers: { location: 'http://media.example.org/x' } }));
    expect(await createTwilioMediaSource({ accountSid: ACCOUNT, authToken: 't', fetch: downgrade.fetch }).open(MEDIA_URL)).toMatchObject({ outcome: 'failed' });
    expect(downgrade.calls).toHaveLength(1);
  });
});
