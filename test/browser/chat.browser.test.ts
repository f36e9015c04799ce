// The resident web chat in a real browser, as a resident on a 360 px phone uses it with the
// keyboard alone: the bot offers a complaint, the network drops and comes back (nothing typed
// is lost or sent twice, nothing missed stays missing) and a reload resumes. End to end, on its
// own: a new resident, on their own page, expresses dissatisfaction, accepts the offer and
// completes the intake while signed-in staff pages (triage, case list) see the complaint appear
// live, without a reload. Then the embed snippet on a landlord's site (another origin), and a
// site that is not allowed to frame the chat. axe-core on the way.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { CHAT_BUDGET_BYTES } from '../support/chatBundle.ts';
import { signIn } from '../support/consoleSession.ts';
import { freePort, startServerProcess, type ServerProcess } from '../support/serverProcess.ts';

const ADMIN = { email: 'chat.admin@example.org', password: 'browser test password' };
const SESSION_KEY = 'complaints-chat:session';
const OUTBOX_KEY = 'complaints-chat:outbox';
const PHONE = { width: 360, height: 740 };

let server: ServerProcess;
let browser: Browser;
let landlordSite: Server;
let otherSite: Server;
let landlordOrigin: string;
let otherOrigin: string;
let resident: BrowserContext;
let page: Page;

/** A landlord's own page with the one-line snippet, on its own origin. */
function siteWithSnippet(port: number): Promise<Server> {
  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Riverside Homes</title></head>
<body><main><h1>Riverside Homes</h1><p>Repairs, rent and your home.</p></main>
<script src="${server.url}/chat/embed.js" async></script></body></html>`;
  return new Promise((resolve) => {
    const site = createServer((_req, res) => res.setHeader('content-type', 'text/html; charset=utf-8').end(html));
    site.listen(port, '127.0.0.1', () => resolve(site));
  });
}

beforeAll(async () => {
  const [landlordPort, otherPort] = [await freePort(), await freePort()];
  // localhost, not 127.0.0.1: the landlord's site is another site, not just another port.
  landlordOrigin = `http://localhost:${landlordPort}`;
  otherOrigin = `http://localhost:${otherPort}`;
  server = await startServerProcess({ env: { NODE_ENV: 'test', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, WEBCHAT_EMBED_ORIGINS: landlordOrigin } });
  landlordSite = await siteWithSnippet(landlordPort);
  otherSite = await siteWithSnippet(otherPort);
  browser = await launchChromium();
  resident = await browser.newContext({ viewport: PHONE });
  page = await resident.newPage();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  landlordSite?.close();
  otherSite?.close();
  await server?.destroy();
});

const messages = (p: Page) => p.locator('.messages > li');
const botTexts = async (p: Page) => p.locator('.messages > li.from-bot .text').allInnerTexts();
const ownTexts = async (p: Page) => p.locator('.messages > li.own .text').allInnerTexts();
const focusedId = (p: Page) => p.evaluate(() => document.activeElement?.id ?? '');
const scrollsSideways = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

