// Hostile input on the staff JSON API (issue 8, "Bad input and access"): a representative set of
// POST/PUT routes and query strings, with the hostile corpus and fast-check in every text field,
// and bodies the parsers refuse. Every answer is a 2xx whose stored text reads back exactly as
// sent (trimmed), or a 4xx whose JSON says what to change; never a 500; the process carries on.
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResident } from '@complaints/db/factories';
import { createSignedInStaff, startTestServer, type ApiClient, type TestServer } from '../testing/testServer.ts';
import { HOSTILE_STRINGS, LONG_PHONE, PROTOTYPE_POLLUTION_BODIES, anyText, deeplyNestedJson } from '../testing/hostileInput.ts';
import { seededConversation } from '../conversations/liveChatTestKit.ts';
import { DEFINITION } from '../complaints/complaintsTestKit.ts';

let server: TestServer;
let admin: ApiClient;
const log: string[] = [];

beforeAll(async () => {
  const logDestination = new Writable({
    write(chunk, _encoding, done) {
      log.push(String(chunk));
      done();
    },
  });
  server = await startTestServer({ env: { LOG_LEVEL: 'warn', NODE_ENV: 'production' }, logDestination });
  ({ client: admin } = await createSignedInStaff(server, ['admin']));
});
afterAll(async () => server?.stop());

type Answer = Awaited<ReturnType<ApiClient['request']>>;

