// The case view beyond stage 1: escalating (the stage 1 handler is never offered, 6.13), refusing
// with the keyboard only (the letter shows the right to go to the Ombudsman, 2.5) and closing with
// a category and learning (9.1). A complaints officer watches in a second browser and sees each
// change live. axe-core on every state; no sideways scrolling at 200% zoom.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createCategory } from '@complaints/db/factories';
import { axeViolations, launchChromium } from '../support/browser.ts';
import {
  DEFINITION,
  fact,
  focused,
  logCase,
  openCase,
  preview,
  scrollsSideways,
  signedInPage,
  staffMember,
  startCaseServer,
  timeline,
  type StaffMember,
  type TestServer,
} from '../support/caseView.ts';

let server: TestServer;
let browser: Browser;
let hana: StaffMember;
let rowan: StaffMember;
let olive: StaffMember;
let a: Page;
let b: Page;
const cspErrors: string[] = [];

beforeAll(async () => {
  server = await startCaseServer();
  browser = await launchChromium();
  // Hana handles stage 1 and is a reviewer too: only 6.13 keeps her off stage 2.
  hana = await staffMember(server, ['handler', 'reviewer'], 'Hana Handler');
  rowan = await staffMember(server, ['reviewer'], 'Rowan Reviewer');
  olive = await staffMember(server, ['complaints_officer'], 'Olive Officer');
  a = await signedInPage(browser, server, hana);
  b = await signedInPage(browser, server, olive);
  for (const page of [a, b]) page.on('console', (message) => message.text().includes('Content Security Policy') && cspErrors.push(message.text()));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});


/** A stage 1 case Hana has acknowledged and answered, through the API as the console would. */
async function respondedCase() {
  const logged = await logCase(server, hana, 'Ray Testperson');
  const ack = await hana.client.post(`/api/complaints/${logged.id}/acknowledge`, { definition: DEFINITION, version: logged.version });
  const response = await hana.client.post(`/api/complaints/${logged.id}/respond`, {
    decision: 'not_upheld',
    reasons: 'The appointments were kept; the resident was out.',
    version: ack.json.version,
  });
  if (response.status !== 200) throw new Error(`respond: ${response.status} ${response.text}`);
  return response.json as { id: string; reference: string; version: number };
}

describe('escalating to stage 2 (6.10-6.13)', () => {
  it('offers reviewers but never the stage 1 handler; no letter yet; the officer sees stage 2 arrive', async () => {
    const complaint = await respondedCase();
    await openCase(a, server, complaint);
    await openCase(b, server, complaint);
    await a.getByRole('button', { name: 'Escalate to stage 2' }).click();
    const picker = a.getByLabel('Stage 2 handler');
    await picker.locator('option', { hasText: 'Rowan Reviewer' }).waitFor({ state: 'attached' });
    expect(await picker.locator('option').allTextContents()).toEqual(['Choose the stage 2 handler', 'Rowan Reviewer']);
    await a.getByText('Escalating sends no letter now', { exact: false }).waitFor();
    expect(await axeViolations(a)).toEqual([]);

    await picker.selectOption(rowan.id);
    await a.getByText(/Afterwards: acknowledgement due/).waitFor();
    await a.getByRole('button', { name: 'Escalate to stage 2' }).last().click();
    await a.getByRole('status').getByText('Escalated to stage 2. The stage 2 acknowledgement is due', { exact: false }).waitFor();
    await expect(fact(a, 'Stage').textContent()).resolves.toBe('Stage 2');
    await fact(b, 'Stage').getByText('Stage 2').waitFor();
    await fact(b, 'Handler').getByText('Rowan Reviewer').waitFor();
    await timeline(b).getByText('Escalated to stage 2').waitFor();
    await timeline(b).getByText('The resident gave no reason (none is needed, 6.12)').waitFor();
    // The officer may reassign stage 2, and is not offered Hana either.
    await b.getByRole('button', { name: 'Assign handler' }).click();
    const assign = b.getByLabel('Stage 2 handler');
    await assign.locator('option', { hasText: 'Rowan Reviewer' }).waitFor({ state: 'attached' });
    expect(await assign.locator('option').allTextContents()).toEqual(['Choose the handler', 'Rowan Reviewer']);
    expect(await axeViolations(b)).toEqual([]);
  });
});

