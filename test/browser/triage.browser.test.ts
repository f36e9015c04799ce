// The live triage queue and live chat in real browsers, against the product started as `npm start`
// starts it. An agent works with the keyboard only on the main path (sign in, open the queue,
// claim, answer, release); a resident chats through the web chat socket; a second staff browser
// (an administrator) sees every change live. axe-core checks each screen on the way.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { focused, scrollsSideways, signIn, tabTo } from '../support/consoleSession.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';

const ADMIN = { email: 'triage.admin@example.org', password: 'browser test password' };
const AGENT = { name: 'Alex Agent', email: 'alex.agent@example.org', password: 'agent passphrase here' };

let server: ServerProcess;
let browser: Browser;
let agent: Page;
let officer: Page;
let resident: Socket;
const residentHeard: { author: string; text: string }[] = [];

async function call(method: string, path: string, body?: unknown, cookie?: string) {
  const response = await fetch(server.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, cookie: response.headers.get('set-cookie')?.split(';')[0], json: (await response.json()) as Record<string, unknown> };
}

/** The administrator invites the agent and the agent accepts, through the API. */
async function createAgent() {
  const login = await call('POST', '/api/auth/login', ADMIN);
  const invited = await call('POST', '/api/staff/invitations', { name: AGENT.name, email: AGENT.email, roles: ['agent'] }, login.cookie);
  const token = new URLSearchParams(new URL(String(invited.json.link)).hash.slice(1)).get('token');
  const accepted = await call('POST', '/api/auth/invitations/accept', { token, name: AGENT.name, password: AGENT.password });
  if (accepted.status !== 201) throw new Error(`could not create the agent: ${accepted.status}`);
}

