// Security headers on every response (issue 8): the console's pages, the resident chat and its
// embed snippet, the development simulator, static assets, the API (successes, 4xx and the
// error handler's answers), /healthz, the Twilio webhooks, socket.io's own responses (answered
// by engine.io before express) and Node's refusals of over-long requests. What each header is
// and why: securityHeaders.ts and README "Security".
import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInStaff, startTestServer, type ApiClient, type TestServer } from '../testing/testServer.ts';
import { inboundSms, messageSid, postWebhook, startTwilioTestServer, type TwilioTestServer } from '../channels/testing/twilioTestKit.ts';

let dist: string;
let development: TestServer;
let production: TwilioTestServer;
let staff: ApiClient;

beforeAll(async () => {
  // A stand-in console build: each page and one hashed asset.
  dist = mkdtempSync(path.join(tmpdir(), 'console-dist-'));
  mkdirSync(path.join(dist, 'chat'));
  mkdirSync(path.join(dist, 'assets'));
  for (const page of ['index', 'chat', 'simulator']) writeFileSync(path.join(dist, `${page}.html`), `<!doctype html><title>${page}</title>`);
  writeFileSync(path.join(dist, 'chat', 'embed.js'), '(function(){})();');
  writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1);');
  development = await startTestServer({ env: { NODE_ENV: 'development', LOG_LEVEL: 'silent' }, consoleDist: dist });
  production = await startTwilioTestServer({ env: { NODE_ENV: 'production' }, consoleDist: dist });
  ({ client: staff } = await createSignedInStaff(production, ['admin']));
});
afterAll(async () => {
  await development?.stop();
  await production?.stop();
  rmSync(dist, { recursive: true, force: true });
});

type Headers = Record<string, string | undefined>;
const headersOf = (response: Response): Headers => Object.fromEntries(response.headers.entries());

/** The headers securityHeaders.ts promises, on one response. */
function expectSecurityHeaders(headers: Headers, options: { production: boolean; what: string; crossOrigin?: boolean; csp?: RegExp }) {
  const { what } = options;
  expect(headers['content-security-policy'], what).toMatch(options.csp ?? /default-src 'self'/);
  expect(headers['content-security-policy'], what).toMatch(/frame-ancestors 'self'/);
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
  expect(headers['x-frame-options'], what).toBe('SAMEORIGIN');
  expect(headers['x-powered-by'], what).toBeUndefined();
  if (options.csp === undefined) {
    expect(headers['content-security-policy'], what).toMatch(/script-src 'self'/);
    expect(headers['content-security-policy'], what).toMatch(/object-src 'none'/);
    expect(headers['cross-origin-resource-policy'], what).toBe(options.crossOrigin ? 'cross-origin' : 'same-origin');
    expect(headers['cross-origin-opener-policy'], what).toBe('same-origin');
    if (options.production) {
      expect(headers['strict-transport-security'], what).toMatch(/max-age=\d+/);
      expect(headers['content-security-policy'], what).toMatch(/upgrade-insecure-requests/);
    } else expect(headers['strict-transport-security'], what).toBeUndefined();
  }
}

const PAGES: [string, number][] = [
  ['/', 200],
  ['/cases/' + randomUUID(), 200],
  ['/admin/staff', 200],
  ['/chat', 200],
  ['/chat/', 200],
  ['/chat?embed=1', 200],
  ['/assets/index-abc123.js', 200],
  ['/assets/missing-000000.js', 404],
  ['/healthz', 200],
  ['/api/openapi.json', 200],
  ['/api/auth/me', 401],
  ['/api/complaints', 401],
  ['/api/no-such-endpoint', 401],
  ['/api/messages', 404],
  ['/socket.io/?EIO=4&transport=polling', 200],
  ['/socket.io/?EIO=4&transport=polling&sid=unknown', 400],
  ['/socket.io/?EIO=99&transport=nonsense', 400],
];

