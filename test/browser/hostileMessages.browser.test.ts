// A resident's message carrying HTML and script (issue 8, "Bad input and access") reaches staff as
// the words the resident typed: in the triage conversation view and in the case timeline it is
// text, no element is made from it, and nothing in it runs. Two defences, both checked: React
// writes text, never markup (the DOM has no <img>/<script> from the message), and the CSP would
// refuse inline script even if it did (the window flag the script sets is never set).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { launchChromium } from '../support/browser.ts';
import { openCase, signedInPage, staffMember, startCaseServer, timeline, type StaffMember, type TestServer } from '../support/caseView.ts';

const IMG = '<img src=x onerror="window.__hostileRan=1">';
const SCRIPT = '<script>window.__hostileRan=1</script>';
const RESIDENT_SAYS = `Nobody came ${IMG} and ${SCRIPT} again`;
const NOTE = `Called back. ${SCRIPT}<b>bold?</b>`;

let server: TestServer;
let browser: Browser;
let agent: StaffMember;
let page: Page;
let resident: Socket;
let conversationId: string;
const dialogs: string[] = [];

beforeAll(async () => {
  server = await startCaseServer();
  browser = await launchChromium();
  agent = await staffMember(server, ['agent', 'handler'], 'Alex Agent');
  resident = io(`${server.url}/chat`, { path: '/socket.io', transports: ['websocket'], forceNew: true, reconnection: false });
  await new Promise((resolve, reject) => {
    resident.once('session', resolve);
    resident.once('connect_error', reject);
  });
  const ack = (await resident.timeout(5000).emitWithAck('message', { clientId: randomUUID(), text: RESIDENT_SAYS })) as { ok: boolean; seq: number };
  expect(ack.ok).toBe(true);
  conversationId = (await server.context.prisma.message.findFirstOrThrow({ where: { seq: BigInt(ack.seq) } })).conversationId;
  page = await signedInPage(browser, server, agent);
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
}, 120_000);
afterAll(async () => {
  resident?.close();
  await browser?.close();
  await server?.stop();
});

/** Nothing from the message became an element, and nothing ran. */
async function expectInert(page: Page) {
  const dom = await page.evaluate(() => ({
    ran: (window as unknown as { __hostileRan?: unknown }).__hostileRan,
    imgs: document.querySelectorAll('img[src="x"]').length,
    scripts: Array.from(document.querySelectorAll('script')).filter((script) => script.textContent?.includes('__hostileRan')).length,
    bold: Array.from(document.querySelectorAll('b')).filter((b) => b.textContent === 'bold?').length,
  }));
  expect(dom).toEqual({ ran: undefined, imgs: 0, scripts: 0, bold: 0 });
  expect(dialogs).toEqual([]);
}

describe('HTML and script in messages are shown as text', () => {
  it('in the triage conversation view', async () => {
    await page.goto(`${server.url}/triage/conversations/${conversationId}`);
    const log = page.getByRole('log', { name: 'Messages' });
    await log.getByText(RESIDENT_SAYS, { exact: true }).waitFor();
    await expectInert(page);
  });

  it('in the case timeline, with a note that carries markup too', async () => {
    const logged = await agent.client.post('/api/complaints', {
      residentId: (await server.context.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } })).residentId ?? (await linkResident()),
      channel: 'webchat',
      conversationId,
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      summary: RESIDENT_SAYS,
    });
    expect(logged.status, logged.text).toBe(201);
    const complaint = logged.json as { id: string; reference: string };
    expect((await agent.client.post(`/api/complaints/${complaint.id}/notes`, { body: NOTE })).status).toBe(201);

    await openCase(page, server, complaint);
    await timeline(page).getByText(RESIDENT_SAYS, { exact: true }).waitFor();
    await timeline(page).getByText(NOTE, { exact: true }).waitFor();
    // The summary in the case header too.
    await page.getByText(RESIDENT_SAYS, { exact: true }).first().waitFor();
    await expectInert(page);
  });

  it('and arriving live, while the page is open', async () => {
    const live = `Still waiting ${IMG}${SCRIPT}`;
    await page.goto(`${server.url}/triage/conversations/${conversationId}`);
    const log = page.getByRole('log', { name: 'Messages' });
    await log.getByText(RESIDENT_SAYS, { exact: true }).waitFor();
    const ack = (await resident.timeout(5000).emitWithAck('message', { clientId: randomUUID(), text: live })) as { ok: boolean };
    expect(ack.ok).toBe(true);
    await log.getByText(live, { exact: true }).waitFor();
    await expectInert(page);
  });
});

/** The web chat resident is anonymous: staff say who they are before logging the complaint. */
async function linkResident(): Promise<string> {
  const created = await agent.client.post('/api/residents', { fullName: 'Jo Testperson', postcode: 'ZZ1 1ZZ' });
  const linked = await agent.client.post(`/api/conversations/${conversationId}/resident`, { residentId: created.json.id });
  expect(linked.status, linked.text).toBe(200);
  return created.json.id as string;
}