describe('refusing with the keyboard only (2.1-2.5), then closing (9.1)', () => {
  let complaint: { id: string; reference: string; version: number };

  it('refuses using Tab, arrows, typing and Enter; the preview shows the right to go to the Ombudsman', async () => {
    complaint = await logCase(server, hana, 'Kim Testperson');
    await openCase(a, server, complaint);
    await openCase(b, server, complaint);
    // From the page heading (focused on arrival), Tab to the Refuse button.
    expect((await focused(a)).tag).toBe('H1');
    for (let i = 0; i < 40 && (await focused(a)).text !== 'Refuse'; i++) await a.keyboard.press('Tab');
    expect(await focused(a)).toMatchObject({ tag: 'BUTTON', text: 'Refuse' });
    await a.keyboard.press('Enter');
    expect(await focused(a)).toMatchObject({ tag: 'H3', text: 'Refuse' });
    await a.keyboard.press('Tab');
    expect((await focused(a)).id).toBe('refuse-reasonCode-over_12_months');
    // Arrow keys move through a radio group and select as they go.
    await a.keyboard.press('ArrowDown');
    expect((await focused(a)).id).toBe('refuse-reasonCode-legal_proceedings');
    await a.keyboard.press('Tab');
    expect((await focused(a)).id).toBe('refuse-explanation');
    await a.keyboard.type('A claim about this repair has been filed at the county court.');
    await preview(a).getByText('A claim about this repair has been filed at the county court.').waitFor();
    await preview(a).getByText('Housing Ombudsman', { exact: false }).first().waitFor();
    await a.keyboard.press('Tab');
    expect(await focused(a)).toMatchObject({ tag: 'BUTTON', text: 'Refuse and send the letter' });
    expect(await axeViolations(a)).toEqual([]);
    await a.keyboard.press('Enter');
    await a.getByRole('status').getByText('Refused. The refusal letter, with the right to go to the Ombudsman, has been issued.').waitFor();
    // Focus lands on what happened, not lost with the closed form.
    expect((await focused(a)).text).toBe('Refused. The refusal letter, with the right to go to the Ombudsman, has been issued.');
    await fact(b, 'Status').getByText('Refused').waitFor();
    await timeline(b).getByText('Refused: Legal proceedings have started').waitFor();
    await timeline(b).getByText('Refusal letter (Stage 1)').waitFor();
  });

  it('the printable refusal letter opens from the timeline', async () => {
    const link = timeline(a).getByRole('link', { name: /Open the printable letter/ }).first();
    const [letterPage] = await Promise.all([a.context().waitForEvent('page'), link.click()]);
    await letterPage.getByRole('heading', { level: 1 }).waitFor();
    expect(await letterPage.content()).toContain('Housing Ombudsman');
    await letterPage.close();
  });

  it('closes with a category and the learning; the officer sees it closed', async () => {
    const category = await createCategory(server.context.prisma, { name: 'Repairs: missed appointments' });
    await a.getByRole('button', { name: 'Close' }).click();
    await a.getByRole('button', { name: 'Close the complaint' }).click();
    await a.locator('#close-categoryId-error').waitFor();
    await a.locator('#close-learning-error').waitFor();
    expect(await axeViolations(a)).toEqual([]);
    await a.getByLabel('Category').selectOption(category.id);
    await a.getByLabel('Learning from this complaint').fill('Check for court claims before logging a complaint.');
    await a.getByRole('button', { name: 'Close the complaint' }).click();
    await a.getByRole('status').getByText('Closed. The category and learning are recorded.').waitFor();
    await fact(b, 'Status').getByText('Closed').waitFor();
    await timeline(b).getByText('Category: Repairs: missed appointments').waitFor();
    await b.getByText('Nothing to do on this case now: it is closed.').waitFor();
    expect(await axeViolations(b)).toEqual([]);
  });

  it('records a related issue (6.8); reads at 200% zoom without sideways scrolling; the letter preview is allowed by the CSP', async () => {
    const complaint = await logCase(server, hana, 'Lee Testperson');
    await openCase(a, server, complaint);
    // 6.8: before the stage 1 response a related issue joins the complaint.
    await a.getByRole('button', { name: 'Record a related issue' }).click();
    await a.getByLabel('The new issue').fill('The radiator in the bedroom also leaks.');
    await a.getByRole('button', { name: 'Record the new issue' }).click();
    await a.getByRole('status').getByText('The new issue is now part of this complaint.').waitFor();
    await timeline(a).getByText('Related issue added to this complaint (6.8)').waitFor();
    await a.getByRole('button', { name: 'Refuse' }).click();
    await a.getByRole('radio', { name: 'Another reason (explain it)' }).check();
    await a.getByLabel('Explanation for the resident').fill('This is a request for a repair, which we have booked; it is not a complaint.');
    await preview(a).getByText('This is a request for a repair, which we have booked; it is not a complaint.').waitFor();
    await a.setViewportSize({ width: 640, height: 900 });
    await expect.poll(() => scrollsSideways(a)).toBe(false);
    expect(await axeViolations(a)).toEqual([]);
    await a.setViewportSize({ width: 1280, height: 900 });
    expect(cspErrors).toEqual([]);
    // The preview wrote nothing: the case is still waiting to be acknowledged.
    expect((await hana.client.get(`/api/complaints/${complaint.id}`)).json.status).toBe('received');
  });
});