async function waitForBot(p: Page, after: number, reply: RegExp): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const texts = await botTexts(p);
    const found = texts.slice(after).find((text) => reply.test(text));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no bot reply matching ${reply}; bot said:\n${texts.join('\n---\n')}`);
    await p.waitForTimeout(50);
  }
}

/** Types into the focused message box and presses Enter; waits for the bot's answer. */
async function say(p: Page, text: string, reply: RegExp): Promise<string> {
  const before = (await botTexts(p)).length;
  expect(await focusedId(p)).toBe('chat-message');
  await p.keyboard.type(text);
  await p.keyboard.press('Enter');
  return waitForBot(p, before, reply);
}

describe('a resident chats on a 360 px phone with the keyboard only', () => {
  it('opens the chat, axe-clean, and reaches the message box with Tab', async () => {
    await page.goto(server.url + '/chat');
    await page.getByText('Connected.').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-GB');
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    // The conversation (scrollable, so focusable), then the message box.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe('chat-log-heading');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('chat-message');
    // A visible focus indicator on the message box.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
  });

  it('tells the bot about a repair nobody came for: offered a complaint, "typing…" shown, only the reply read out', async () => {
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { typingSeen: string[] }).typingSeen = seen;
      const indicator = document.querySelector('.chat-typing')!;
      new MutationObserver(() => seen.push(indicator.textContent ?? '')).observe(indicator, { childList: true, subtree: true, characterData: true });
    });
    const offer = await say(page, "I'm still waiting for the repair, third time, nobody came", /formal complaint/);
    expect(offer).toMatch(/Reply YES or NO/);
    await page.locator('.messages > li.own .state', { hasText: 'Sent' }).first().waitFor();
    // Clear author labels on every message.
    expect(await messages(page).first().locator('.author').innerText()).toBe('You');
    expect(await page.locator('.messages > li.from-bot .author').first().innerText()).toBe('Automated assistant');
    expect(await page.evaluate(() => (window as unknown as { typingSeen: string[] }).typingSeen)).toContainEqual(expect.stringContaining('The automated assistant is typing'));
    await page.locator('.chat-typing').filter({ hasText: /^$/ }).waitFor();

    const live = page.locator('[aria-live="polite"]');
    await live.getByText(/formal complaint/).waitFor();
    expect(await live.innerText()).toMatch(/^Automated assistant: /);
    expect(await live.innerText()).not.toContain('third time');
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await focusedId(page)).toBe('chat-message');
  });

  it('reads well at 200% zoom, without animation when reduced motion is asked for, and downloads within budget', async () => {
    // 200% zoom on a 1280 × 720 laptop leaves 640 × 360 CSS pixels.
    await page.setViewportSize({ width: 640, height: 360 });
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);

    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('smooth');

    // What crossed the network for the page itself (compressed bodies; the socket aside).
    const downloaded = await page.evaluate(() => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
      const page = entries.filter((entry) => !entry.name.includes('/socket.io/'));
      return { encoded: page.reduce((sum, e) => sum + e.encodedBodySize, 0), decoded: page.reduce((sum, e) => sum + e.decodedBodySize, 0) };
    });
    expect(downloaded.encoded).toBeGreaterThan(0);
    expect(downloaded.encoded).toBeLessThanOrEqual(CHAT_BUDGET_BYTES);
    expect(downloaded.encoded).toBeLessThan(downloaded.decoded / 2);
  });

  it('says so, axe-clean, while the chat cannot be reached though the phone is online', async () => {
    // The chat server unreachable (the socket's HTTP and websocket requests fail) until let through.
    let reachable = false;
    await page.route('**/socket.io/**', (route) => (reachable ? route.continue() : route.abort()));
    await page.routeWebSocket(/\/socket\.io\//, (ws) => (reachable ? ws.connectToServer() : ws.close()));
    await resident.setOffline(true);
    await page.getByText('You are offline.').waitFor();
    await resident.setOffline(false);
    await page.getByText('Not connected. Trying to connect again').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    reachable = true;
    await page.getByText('Connected.').waitFor({ timeout: 15_000 });
    await page.unroute('**/socket.io/**');
    await page.getByLabel('Your message').focus();
  });

  it('loses nothing while offline: a message typed then is sent once on reconnecting, and missed messages are replayed', async () => {
    const sessionId = await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY);
    expect(sessionId).toBeTruthy();
    await resident.setOffline(true);
    await page.getByText('You are offline.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Meanwhile the same resident answers from another device; the bot replies to it.
    const otherDevice = await browser.newContext({ viewport: PHONE });
    await otherDevice.addInitScript(([key, value]) => localStorage.setItem(key, value), [SESSION_KEY, sessionId!] as const);
    const tablet = await otherDevice.newPage();
    await tablet.goto(server.url + '/chat');
    await tablet.getByText('Connected.').waitFor();
    await tablet.getByLabel('Your message').focus();
    await say(tablet, 'yes', /In a few words, what happened/);
    await otherDevice.close();

    await page.keyboard.type('The repair was booked for Monday and nobody came');
    await page.keyboard.press('Enter');
    const pending = page.locator('.messages > li.own', { hasText: 'The repair was booked' });
    await pending.getByText('Waiting to send').waitFor();
    expect(await page.evaluate((key) => localStorage.getItem(key), OUTBOX_KEY)).toContain('The repair was booked');
    expect(await axeViolations(page)).toEqual([]);

    const before = (await botTexts(page)).length;
    await resident.setOffline(false);
    await waitForBot(page, before, /Roughly when did this start/);
    await page.getByText('Connected.').waitFor();
    const own = await ownTexts(page);
    expect(own.filter((text) => text === 'The repair was booked for Monday and nobody came')).toHaveLength(1);
    // The answer given on the other device, and the bot's question to it, replayed in order.
    const all = await messages(page).locator('.text').allInnerTexts();
    const at = (text: string | RegExp) => all.findIndex((t) => (typeof text === 'string' ? t === text : text.test(t)));
    expect(at(/formal complaint/)).toBeLessThan(at('yes'));
    expect(at('yes')).toBeLessThan(at(/In a few words, what happened/));
    expect(at(/In a few words, what happened/)).toBeLessThan(at('The repair was booked for Monday and nobody came'));
    expect(at('The repair was booked for Monday and nobody came')).toBeLessThan(at(/Roughly when did this start/));
    expect(await page.evaluate((key) => localStorage.getItem(key), OUTBOX_KEY)).toBeNull();
  });

  it('keeps a message typed offline across a reload, sends it once, and resumes the conversation', async () => {
    const sessionId = await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY);
    await resident.setOffline(true);
    await page.getByText('You are offline.').waitFor();
    await page.getByLabel('Your message').focus();
    await page.keyboard.type('3 weeks ago');
    await page.keyboard.press('Enter');
    await page.locator('.messages > li.own', { hasText: '3 weeks ago' }).getByText('Waiting to send').waitFor();
    // The page cannot even reload while offline...
    await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await resident.setOffline(false);
    // ...and once back, the chat opens where it was, and the waiting message goes.
    await page.goto(server.url + '/chat');
    await waitForBot(page, 0, /What would you like us to do to put things right/);
    expect(await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY)).toBe(sessionId);
    const own = await ownTexts(page);
    expect(own).toEqual(["I'm still waiting for the repair, third time, nobody came", 'yes', 'The repair was booked for Monday and nobody came', '3 weeks ago']);
    const bot = await botTexts(page);
    expect(new Set(bot).size).toBe(bot.length);
    // History shown on opening is not read out again.
    expect(await page.locator('[aria-live="polite"]').innerText()).not.toMatch(/formal complaint/);
  });
});

describe('end to end: a new resident makes a complaint while staff watch the console', () => {
  it('completes the complaint intake, and a signed-in staff page sees the new complaint appear live', async () => {
    // Staff are already watching the triage queue and the case list when the resident starts.
    const staff = await browser.newContext();
    const [triage, cases] = [await staff.newPage(), await staff.newPage()];
    await triage.goto(`${server.url}/triage`);
    await signIn(triage, ADMIN.email, ADMIN.password);
    const awaiting = triage.getByRole('heading', { level: 2, name: /^Complaints awaiting acknowledgement/ });
    await awaiting.waitFor();
    const before = Number(/\((\d+)\)/.exec(await awaiting.innerText())?.[1] ?? 0);
    await cases.goto(`${server.url}/cases`);
    await cases.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    // Marks that vanish if either page reloads.
    for (const p of [triage, cases]) await p.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // A resident nobody has seen before: their own browser, so a new chat session.
    const device = await browser.newContext({ viewport: PHONE });
    const chat = await device.newPage();
    await chat.goto(server.url + '/chat');
    await chat.getByText('Connected.').waitFor();
    expect(await chat.evaluate((key) => localStorage.getItem(key), SESSION_KEY)).toBeTruthy();
    expect(await messages(chat).count()).toBe(0);
    await chat.getByLabel('Your message').focus();

    // Dissatisfaction, the offer (1.3), and the resident accepting it on their own page.
    const offer = await say(chat, 'This is the fourth time I have asked about the broken window and I am fed up', /formal complaint/);
    expect(offer).toMatch(/Reply YES or NO/);
    await say(chat, 'yes', /In a few words, what happened/);
    await say(chat, 'The window latch broke in March and nobody has come to fix it', /Roughly when did this start/);
    await say(chat, 'in March', /What would you like us to do to put things right/);
    await say(chat, 'Fix the window and say sorry', /resident, or acting for someone else/);
    await say(chat, '1', /full name/);
    await say(chat, 'Robin Example', /postcode/);
    await say(chat, 'ZZ1 1ZZ', /make contact easier/);
    await say(chat, '0', /disability/);
    await say(chat, 'skip', /How should we contact you/);
    const summary = await say(chat, '3', /Is that right\? Reply YES or NO/);
    expect(summary).toContain('Fix the window and say sorry');
    const logged = await say(chat, 'yes', /Your complaint is logged/);
    const reference = /CMP-\d{4}-\d{6}/.exec(logged)?.[0];
    expect(reference).toBeDefined();
    expect(await ownTexts(chat)).toHaveLength(12);
    expect(await axeViolations(chat)).toEqual([]);
    await device.close();

    // Both staff pages show it, live.
    await triage.getByRole('heading', { level: 2, name: `Complaints awaiting acknowledgement (${before + 1})` }).waitFor();
    await triage.getByText(`${reference}: Robin Example`).waitFor();
    await cases.getByRole('link', { name: reference! }).waitFor();
    for (const p of [triage, cases]) expect(await p.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await staff.close();

    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const list = (await (await fetch(`${server.url}/api/complaints`, { headers: { cookie } })).json()) as { items: { reference: string; channel: string; summary: string }[] };
    const complaint = list.items.find((item) => item.reference === reference);
    expect(complaint).toMatchObject({ channel: 'webchat' });
    expect(complaint?.summary).toContain('The window latch broke in March and nobody has come to fix it');
  });
});

describe('the embed snippet on the landlord’s own site', () => {
  it('opens the chat from a launcher button by keyboard; a message round-trips; Escape closes and returns focus', async () => {
    const visitor = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const site = await visitor.newPage();
    await site.goto(landlordOrigin + '/');
    const launcher = site.getByRole('button', { name: 'Chat with us' });
    await launcher.waitFor();
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await axeViolations(site)).toEqual([]);

    await site.keyboard.press('Tab');
    expect(await site.evaluate(() => document.activeElement?.textContent)).toBe('Chat with us');
    await site.keyboard.press('Enter');
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    const dialog = site.getByRole('dialog', { name: 'Chat with us' });
    await dialog.waitFor();
    const chat = site.frameLocator('iframe[title="Chat with us"]');
    await chat.getByText('Connected.').waitFor();
    // Focus went into the chat's message box.
    await expect.poll(() => chat.locator('#chat-message').evaluate((box) => box === document.activeElement && document.hasFocus())).toBe(true);
    expect(await axeViolations(site)).toEqual([]);

    await site.keyboard.type('hello');
    await site.keyboard.press('Enter');
    await chat.locator('.messages > li.from-bot', { hasText: 'automated assistant' }).first().waitFor();
    expect(await chat.locator('.messages > li.own .text').allInnerTexts()).toEqual(['hello']);

    await site.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await site.evaluate(() => document.activeElement?.textContent)).toBe('Chat with us');

    // Opened again: the same conversation; the panel's own Close button works too.
    await site.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await chat.locator('.messages > li.own .text').allInnerTexts()).toEqual(['hello']);
    await site.getByRole('button', { name: 'Close chat' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visitor.close();
  });

  it('fills a phone screen', async () => {
    const visitor = await browser.newContext({ viewport: PHONE });
    const site = await visitor.newPage();
    await site.goto(landlordOrigin + '/');
    await site.getByRole('button', { name: 'Chat with us' }).click();
    const dialog = site.getByRole('dialog', { name: 'Chat with us' });
    await site.frameLocator('iframe[title="Chat with us"]').getByText('Connected.').waitFor();
    expect(await dialog.boundingBox()).toEqual({ x: 0, y: 0, width: PHONE.width, height: PHONE.height });
    expect(await scrollsSideways(site)).toBe(false);
    await visitor.close();
  });

  it('cannot be framed by a site that is not configured', async () => {
    const visitor = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const site = await visitor.newPage();
    const refused = site.waitForEvent('console', (message) => /frame-ancestors/.test(message.text()));
    await site.goto(otherOrigin + '/');
    await site.getByRole('button', { name: 'Chat with us' }).click();
    expect((await refused).text()).toContain(`frame-ancestors 'self' ${landlordOrigin}`);
    const frame = site.frames().find((f) => f !== site.mainFrame());
    expect(frame?.url()).not.toContain(server.url);
    expect(await site.frameLocator('iframe[title="Chat with us"]').locator('#chat-message').count()).toBe(0);
    await visitor.close();
  });
});

describe('when too many chats are started from one network', () => {
  it('tells the resident plainly to wait, with a way to try again, axe-clean', async () => {
    // Use up this address's new sessions (last in this file: nothing after it needs one).
    let refusal = '';
    for (let attempt = 0; attempt < 25 && !refusal; attempt++) {
      const socket = io(`${server.url}/chat`, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true });
      refusal = await new Promise<string>((resolve) => {
        socket.once('session', () => resolve(''));
        socket.once('connect_error', (error) => resolve(error.message));
      });
      socket.close();
    }
    expect(refusal).toMatch(/Too many new chats/);

    const newcomer = await browser.newContext({ viewport: PHONE });
    const chat = await newcomer.newPage();
    await chat.goto(server.url + '/chat');
    await chat.getByRole('status').getByText('Too many new chats have been started from your network. Please wait a few minutes, then try again.').waitFor();
    await chat.getByRole('button', { name: 'Try again' }).waitFor();
    expect(await axeViolations(chat)).toEqual([]);
    // What the resident types meanwhile is kept for when the chat opens.
    await chat.getByLabel('Your message').focus();
    await chat.keyboard.type('Is anyone there?');
    await chat.keyboard.press('Enter');
    await chat.locator('.messages > li.own', { hasText: 'Is anyone there?' }).getByText('Waiting to send').waitFor();
    expect(await chat.evaluate((key) => localStorage.getItem(key), OUTBOX_KEY)).toContain('Is anyone there?');
    await newcomer.close();
  });
});