/** A 4xx a person can act on: the error envelope with a code and a sentence. */
function expectActionable4xx(response: Answer, what = '') {
  expect(response.status, response.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(response.status, response.text.slice(0, 300)).toBeLessThan(500);
  // Refused by Node's parser before the app (an address over 16 KB): plain words instead.
  if (response.status === 431) return void expect(response.text).toMatch(/too long.*shorten the query string/);
  expect(String(response.headers.get('content-type')), `${what} ${response.status} ${response.text.slice(0, 300)}`).toMatch(/application\/json/);
  expect(response.json?.error, `${what} ${response.text.slice(0, 300)}`).toMatchObject({ code: expect.any(String), message: expect.stringMatching(/\w{3,}/) });
  expect(response.json.error.message).not.toMatch(/wrong on our side/);
}

const isUnstorable = (text: string) => text.includes('\u0000') || /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

interface TextField {
  name: string;
  /** Where the text is refused, and why: a 400 names the field (its label or its path). */
  label: RegExp;
  /** Blank text clears the field (stored as null) rather than being refused. */
  clearable?: boolean;
  max: number;
  send(text: string): Promise<Answer>;
  /** The stored text as the API gives it back after a 2xx. */
  readBack(response: Answer): Promise<string>;
}

let categories = 0;
const anHourAgo = () => new Date(Date.now() - 3_600_000).toISOString();
const residentId = async () => (await createResident(server.context.prisma)).id;
async function aComplaint() {
  const response = await admin.post('/api/complaints', { residentId: await residentId(), channel: 'phone', receivedAt: anHourAgo(), summary: 'The boiler is broken.' });
  return response.json as { id: string; version: number };
}

const FIELDS: TextField[] = [
  {
    name: 'POST /api/complaints summary',
    label: /summary|complaint, in their words/,
    max: 20_000,
    send: async (summary) => admin.post('/api/complaints', { residentId: await residentId(), channel: 'phone', receivedAt: anHourAgo(), summary }),
    readBack: async (response) => (await admin.get(`/api/complaints/${response.json.id}`)).json.summary,
  },
  {
    name: 'POST /api/complaints/:id/notes body',
    label: /note/i,
    max: 5_000,
    send: async (body) => admin.post(`/api/complaints/${(await aComplaint()).id}/notes`, { body }),
    readBack: async (response) => response.json.note.body,
  },
  {
    name: 'PUT /api/complaints/:id/definition understanding',
    label: /understanding/i,
    max: 10_000,
    send: async (understanding) => {
      const complaint = await aComplaint();
      const response = await admin.request('PUT', `/api/complaints/${complaint.id}/definition`, { definition: { ...DEFINITION, understanding }, version: complaint.version });
      return Object.assign(response, { complaintId: complaint.id });
    },
    readBack: async (response) => (await admin.get(`/api/complaints/${response.json.id}`)).json.stages[0].definition.understanding,
  },
  {
    name: 'POST /api/residents fullName',
    label: /Full name/,
    max: 200,
    send: (fullName) => admin.post('/api/residents', { fullName }),
    readBack: async (response) => (await admin.get(`/api/residents/${response.json.id}`)).json.fullName,
  },
  {
    name: 'PUT /api/residents/:id addressLine',
    label: /address/i,
    max: 300,
    clearable: true,
    send: async (addressLine) => {
      const resident = await createResident(server.context.prisma);
      return admin.request('PUT', `/api/residents/${resident.id}`, { addressLine, version: resident.version });
    },
    readBack: async (response) => (await admin.get(`/api/residents/${response.json.id}`)).json.addressLine,
  },
  {
    name: 'POST /api/service-requests description',
    label: /asked for/,
    max: 5_000,
    send: async (description) => admin.post('/api/service-requests', { residentId: await residentId(), channel: 'phone', description, receivedAt: anHourAgo() }),
    readBack: async (response) => response.json.description,
  },
  {
    name: 'POST /api/categories name',
    label: /category name/,
    max: 80,
    send: (name) => admin.post('/api/categories', { name: `${++categories} ${name}`.slice(0, 200), description: 'From the fuzz test' }),
    readBack: async (response) => `${response.json.name}`,
  },
  {
    name: 'POST /api/conversations/:id/messages text',
    label: /reply/i,
    max: 2_000,
    send: async (text) => {
      const { conversation } = await seededConversation(server, { channel: 'webchat' });
      await admin.post(`/api/conversations/${conversation.id}/claim`);
      return admin.post(`/api/conversations/${conversation.id}/messages`, { text });
    },
    readBack: async (response) => response.json.messages[0].body,
  },
];

// The category field is prefixed with a counter (names are unique); its expectation adds it back.
const sentFor = (field: TextField, text: string) => (field.name.startsWith('POST /api/categories') ? `${categories} ${text}`.slice(0, 200) : text);

async function expectFaithfulOrRefused(field: TextField, text: string) {
  const response = await field.send(text);
  const sent = sentFor(field, text);
  expect(response.status, `${field.name}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
  if (isUnstorable(sent)) {
    expect(response.status).toBe(400);
    expect(response.json.error.message).toMatch(/null character|broken character/);
    return;
  }
  const kept = sent.trim();
  if (!kept && field.clearable) {
    expect(response.status).toBe(200);
    return void expect(await field.readBack(response)).toBeNull();
  }
  // zod counts code points, as a person counts characters.
  if (!kept || [...kept].length > field.max) {
    expectActionable4xx(response, field.name);
    return void expect(response.json.error.message).toMatch(field.label);
  }
  expect(response.status, `${field.name}: ${response.text.slice(0, 300)}`).toBeLessThan(300);
  expect(await field.readBack(response)).toBe(kept);
}

describe('hostile text in every field', () => {
  for (const field of FIELDS) {
    it(`${field.name}: the hostile corpus is stored exactly (trimmed) or refused in words`, async () => {
      for (const text of Object.values(HOSTILE_STRINGS)) await expectFaithfulOrRefused(field, text);
    });
  }

  it('any text in any field (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELDS), anyText(300), async (field, text) => expectFaithfulOrRefused(field, text)),
      { numRuns: 120 },
    );
  }, 120_000);

  it('a NUL or a broken surrogate is refused naming the field, not stored changed', async () => {
    const response = await admin.post('/api/residents', { fullName: 'Jo\u0000 Testperson' });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toBe('fullName: contains a null character (U+0000), which cannot be stored: remove it and try again');
    const broken = await admin.post('/api/residents', { fullName: 'Jo Testperson \ud83d' });
    expect(broken.json.error.message).toBe('fullName: contains a broken character (half of an emoji or symbol): retype that part and try again');
    const nested = await admin.request('PUT', `/api/complaints/${(await aComplaint()).id}/definition`, { definition: { ...DEFINITION, outcomesSought: 'x\u0000' }, version: 1 });
    expect(nested.json.error.message).toMatch(/^definition\.outcomesSought: contains a null character/);
    expect(await server.context.prisma.resident.count({ where: { fullName: { startsWith: 'Jo' } } })).toBe(0);
  });

  it('wrong types in every field: a 400 naming the field', async () => {
    for (const value of [null, 42, true, [], {}, ['a'], { $ne: null }, 1e308, -0]) {
      const response = await admin.post('/api/residents', { fullName: value, phone: value });
      expectActionable4xx(response);
      expect(response.status).toBe(400);
    }
    const phone = await admin.post('/api/residents', { fullName: 'Jo Testperson', phone: LONG_PHONE });
    expect(phone.status).toBe(400);
    expect(phone.json.error.message).toMatch(/phone/i);
    const homes = await admin.request('PUT', '/api/settings/homes', { homes: '1e309', version: 0 });
    expect(homes.status).toBe(400);
    expect(homes.json.error.message).toMatch(/homes/);
  });
});

describe('hostile query strings', () => {
  const queries = (value: string) => {
    // As a browser encodes a query value (an unpaired surrogate becomes U+FFFD on the way).
    const q = new URLSearchParams({ v: value }).toString().slice(2);
    return [
      `/api/complaints?q=${q}`,
      `/api/complaints?handlerId=${q}`,
      `/api/complaints?sort=${q}&order=${q}&page=${q}&pageSize=${q}`,
      `/api/residents?q=${q}`,
      `/api/reports/performance?period=custom&from=${q}&to=${q}`,
      `/api/reports/cases.csv?period=${q}`,
      `/api/categories?includeRetired=${q}`,
      `/api/calendar/add-working-days?from=${q}&days=${q}`,
      `/api/data-protection/residents?reference=${q}`,
      `/api/complaints/${q}`,
      `/api/media/${q}`,
    ];
  };

  it('the hostile corpus in every parameter: 200 or a 4xx in words', async () => {
    for (const value of [...Object.values(HOSTILE_STRINGS).filter((text) => text.length < 2000), LONG_PHONE, '%00', '%FF%FE']) {
      for (const path of queries(value)) {
        const response = await admin.get(path);
        expect(response.status, `${path.slice(0, 80)}: ${response.text.slice(0, 200)}`).toBeLessThan(500);
        if (response.status >= 400) expectActionable4xx(response, path.slice(0, 80));
      }
    }
  }, 120_000);

  it('raw bytes a browser would never send: invalid percent-escapes, repeated and bracketed parameters', async () => {
    for (const path of [
      '/api/complaints?q=%E0%A4%A',
      '/api/complaints?q=%',
      '/api/complaints?q=a&q=b',
      '/api/complaints?q[]=ab',
      '/api/complaints?q[$ne]=ab',
      '/api/complaints?__proto__[polluted]=1',
      '/api/complaints?constructor[prototype][polluted]=1',
      '/api/residents?q=%00%00',
      '/api/complaints/%E0%A4%A',
      '/api/complaints/%00',
      `/api/complaints?${'a=1&'.repeat(2000)}`,
    ]) {
      const response = await admin.get(path);
      expect(response.status, `${path}: ${response.text.slice(0, 200)}`).toBeLessThan(500);
      // A search for odd text is still a search: 200 with what matched.
      if (response.status >= 400) expectActionable4xx(response);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an address over Node’s 16 KB limit: 431 in words, with the security headers', async () => {
    const response = await fetch(`${server.url}/api/complaints?q=${'a'.repeat(20_000)}`, { headers: { cookie: admin.cookie ?? '' } });
    expect(response.status).toBe(431);
    expect(await response.text()).toBe('The address or the headers of this request are too long (Node allows 16 KB): shorten the query string.\n');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('any query value (fast-check): never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 10 }), anyText(120), async (which, value) => {
        const path = queries(value)[which]!;
        const response = await admin.get(path);
        expect(response.status, `${path.slice(0, 80)}: ${response.text.slice(0, 200)}`).toBeLessThan(500);
        if (response.status >= 400) expectActionable4xx(response);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});

describe('bodies the parsers refuse', () => {
  /** Sends the bytes as they are (the ApiClient would JSON-encode a Buffer). */
  async function post(path: string, body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Answer> {
    const response = await fetch(server.url + path, { method: 'POST', headers: { cookie: admin.cookie ?? '', ...headers }, body });
    const text = await response.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  it('a body over the 256 KB limit: 413 saying the limit', async () => {
    const response = await post('/api/residents', JSON.stringify({ fullName: 'a'.repeat(300 * 1024) }));
    expect(response.status).toBe(413);
    expectActionable4xx(response);
    expect(response.json.error.message).toBe('The request body is too large: send at most 256 KB.');
  });

  it('10,000 emoji: a 400 naming the field and its limit', async () => {
    const response = await admin.post('/api/complaints/' + (await aComplaint()).id + '/notes', { body: HOSTILE_STRINGS.emoji10000 });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toMatch(/note must be at most 5000 characters/i);
  });

  it('invalid JSON, JSON that is not an object, and invalid UTF-8', async () => {
    for (const body of ['{', '{"fullName": "unterminated', "{'single': 'quotes'}", 'null', '"a string"', '42', 'true', '[]', '[{"fullName":"x"}]', '{"fullName":"a"}garbage', '\u0000']) {
      const response = await post('/api/residents', body);
      expectActionable4xx(response);
      expect(response.status).toBe(400);
    }
    const invalidUtf8 = Buffer.concat([Buffer.from('{"fullName":"caf'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const response = await post('/api/residents', invalidUtf8);
    // Decoded as UTF-8, each invalid byte is U+FFFD: a real character, stored as such.
    expect(response.status).toBe(201);
    expect((await admin.get(`/api/residents/${response.json.id}`)).json.fullName).toBe('caf\ufffd\ufffd');
  });

  it('JSON nested 100,000 deep: refused in words', async () => {
    for (const body of [deeplyNestedJson(100_000), `{"fullName":${deeplyNestedJson(100_000)}}`, `{"definition":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)},"version":1}`]) {
      const response = await post('/api/residents', body);
      expectActionable4xx(response);
      expect(response.status).toBe(400);
    }
  });

  it('prototype-pollution keys reach nothing', async () => {
    for (const body of PROTOTYPE_POLLUTION_BODIES) {
      const response = await post('/api/residents', body);
      expectActionable4xx(response);
    }
    const polluted = await post('/api/residents', '{"fullName":"Jo Testperson","__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":true}}}');
    expect(polluted.status).toBe(201);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    // An agent cannot become an admin by sending roles through __proto__.
    const { client: agent } = await createSignedInStaff(server, ['agent']);
    const invite = await agent.request('POST', '/api/staff/invitations', '{"__proto__":{"roles":["admin"]},"name":"X","email":"x@example.org","roles":["agent"]}', { 'content-type': 'application/json' });
    expect(invite.status).toBe(403);
  });

  it('other content types and encodings: 400 or 415, in words', async () => {
    const json = JSON.stringify({ fullName: 'Jo Testperson' });
    for (const [headers, status] of [
      [{ 'content-type': 'text/plain' }, 400],
      [{ 'content-type': 'application/x-www-form-urlencoded' }, 400],
      [{ 'content-type': 'multipart/form-data; boundary=x' }, 400],
      [{ 'content-type': 'application/xml' }, 400],
      [{ 'content-type': 'application/json; charset=latin1' }, 415],
      [{ 'content-type': 'application/json', 'content-encoding': 'br-nonsense' }, 415],
    ] as const) {
      const response = await post('/api/residents', json, headers);
      expect(response.status, JSON.stringify(headers)).toBe(status);
      expectActionable4xx(response);
    }
    const badGzip = await post('/api/residents', Buffer.from('not gzip at all'), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expectActionable4xx(badGzip);
    const gzip = await post('/api/residents', gzipSync(json), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(gzip.status).toBe(201);
    // A gzip bomb: small on the wire, over the limit inflated.
    const bomb = await post('/api/residents', gzipSync(JSON.stringify({ fullName: 'a'.repeat(10 * 1024 * 1024) })), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(bomb.status).toBe(413);
  });

  it('anonymous routes (sign-in, invitations, first-run set-up) with hostile bodies: 4xx in words', async () => {
    const anonymous = new (admin.constructor as new (url: string) => ApiClient)(server.url);
    for (const [path, body] of [
      ['/api/auth/login', { email: HOSTILE_STRINGS.sql, password: HOSTILE_STRINGS.nullByte }],
      ['/api/auth/login', { email: `a@example.org\u0000`, password: 'x' }],
      ['/api/auth/login', { email: ['a@example.org'], password: { $ne: '' } }],
      ['/api/auth/invitations/accept', { token: HOSTILE_STRINGS.html, name: HOSTILE_STRINGS.nullByte, password: HOSTILE_STRINGS.emoji10000 }],
      ['/api/auth/invitations/accept', { token: 'x'.repeat(40), name: 'Jo', password: 'long enough password' }],
      ['/api/auth/setup', { token: HOSTILE_STRINGS.sql.padEnd(30, 'x'), name: 'Jo', email: 'jo@example.org', password: 'long enough password' }],
    ] as const) {
      const response = await anonymous.post(path, body);
      expectActionable4xx(response);
    }
  });
});

describe('afterwards', () => {
  it('nothing was a 500 and the process is healthy', async () => {
    expect(log.join('')).not.toMatch(/unhandled error/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