beforeAll(async () => {
  // NODE_ENV=test: the session cookie is not Secure, as on a plain-http local install.
  server = await startServerProcess({ env: { NODE_ENV: 'test', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  await createAgent();
  browser = await launchChromium();
  agent = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  officer = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
}, 90_000);
afterAll(async () => {
  resident?.close();
  await browser?.close();
  await server?.destroy();
});

async function expectAxeClean(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

async function expectReadableAtDoubleZoom(page: Page) {
  await page.setViewportSize({ width: 640, height: 900 });
  await expect.poll(() => scrollsSideways(page)).toBe(false);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const card = (page: Page, name: string | RegExp) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name }) });

describe('live triage', () => {
  it('the agent signs in and opens the triage queue with the keyboard alone', async () => {
    await agent.goto(server.url + '/');
    await agent.getByRole('heading', { name: 'Sign in' }).waitFor();
    await tabTo(agent, (f) => f.id === 'email');
    await agent.keyboard.type(AGENT.email);
    await agent.keyboard.press('Tab');
    expect((await focused(agent)).id).toBe('password');
    await agent.keyboard.type(AGENT.password);
    await agent.keyboard.press('Enter');
    await agent.getByText(`Signed in as ${AGENT.name} (agent)`).waitFor();

    await tabTo(agent, (f) => f.tag === 'A' && f.text === 'Triage');
    await agent.keyboard.press('Enter');
    await agent.getByRole('heading', { level: 1, name: 'Triage' }).waitFor();
    await agent.getByRole('heading', { level: 2, name: 'Waiting for a person (0)' }).waitFor();
    expect(await focused(agent)).toMatchObject({ tag: 'H1', text: 'Triage' });
    await expectAxeClean(agent);
    await expectReadableAtDoubleZoom(agent);
  });

  it('a second member of staff watches the same queue', async () => {
    await officer.goto(server.url + '/triage');
    await signIn(officer, ADMIN.email, ADMIN.password);
    await officer.getByRole('heading', { level: 1, name: 'Triage' }).waitFor();
    await officer.getByRole('heading', { level: 2, name: 'Waiting for a person (0)' }).waitFor();
  });

  it('a resident on web chat asks for a person: the handoff appears in both queues without a reload', async () => {
    resident = io(`${server.url}/chat`, { path: '/socket.io', transports: ['websocket'], forceNew: true, reconnection: false });
    resident.on('message', (message: { author: string; text: string }) => residentHeard.push(message));
    await new Promise((resolve, reject) => {
      resident.once('session', resolve);
      resident.once('connect_error', reject);
    });
    const ack = (await resident.timeout(5000).emitWithAck('message', { clientId: randomUUID(), text: 'can I speak to a person' })) as { ok: boolean };
    expect(ack.ok).toBe(true);

    for (const page of [agent, officer]) {
      await page.getByRole('heading', { level: 2, name: 'Waiting for a person (1)' }).waitFor();
      const handoff = card(page, 'Web chat: unknown resident');
      await handoff.getByText('Reason: resident asked for a person').waitFor();
      await handoff.getByText(/^Waiting (less than a minute|\d+ minutes?)$/).waitFor();
    }
    await expect.poll(() => residentHeard.some((m) => m.author === 'bot' && /passing you to a member of our team/.test(m.text))).toBe(true);
    await expectAxeClean(agent);
  });

  it('the agent claims it with the keyboard; the other browser sees it taken at once', async () => {
    await tabTo(agent, (f) => f.tag === 'BUTTON' && f.text === 'Claim');
    await agent.keyboard.press('Enter');
    await agent.getByRole('heading', { level: 1, name: 'Conversation' }).waitFor();
    await agent.getByText('You are handling this conversation. The bot is silent until you release it.').waitFor();
    await card(officer, 'Web chat: unknown resident').getByText(`Taken by ${AGENT.name}`).waitFor();
    await expectAxeClean(agent);
    await expectReadableAtDoubleZoom(agent);
  });

  it('the agent answers (the resident sees them typing); the resident receives it; the resident typing and replying shows live', async () => {
    const staffTyping: boolean[] = [];
    resident.on('typing', (event: { typing: boolean; author: string }) => {
      if (event.author === 'staff') staffTyping.push(event.typing);
    });
    await tabTo(agent, (f) => f.id === 'reply-text');
    await agent.keyboard.type('Hello, this is Alex from the housing team. How can I help?');
    await expect.poll(() => staffTyping[0]).toBe(true);
    await agent.keyboard.press('Tab');
    expect(await focused(agent)).toMatchObject({ tag: 'BUTTON', text: 'Send' });
    await agent.keyboard.press('Enter');

    const log = agent.getByRole('log', { name: 'Messages' });
    const sent = log.getByRole('listitem').filter({ hasText: 'Hello, this is Alex from the housing team.' });
    await sent.getByText(`Staff: ${AGENT.name}`).waitFor();
    await sent.getByText('Sent', { exact: false }).waitFor();
    await expect.poll(() => residentHeard.find((m) => m.author === 'staff')?.text).toBe('Hello, this is Alex from the housing team. How can I help?');
    // The socket event can show the message before the API's answer clears the box.
    await expect.poll(() => agent.locator('#reply-text').inputValue()).toBe('');
    await expect.poll(() => staffTyping.at(-1)).toBe(false);

    resident.emit('typing', { typing: true });
    await agent.getByText('The resident is typing…').waitFor();
    const ack = (await resident.timeout(5000).emitWithAck('message', { clientId: randomUUID(), text: 'Nobody has fixed my boiler and I am fed up' })) as { ok: boolean };
    expect(ack.ok).toBe(true);
    await log.getByText('Nobody has fixed my boiler and I am fed up').waitFor();
    await expect.poll(() => agent.getByText('The resident is typing…').count()).toBe(0);
    await expectAxeClean(agent);
  });

  it('the agent releases it to the bot; the other browser’s queue empties live', async () => {
    await tabTo(agent, (f) => f.tag === 'BUTTON' && f.text === 'Release to the bot');
    await agent.keyboard.press('Enter');
    await agent.getByText('The bot is handling this conversation.').waitFor();
    await officer.getByRole('heading', { level: 2, name: 'Waiting for a person (0)' }).waitFor();
    await expectAxeClean(agent);
  });

  it('the agent logs the conversation as a complaint, adding the resident on the way; the other browser sees it await acknowledgement', async () => {
    await agent.getByRole('button', { name: 'Log as a complaint' }).click();
    const summary = agent.getByLabel('The complaint, in the resident’s words');
    expect(await summary.inputValue()).toBe('can I speak to a person\nNobody has fixed my boiler and I am fed up');

    // Without a resident, the server's refusal is shown where it belongs.
    await agent.getByRole('button', { name: 'Log complaint' }).click();
    await agent.getByRole('group', { name: 'Resident' }).getByText('The resident must be a valid id').waitFor();
    await expectAxeClean(agent);

    await agent.getByLabel('Find a resident').fill('Wren Webchat');
    await agent.getByLabel('Find a resident').press('Enter');
    await agent.getByText('No residents match that search.').waitFor();
    await agent.getByRole('button', { name: 'Add a new resident' }).click();
    await agent.getByLabel('Full name').fill('Wren Webchat');
    await agent.getByLabel('Postcode (optional)').fill('zz1 1zz');
    await agent.getByRole('button', { name: 'Add resident' }).click();
    await agent.getByText('Wren Webchat (ZZ1 1ZZ)').waitFor();
    await agent.getByRole('button', { name: 'Log complaint' }).click();
    const confirmation = agent.getByRole('status').filter({ hasText: /^Complaint CMP-\d{4}-\d{6} logged\./ });
    await confirmation.waitFor();
    const reference = /CMP-\d{4}-\d{6}/.exec((await confirmation.textContent()) ?? '')![0];

    const aside = agent.getByRole('complementary', { name: 'Resident' });
    await aside.getByText('Wren Webchat').first().waitFor();
    await aside.getByRole('link', { name: reference }).waitFor();
    await officer.getByRole('heading', { level: 2, name: 'Complaints awaiting acknowledgement (1)' }).waitFor();
    await card(officer, `${reference}: Wren Webchat`).getByText(/^Acknowledge by .*: (\d+ working days? left|due today)$/).waitFor();
    await expectAxeClean(agent);
    await expectAxeClean(officer);
  });

  it('the agent logs a phone call as a service request', async () => {
    await agent.getByRole('link', { name: 'Back to triage' }).click();
    await agent.getByRole('link', { name: 'Log a phone call, letter, email or visit' }).click();
    await agent.getByRole('heading', { level: 1, name: 'Log a phone call, letter, email or visit' }).waitFor();
    expect(await agent.getByLabel('Phone call').isChecked()).toBe(true);
    await agent.getByLabel('A service request', { exact: false }).check();
    await agent.getByLabel('Find a resident').fill('zz1 1zz');
    await agent.getByRole('button', { name: 'Search' }).click();
    await agent.getByRole('button', { name: 'Choose Wren Webchat (ZZ1 1ZZ)' }).click();
    await agent.getByLabel('What the resident asked for').fill('The kitchen extractor fan is broken.');
    await expectAxeClean(agent);
    await expectReadableAtDoubleZoom(agent);
    await agent.getByRole('button', { name: 'Record service request' }).click();
    await agent.getByRole('status').filter({ hasText: /^Service request SR-\d{4}-\d{6} recorded\.$/ }).waitFor();
    await expectAxeClean(agent);
  });

  it('a resident the bot offered a complaint, who has not answered, waits in the queue with the detector’s label and reasons (1.3)', async () => {
    const second = io(`${server.url}/chat`, { path: '/socket.io', transports: ['websocket'], forceNew: true, reconnection: false });
    const heard: string[] = [];
    second.on('message', (message: { author: string; text: string }) => message.author === 'bot' && heard.push(message.text));
    try {
      await new Promise((resolve, reject) => {
        second.once('session', resolve);
        second.once('connect_error', reject);
      });
      const ack = (await second.timeout(5000).emitWithAck('message', { clientId: randomUUID(), text: "I'm still waiting for the repair, third time, nobody came" })) as { ok: boolean };
      expect(ack.ok).toBe(true);
      await expect.poll(() => heard.some((text) => /formal complaint/.test(text)), { timeout: 15_000 }).toBe(true);

      await agent.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Triage' }).click();
      for (const page of [agent, officer]) {
        const offers = page.getByRole('region', { name: 'Complaint offers not answered yet (1)' });
        await offers.waitFor();
        const detector = offers.getByText(/^Detector: Dissatisfied \(possible complaint\)/);
        await detector.waitFor();
        // The reasons the detector gave, in its own words: the repeated failure it noticed.
        expect(await detector.textContent()).toMatch(/\(.*third time.*\)$/);
        await offers.getByText(/^Waiting (less than a minute|\d+ minutes?)$/).waitFor();
        await offers.getByRole('heading', { level: 3, name: 'Web chat: unknown resident' }).waitFor();
        await offers.getByRole('button', { name: 'Claim' }).waitFor();
      }
      await expectAxeClean(agent);
      await expectReadableAtDoubleZoom(agent);
    } finally {
      second.close();
    }
  });
});
