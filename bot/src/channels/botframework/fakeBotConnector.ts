// For tests: a local HTTP server that plays Azure Bot Service. It publishes an OpenID
// configuration and a JWKS for a fresh RSA key (with channel endorsements, as the real one
// does), signs inbound tokens with that key, and records the replies the bot posts to
// /v3/conversations/... The real SDK validates and sends; only the network ends here.
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthenticationConstants, PasswordServiceClientCredentialFactory, TokenCredentials } from 'botframework-connector';

export interface RecordedReply {
  conversationId: string;
  replyToId: string | undefined;
  authorization: string | undefined;
  activity: { type?: string; text?: string; [key: string]: unknown };
}

export interface FakeBotConnector {
  /** The activity's serviceUrl: where the bot's replies go. */
  serviceUrl: string;
  /** Give this to BotConnector as openIdMetadataUrl. */
  openIdMetadataUrl: string;
  readonly replies: RecordedReply[];
  /** A token as Azure Bot Service would send it to the app; claims override the defaults. */
  token(claims?: Record<string, unknown>): string;
  /** A well-formed token signed with a key the channel never published. */
  forgedToken(claims?: Record<string, unknown>): string;
  /** A message activity from this channel (directline unless overridden). */
  activity(overrides?: Record<string, unknown>): Record<string, unknown>;
  /** Answers the next reply posts with these statuses (then 200 again). */
  respondWith(...statuses: number[]): void;
  close(): Promise<void>;
}

/** What the fake accepts as the bot's outbound token (see fixedTokenCredentials). */
export const FAKE_OUTBOUND_TOKEN = 'fake-bot-connector-token';
const KEY_ID = 'fake-channel-key';
const ENDORSEMENTS = ['directline', 'msteams', 'webchat'];

export async function startFakeBotConnector(appId: string): Promise<FakeBotConnector> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const jwk = publicKey.export({ format: 'jwk' });
  const replies: RecordedReply[] = [];
  const script: number[] = [];
  let base = '';

  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const path = req.url ?? '';
      if (req.method === 'GET' && path === '/.well-known/openidconfiguration') return json(200, { issuer: AuthenticationConstants.ToBotFromChannelTokenIssuer, jwks_uri: `${base}/keys` });
      if (req.method === 'GET' && path === '/keys') return json(200, { keys: [{ kid: KEY_ID, kty: 'RSA', use: 'sig', n: jwk.n, e: jwk.e, endorsements: ENDORSEMENTS }] });
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
      if (req.method !== 'POST' || !match) return json(404, { error: { code: 'NotFound', message: path } });
      const status = script.shift() ?? 200;
      if (status !== 200) return json(status, { error: { code: status === 403 ? 'BotNotInConversationRoster' : 'ServiceError', message: 'scripted failure' } });
      replies.push({
        conversationId: decodeURIComponent(match[1]!),
        replyToId: match[2] === undefined ? undefined : decodeURIComponent(match[2]),
        authorization: req.headers.authorization,
        activity: JSON.parse(body || '{}') as RecordedReply['activity'],
      });
      json(200, { id: `reply-${replies.length}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const claims = (extra: Record<string, unknown>) => {
    const now = Math.floor(Date.now() / 1000);
    return { iss: AuthenticationConstants.ToBotFromChannelTokenIssuer, aud: appId, serviceurl: base, nbf: now - 60, exp: now + 3600, ...extra };
  };
  return {
    serviceUrl: base,
    openIdMetadataUrl: `${base}/.well-known/openidconfiguration`,
    replies,
    token: (extra = {}) => signJwt(privateKey, claims(extra)),
    forgedToken: (extra = {}) => signJwt(forger, claims(extra)),
    activity: (overrides = {}) => ({
      type: 'message',
      id: randomUUID(),
      channelId: 'directline',
      serviceUrl: base,
      timestamp: new Date().toISOString(),
      conversation: { id: 'dl-conversation-1' },
      from: { id: 'dl-user-1', name: 'Resident' },
      recipient: { id: appId, name: 'Complaints bot' },
      text: 'hello',
      locale: 'en-GB',
      ...overrides,
    }),
    respondWith: (...statuses) => void script.push(...statuses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function signJwt(key: KeyObject, payload: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', kid: KEY_ID })}.${encode(payload)}`;
  return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), key).toString('base64url')}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => resolve(body));
  });
}

/**
 * The SDK's own password credentials factory (so the app id checks are the real ones), except
 * that outbound calls carry a fixed token instead of one fetched from Microsoft Entra ID.
 */
export class FixedTokenCredentialsFactory extends PasswordServiceClientCredentialFactory {
  constructor(appId: string, appPassword: string) {
    super(appId, appPassword, '');
  }

  override async createCredentials(appId: string): Promise<TokenCredentials> {
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    return new TokenCredentials(FAKE_OUTBOUND_TOKEN);
  }
}