describe('every page and API response carries the security headers', () => {
  for (const [name, server, isProduction] of [
    ['development', () => development, false],
    ['production', () => production, true],
  ] as const) {
    it(`${name}: pages, assets, the API, /healthz, 404s and socket.io`, async () => {
      for (const [pathname, status] of PAGES) {
        const response = await fetch(server().url + pathname, { redirect: 'manual' });
        expect(response.status, pathname).toBe(status);
        expectSecurityHeaders(headersOf(response), { production: isProduction, what: `${name} GET ${pathname}` });
      }
      const head = await fetch(`${server().url}/`, { method: 'HEAD' });
      expectSecurityHeaders(headersOf(head), { production: isProduction, what: `${name} HEAD /` });
    });

    it(`${name}: the embed snippet may be read by other sites, and is otherwise as locked down`, async () => {
      const response = await fetch(`${server().url}/chat/embed.js`);
      expect(response.status).toBe(200);
      expectSecurityHeaders(headersOf(response), { production: isProduction, what: `${name} embed.js`, crossOrigin: true });
    });

    it(`${name}: error responses (bad JSON, wrong type, too large, 404s, rate limits) keep them`, async () => {
      const post = (pathname: string, body: string, type = 'application/json') => fetch(server().url + pathname, { method: 'POST', headers: { 'content-type': type }, body });
      const errors: [string, Promise<Response>, number][] = [
        ['invalid JSON', post('/api/auth/login', '{'), 400],
        ['the wrong content type', post('/api/auth/login', 'email=a', 'application/x-www-form-urlencoded'), 400],
        ['a body over the limit', post('/api/auth/login', JSON.stringify({ email: 'a'.repeat(300_000) })), 413],
        ['an unknown charset', post('/api/auth/login', '{}', 'application/json; charset=latin1'), 415],
        ['a refused sign-in', post('/api/auth/login', JSON.stringify({ email: 'nobody@example.org', password: 'wrong password' })), 401],
        ['a request from another site', fetch(`${server().url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{}' }), 403],
      ];
      for (const [what, pending, status] of errors) {
        const response = await pending;
        expect(response.status, what).toBe(status);
        expectSecurityHeaders(headersOf(response), { production: isProduction, what: `${name} ${what}` });
      }
    });

    it(`${name}: a request Node refuses itself (an address over 16 KB) is answered with them too`, async () => {
      const response = await fetch(`${server().url}/api/complaints?q=${'a'.repeat(20_000)}`);
      expect(response.status).toBe(431);
      expectSecurityHeaders(headersOf(response), { production: isProduction, what: `${name} 431`, csp: /default-src 'none'/ });
    });

    it(`${name}: the websocket upgrade carries them`, async () => {
      const headers = await new Promise<Headers>((resolve, reject) => {
        const url = new URL(`${server().url}/socket.io/?EIO=4&transport=websocket`);
        const upgrade = httpRequest({
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': Buffer.from(randomUUID().slice(0, 16)).toString('base64') },
        });
        upgrade.once('upgrade', (response, socket) => {
          socket.destroy();
          resolve(response.headers as Headers);
        });
        upgrade.once('response', (response) => reject(new Error(`no upgrade: ${response.statusCode}`)));
        upgrade.once('error', reject);
        upgrade.end();
      });
      expectSecurityHeaders(headers, { production: isProduction, what: `${name} websocket upgrade` });
    });
  }

  it('development: the phone simulator page and its API', async () => {
    for (const [pathname, status] of [
      ['/simulator', 200],
      ['/simulator/api/thread?channel=sms&phone=07700900123', 200],
      ['/simulator/api/thread?channel=nonsense', 400],
    ] as const) {
      const response = await fetch(development.url + pathname);
      expect(response.status, pathname).toBe(status);
      expectSecurityHeaders(headersOf(response), { production: false, what: `development ${pathname}` });
    }
  });

  it('production: the simulator is not there (a 404 with the headers)', async () => {
    const response = await fetch(`${production.url}/simulator`);
    expect(response.status).toBe(404);
    expectSecurityHeaders(headersOf(response), { production: true, what: 'production /simulator' });
  });

  it('production: the Twilio webhooks (accepted, refused, status callbacks) and a signed-in API call', async () => {
    const responses: [string, Response][] = [
      ['signed SMS', await postWebhook(production, '/twilio/sms', inboundSms('+447700900123', 'hello'))],
      ['unsigned SMS', await postWebhook(production, '/twilio/sms', inboundSms('+447700900123', 'hello'), { signature: null })],
      ['signed SMS with a bad field', await postWebhook(production, '/twilio/sms', inboundSms('not a number', 'hello'))],
      ['status callback', await postWebhook(production, '/twilio/status', { MessageSid: messageSid(), MessageStatus: 'delivered' })],
    ];
    for (const [what, response] of responses) {
      expect(response.status, what).toBeLessThan(500);
      expectSecurityHeaders(headersOf(response), { production: true, what });
    }
    const api = await staff.get('/api/complaints');
    expect(api.status).toBe(200);
    expectSecurityHeaders(Object.fromEntries(api.headers.entries()), { production: true, what: 'signed-in GET /api/complaints' });
    const missing = await staff.get(`/api/media/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expectSecurityHeaders(Object.fromEntries(missing.headers.entries()), { production: true, what: 'GET /api/media/:id (404)' });
  });
});