describe('stage ownership: the console offers only what the signed-in person may do', () => {
  it('a handler sees nothing to do on a stage 2 case that its reviewer can acknowledge', async () => {
    const harper = await staffMember(server, ['handler'], 'Harper Handler');
    const responded = await respondedCase();
    const escalated = await hana.client.post(`/api/complaints/${responded.id}/escalate`, { handlerId: rowan.id, version: responded.version });
    expect(escalated.status).toBe(200);
    const handlerPage = await signedInPage(browser, server, harper);
    const reviewerPage = await signedInPage(browser, server, rowan);
    try {
      await openCase(handlerPage, server, responded);
      await handlerPage.getByText('Nothing to do on this case now.').waitFor();
      expect(await handlerPage.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
      expect(await handlerPage.getByRole('textbox', { name: /understanding/i }).count()).toBe(0);
      expect(await axeViolations(handlerPage)).toEqual([]);
      await openCase(reviewerPage, server, responded);
      await reviewerPage.getByRole('button', { name: 'Acknowledge' }).waitFor();
      await reviewerPage.getByRole('button', { name: 'Refuse' }).waitFor();
    } finally {
      await handlerPage.context().close();
      await reviewerPage.context().close();
    }
  });

  it('a complaints officer acknowledging an unassigned case names its handler', async () => {
    const complaint = await logCase(server, olive, 'Noor Testperson');
    const saved = await olive.client.request('PUT', `/api/complaints/${complaint.id}/definition`, { definition: DEFINITION, version: complaint.version });
    expect(saved.status).toBe(200);
    await openCase(b, server, complaint);
    await b.getByRole('button', { name: 'Acknowledge' }).click();
    const picker = b.getByLabel('Stage 1 handler');
    await picker.locator('option', { hasText: 'Hana Handler' }).waitFor({ state: 'attached' });
    // Only people with the handler role: the officer is not offered, so nobody is chosen for her.
    expect(await picker.inputValue()).toBe('');
    await b.getByRole('button', { name: 'Acknowledge and send the letter' }).click();
    await b.locator('#acknowledge-handlerId-error').getByText('you do not hold the handler role', { exact: false }).waitFor();
    expect(await axeViolations(b)).toEqual([]);
    await picker.selectOption(hana.id);
    await b.getByRole('button', { name: 'Acknowledge and send the letter' }).click();
    await b.getByRole('status').getByText('Acknowledged.', { exact: false }).waitFor();
    await fact(b, 'Handler').getByText('Hana Handler').waitFor();
  });
});
