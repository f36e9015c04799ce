// Attachments and opt-outs in real browsers, on the server as `npm start` runs it in development
// (no Twilio: the phone simulator's simulated Twilio). A resident sends a photo of the damp on
// WhatsApp, then STOP; staff see the photo — a link labelled with its content type, which opens
// through the server's media route — and the opt-out, in the triage conversation view and, once
// the conversation is a complaint, in the case timeline. axe-core checks both screens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { signInAt } from '../support/signIn.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';

const ADMIN = { email: 'media.admin@example.org', password: 'browser test password' };
const PHONE = '07700 900555';
const PHOTO_LINK = 'Attachment 1 (image/png), opens in a new tab';

let server: ServerProcess;
let browser: Browser;
let page: Page;
let cookie: string;
let staffSocket: Socket;
const seen: { conversationId: string; channel: string; media: { id: string }[] }[] = [];
let conversationId: string;
let complaintId: string;

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(server.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return { json, cookie: response.headers.get('set-cookie')?.split(';')[0] };
}

const fromPhone = (body: string, photo = false) => call('POST', '/simulator/api/messages', { channel: 'whatsapp', phone: PHONE, body, photo });

beforeAll(async () => {
  server = await startServerProcess({ env: { NODE_ENV: 'development', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  cookie = (await call('POST', '/api/auth/login', ADMIN)).cookie!;
  // Staff events name the conversation the simulated phone's messages went to.
  staffSocket = io(server.url, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
  staffSocket.on('conversation.message', (payload: { message: (typeof seen)[number] }) => seen.push(payload.message));
  await new Promise((resolve, reject) => {
    staffSocket.once('ready', resolve);
    staffSocket.once('connect_error', reject);
  });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signInAt(page, server.url + '/', ADMIN);
}, 90_000);
afterAll(async () => {
  staffSocket?.close();
  await browser?.close();
  await server?.destroy();
});

/** Opens the photo link: a new tab showing the PNG the simulated resident sent. */
async function opensThePhoto(link: ReturnType<Page['getByRole']>) {
  expect(await link.getAttribute('href')).toMatch(/^\/api\/media\/[0-9a-f-]{36}$/);
  const href = (await link.getAttribute('href'))!;
  const answer = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, type: response.headers.get('content-type'), nosniff: response.headers.get('x-content-type-options') };
  }, href);
  expect(answer).toEqual({ status: 200, type: 'image/png', nosniff: 'nosniff' });
  const [tab] = await Promise.all([page.waitForEvent('popup'), link.click()]);
  await tab.waitForLoadState();
  // Chromium shows an image document: the photo itself, 64 × 48, decoded.
  expect(await tab.evaluate(() => ({ type: document.contentType, width: document.images[0]?.naturalWidth }))).toEqual({ type: 'image/png', width: 64 });
  await tab.close();
}

describe('a WhatsApp photo and an opt-out, seen by staff', () => {
  it('the resident sends a photo of the damp, then STOP', async () => {
    await fromPhone('The damp in the bedroom is back, here is a photo', true);
    await expect.poll(() => seen.some((m) => m.channel === 'whatsapp' && m.media.length === 1), { timeout: 20_000 }).toBe(true);
    conversationId = seen.find((m) => m.media.length === 1)!.conversationId;
    await fromPhone('STOP');
    const thread = (await call('GET', `/simulator/api/thread?channel=whatsapp&phone=${encodeURIComponent(PHONE)}`)).json.thread as { messages: { photo?: boolean; from: string }[] };
    expect(thread.messages.filter((m) => m.from === 'resident').map((m) => Boolean(m.photo))).toEqual([true, false]);
  });

  it('the triage conversation view shows the photo, labelled with its type, and the opt-out; axe-clean', async () => {
    await page.goto(`${server.url}/triage/conversations/${conversationId}`);
    await page.getByText('The damp in the bedroom is back, here is a photo').waitFor();
    await page.getByText(/This resident has opted out of messages on this channel \(they sent STOP\)/).waitFor({ timeout: 20_000 });
    const attachments = page.getByRole('list', { name: 'Attachments' });
    await opensThePhoto(attachments.getByRole('link', { name: PHOTO_LINK }));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('logged as a complaint, the case timeline shows the photo and the opt-out too; axe-clean', async () => {
    const resident = await call('POST', '/api/residents', { fullName: 'Morgan Mould', postcode: 'ZZ1 1ZZ' });
    const complaint = await call('POST', `/api/conversations/${conversationId}/complaint`, {
      residentId: resident.json.id,
      receivedAt: new Date().toISOString(),
      summary: 'The damp in the bedroom has come back.',
    });
    complaintId = String(complaint.json.id);
    await page.goto(`${server.url}/cases/${complaintId}`);
    const timeline = page.getByRole('list', { name: 'Everything on this case, newest first' });
    await timeline.getByText('The damp in the bedroom is back, here is a photo').waitFor({ timeout: 20_000 });
    await timeline.getByText('The resident opted out of WhatsApp messages (sent STOP)').waitFor();
    await timeline.getByText('Nothing sent on that channel reaches them: contact them another way.').waitFor();
    await opensThePhoto(timeline.getByRole('list', { name: 'Attachments' }).getByRole('link', { name: PHOTO_LINK }));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the photo does not open for someone who is not signed in', async () => {
    const href = await page.getByRole('link', { name: PHOTO_LINK }).first().getAttribute('href');
    const anonymous = await (await browser.newContext()).newPage();
    const response = await anonymous.goto(server.url + href!);
    expect(response?.status()).toBe(401);
    expect(response?.headers()['content-type']).toMatch(/^application\/json/);
  });
});
