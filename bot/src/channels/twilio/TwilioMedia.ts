// Fetches an attachment a resident sent (MediaUrl0…) from Twilio. Twilio's media addresses need
// the account's credentials (HTTP basic auth), then redirect to a short-lived signed address on
// Twilio's media store. The credentials go only to api.twilio.com and only for this account's own
// media: the URL came from a webhook, and a stored URL must never make us send the auth token
// elsewhere. The redirect is followed by hand, without them.

export interface OpenedMedia {
  /** As the media host answered it (the caller checks it before serving anything). */
  contentType: string | null;
  contentLength: number | null;
  body: ReadableStream<Uint8Array>;
}

export type MediaOpenOutcome =
  | { outcome: 'opened'; media: OpenedMedia }
  /** Not one of this account's Twilio media addresses: not fetched. */
  | { outcome: 'not_ours' }
  | { outcome: 'failed'; error: string };

/** Where the server gets attachments from: Twilio, or the phone simulator's simulated Twilio. */
export interface MediaSource {
  open(url: string): Promise<MediaOpenOutcome>;
}

/** The part of fetch used here, so tests can answer as Twilio and its media store would. */
export type MediaFetch = (url: string, init: { headers: Record<string, string>; redirect: 'manual' | 'follow'; signal: AbortSignal }) => Promise<Response>;

export interface TwilioMediaOptions {
  accountSid: string;
  authToken: string;
  fetch?: MediaFetch;
  /** For the whole download, body included (WhatsApp allows videos of 16 MB). */
  timeoutMs?: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** True for https://api.twilio.com/2010-04-01/Accounts/{accountSid}/Messages/{sid}/Media/{sid}. */
export function isAccountMediaUrl(url: string, accountSid: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.host !== 'api.twilio.com' || parsed.username || parsed.password) return false;
  const match = /^\/2010-04-01\/Accounts\/(AC[0-9a-fA-F]{32})\/Messages\/[A-Z]{2}[0-9a-fA-F]{32}\/Media\/ME[0-9a-fA-F]{32}$/.exec(parsed.pathname);
  return match?.[1] === accountSid;
}

export function createTwilioMediaSource(options: TwilioMediaOptions): MediaSource {
  const fetchMedia: MediaFetch = options.fetch ?? ((url, init) => fetch(url, init));
  const authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  return {
    async open(url) {
      if (!isAccountMediaUrl(url, options.accountSid)) return { outcome: 'not_ours' };
      const signal = AbortSignal.timeout(options.timeoutMs ?? 60_000);
      try {
        let response = await fetchMedia(url, { headers: { authorization }, redirect: 'manual', signal });
        if (REDIRECTS.has(response.status)) {
          const location = response.headers.get('location');
          await response.body?.cancel();
          const next = location ? new URL(location, url) : undefined;
          if (!next || next.protocol !== 'https:') return { outcome: 'failed', error: 'Twilio redirected to an address that is not https' };
          response = await fetchMedia(next.href, { headers: {}, redirect: 'follow', signal });
        }
        if (!response.ok || !response.body) {
          await response.body?.cancel();
          return { outcome: 'failed', error: `Twilio HTTP ${response.status}` };
        }
        const length = Number(response.headers.get('content-length'));
        return {
          outcome: 'opened',
          media: { contentType: response.headers.get('content-type'), contentLength: Number.isSafeInteger(length) && length > 0 ? length : null, body: response.body },
        };
      } catch (error) {
        // The error's message can quote the address; its name is enough.
        return { outcome: 'failed', error: `network error (${error instanceof Error ? error.name : 'unknown'})` };
      }
    },
  };
}
