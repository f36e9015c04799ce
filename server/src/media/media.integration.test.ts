// GET /api/media/:id against a real database and server: attachments residents sent on WhatsApp
// are fetched from (fake) Twilio with the account's credentials and served only when their type
// is one the console opens; anything else is refused before Twilio is asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversation, createResident, fictionalMobile } from '@complaints/db/factories';
import type { MediaFetch } from '@complaints/bot';
import { createSignedInStaff, startTestServer, type ApiClient } from '../testing/testServer.ts';
import { TWILIO_ENV, inboundWhatsApp, postWebhook, settle, startTwilioTestServer, type TwilioTestServer } from '../channels/testing/twilioTestKit.ts';

const ACCOUNT = TWILIO_ENV.TWILIO_ACCOUNT_SID!;
const hex = (digit: string) => digit.repeat(32);
const mediaUrl = (n: string) => `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Messages/MM${hex('a')}/Media/ME${hex(n)}`;
const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9]);
const PDF = new TextEncoder().encode('%PDF-1.4 fictional letter');

/** Twilio's media API (307 to its media store) and the media store, as fetch sees them. */
const twilioCalls: { url: string; authorization: string | undefined }[] = [];
const STORE: Record<string, { type: string; body: Uint8Array }> = {
  [`https://media.example.org/${hex('1')}`]: { type: 'image/jpeg', body: PHOTO },
  [`https://media.example.org/${hex('3')}`]: { type: 'text/html', body: new TextEncoder().encode('<script>alert(1)</script>') },
  [`https://media.example.org/${hex('4')}`]: { type: 'application/pdf', body: PDF },
};
const mediaFetch: MediaFetch = async (url, init) => {
  twilioCalls.push({ url, authorization: init.headers.authorization });
  if (url.startsWith('https://api.twilio.com/')) {
    if (init.headers.authorization !== `Basic ${Buffer.from(`${ACCOUNT}:${TWILIO_ENV.TWILIO_AUTH_TOKEN}`).toString('base64')}`) return new Response('{"code":20003}', { status: 401 });
    return new Response(null, { status: 307, headers: { location: `https://media.example.org/${url.slice(-32)}` } });
  }
  const stored = STORE[url];
  return stored ? new Response(stored.body, { headers: { 'content-type': stored.type, 'content-length': String(stored.body.length) } }) : new Response('not found', { status: 404 });
};

let server: TwilioTestServer;
let staff: ApiClient;
let ids: Record<string, string>;

beforeAll(async () => {
  server = await startTwilioTestServer({ mediaFetch });
  staff = (await createSignedInStaff(server, ['handler'])).client;
  const from = fictionalMobile(950);
  const params = inboundWhatsApp(from, 'Photos of the damp', {
    NumMedia: '5',
    MediaUrl0: mediaUrl('1'),
    MediaContentType0: 'image/jpeg',
    MediaUrl1: mediaUrl('2'),
    MediaContentType1: 'text/html',
    // Sent as a PNG, but Twilio serves it as HTML.
    MediaUrl2: mediaUrl('3'),
    MediaContentType2: 'image/png',
    MediaUrl3: mediaUrl('4'),
    MediaContentType3: 'application/pdf',
    MediaUrl4: 'https://api.twilio.com/2010-04-01/Accounts/AC' + hex('9') + '/Messages/MM' + hex('a') + '/Media/ME' + hex('5'),
    MediaContentType4: 'image/jpeg',
  });
  expect((await postWebhook(server, '/twilio/whatsapp', params)).status).toBe(200);
  await settle(server);
  const media = await server.context.prisma.messageMedia.findMany({ where: { message: { providerMessageId: params.MessageSid } } });
  ids = Object.fromEntries(media.map((m) => [m.url.slice(-1), m.id]));
  expect(Object.keys(ids).sort()).toEqual(['1', '2', '3', '4', '5']);
});
afterAll(async () => server?.stop());

const get = (id: string, cookie: string | null | undefined = staff.cookie) => fetch(`${server.url}/api/media/${id}`, { headers: cookie ? { cookie } : {} });
const errorOf = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

describe('GET /api/media/:id', () => {
  it('streams an allowed type from Twilio with the account credentials, typed, as an inline download that cannot be sniffed', async () => {
    twilioCalls.length = 0;
    const response = await get(ids['1']!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="attachment-${ids['1']!.slice(0, 8)}.jpg"`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PHOTO);
    // The credentials went to Twilio only; the media store's signed address got none.
    expect(twilioCalls).toEqual([
      { url: mediaUrl('1'), authorization: expect.stringMatching(/^Basic /) },
      { url: `https://media.example.org/${hex('1')}`, authorization: undefined },
    ]);
  });

  it('serves a PDF as an attachment, not in the page', async () => {
    const response = await get(ids['4']!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="attachment-[0-9a-f]{8}\.pdf"$/);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
  });

  it('refuses a type the console does not open, without asking Twilio', async () => {
    twilioCalls.length = 0;
    const response = await get(ids['2']!);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await errorOf(response)).toMatch(/text\/html file, which the console does not open/);
    expect(twilioCalls).toEqual([]);
  });

  it('refuses what Twilio returns as another type than the attachment arrived as', async () => {
    const response = await get(ids['3']!);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await errorOf(response)).toMatch(/returned this attachment as text\/html, not the image\/png/);
  });

  it('never sends the credentials for an address outside this Twilio account', async () => {
    twilioCalls.length = 0;
    const response = await get(ids['5']!);
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatch(/not one of this Twilio account's media addresses/);
    expect(twilioCalls).toEqual([]);
  });

  it('is for signed-in staff only', async () => {
    twilioCalls.length = 0;
    const response = await get(ids['1']!, null);
    expect(response.status).toBe(401);
    expect(twilioCalls).toEqual([]);
  });

  it('answers 404 for an unknown attachment and 400 for a malformed id', async () => {
    expect((await get('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await get('not-a-uuid')).status).toBe(400);
  });

  it('carries the attachment ids in the conversation the console reads', async () => {
    const conversation = await server.context.prisma.conversation.findFirstOrThrow({ where: { messages: { some: { media: { some: { id: ids['1']! } } } } } });
    const detail = await staff.get(`/api/conversations/${conversation.id}`);
    const inbound = (detail.json.messages as { media: { id: string; contentType: string }[] }[]).find((m) => m.media.length > 0)!;
    expect(inbound.media.map((m) => m.id).sort()).toEqual(Object.values(ids).sort());
  });
});

describe('GET /api/media/:id without Twilio', () => {
  it('says so and gives the stored address as text', async () => {
    const local = await startTestServer();
    try {
      const resident = await createResident(local.context.prisma, { phone: fictionalMobile(951), channel: 'whatsapp' });
      const conversation = await createConversation(local.context.prisma, resident.id, 'whatsapp');
      const message = await local.context.prisma.message.create({
        data: { conversationId: conversation.id, channel: 'whatsapp', direction: 'inbound', author: 'resident', body: '', deliveryStatus: 'received', media: { create: { url: mediaUrl('6'), contentType: 'image/jpeg' } } },
        include: { media: true },
      });
      const { client } = await createSignedInStaff(local);
      const response = await fetch(`${local.url}/api/media/${message.media[0]!.id}`, { headers: { cookie: client.cookie! } });
      expect(response.status).toBe(503);
      expect(await errorOf(response)).toBe(`Twilio is not configured on this server, so the attachment cannot be fetched. Its stored address is ${mediaUrl('6')}`);
    } finally {
      await local.stop();
    }
  });
});
