// The administrator's closure days and letter settings in a real browser: adding and removing a
// closure day with the keyboard (and the server's refusal of a weekend), editing the letter
// template with a preview of a made-up letter, a stale save, and who may open these screens.
// axe-core on every state; no sideways scrolling at 200% zoom (640 CSS px).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { focused, scrollsSideways, signedInPage, staffMember, startCaseServer, type StaffMember, type TestServer } from '../support/caseView.ts';
import { tabTo } from '../support/consoleSession.ts';

let server: TestServer;
let browser: Browser;
let ada: StaffMember;
let olive: StaffMember;
let page: Page;

beforeAll(async () => {
  server = await startCaseServer();
  browser = await launchChromium();
  ada = await staffMember(server, ['admin'], 'Ada Admin');
  olive = await staffMember(server, ['complaints_officer'], 'Olive Officer');
  page = await signedInPage(browser, server, ada);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const frame = () => page.frameLocator('iframe[title^="Letter preview"]');

describe('closure days', () => {
  it('opens from the menu: heading focused, nothing planned yet, axe-clean, no sideways scrolling at 200% zoom', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Closure days' }).click();
    await page.getByText('No closure days are planned.').waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'H1', text: 'Closure days' });
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 640, height: 900 });
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('adds one with the keyboard, says what happened, and the server has it (audited)', async () => {
    await tabTo(page, (element) => element.id === 'closure-date');
    // A date input's typing order follows the browser's locale; the value is what matters here.
    await page.locator('#closure-date').fill('2031-01-07');
    // Tab goes through the date's day, month and year, then on to the reason.
    await tabTo(page, (element) => element.id === 'closure-description', 4);
    await page.keyboard.type('Office move');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'BUTTON', text: 'Add closure day' });
    await page.keyboard.press('Enter');
    // The browser's own en-GB long date (with or without a comma after the weekday).
    await page.getByRole('status').getByText(/^Added Tuesday,? 7 January 2031: it is no longer a working day\.$/).waitFor();
    expect((await focused(page)).text).toMatch(/^Added Tuesday,? 7 January 2031/);
    const list = page.getByRole('list', { name: 'Upcoming closure days' });
    await list.getByRole('heading', { name: /^Tuesday,? 7 January 2031$/ }).waitFor();
    await list.getByText('Office move').waitFor();
    expect((await ada.client.get('/api/calendar/closure-days')).json.closureDays).toMatchObject([{ date: '2031-01-07', description: 'Office move' }]);
    const audit = await server.context.prisma.auditEvent.findMany({ where: { action: 'closure_day.added', entityId: '2031-01-07' } });
    expect(audit.map((row) => row.actorStaffId)).toEqual([ada.id]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the server’s refusal of a weekend and keeps what was typed', async () => {
    await page.locator('#closure-date').fill('2031-01-04');
    await page.getByLabel('Reason').fill('Stocktake');
    await page.getByRole('button', { name: 'Add closure day' }).click();
    await page.getByRole('alert').getByText('2031-01-04 is already not a working day (weekend).').waitFor();
    expect(await page.getByLabel('Reason').inputValue()).toBe('Stocktake');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('removes one with the keyboard', async () => {
    await tabTo(page, (element) => /^Remove the closure day on Tuesday,? 7 January 2031$/.test(element.text));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(/^Removed Tuesday,? 7 January 2031: it is a working day again\.$/).waitFor();
    await page.getByText('No closure days are planned.').waitFor();
    expect((await ada.client.get('/api/calendar/closure-days')).json.closureDays).toEqual([]);
  });
});

describe('letter settings', () => {
  it('opens from the menu with each blank field saying what letters use instead; axe-clean at 200% zoom', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Letters' }).click();
    await page.getByRole('heading', { level: 2, name: 'Complaints team contact' }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'H1', text: 'Letters' });
    await page.getByText('Leave blank to sign with the name of the member of staff who sends each letter.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 640, height: 900 });
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('previews a made-up letter with what is typed, before saving; the Code’s sections stay', async () => {
    await page.getByLabel('Team name').fill('Customer Resolution Team');
    await page.getByLabel('Sign letters as').fill('Jo Manager');
    await page.getByLabel('Job title').fill('Head of Customer Resolution');
    await page.getByLabel('Acknowledgement (optional)', { exact: true }).fill('Thank you for giving us the chance to put things right.');
    await page.getByRole('button', { name: 'Show the preview' }).click();
    await frame().getByText('Thank you for giving us the chance to put things right.').waitFor();
    await frame().getByText('Head of Customer Resolution').waitFor();
    await frame().getByRole('heading', { name: 'What we understand your complaint to be' }).waitFor();
    await frame().getByText('Housing Ombudsman Service').first().waitFor();
    // Another kind of letter: without the acknowledgement's opening.
    await page.getByLabel('Letter', { exact: true }).selectOption('refusal');
    await page.getByRole('button', { name: 'Show the preview' }).click();
    await frame().getByRole('heading', { name: 'Your right to go to the Housing Ombudsman' }).waitFor();
    expect(await frame().getByText('Thank you for giving us the chance').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // Nothing saved yet.
    expect((await ada.client.get('/api/settings/letters')).json.version).toBe(0);
  });

  it('shows a bad email by its field, then saves; the saved settings are there after a reload', async () => {
    await page.getByLabel('Email').fill('not an email');
    await page.getByRole('button', { name: 'Save letter settings' }).click();
    await page.locator('#letters-email-error').getByText('Enter a valid email address, or leave it blank').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Email').fill('resolution@example.org');
    await page.getByRole('button', { name: 'Save letter settings' }).click();
    await page.getByRole('status').getByText('Letter settings saved.', { exact: false }).waitFor();
    const saved = (await ada.client.get('/api/settings/letters')).json;
    expect(saved).toMatchObject({ version: 1, value: { complaintsTeam: 'Customer Resolution Team', email: 'resolution@example.org', signatoryName: 'Jo Manager' } });
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Complaints team contact' }).waitFor();
    expect(await page.getByLabel('Sign letters as').inputValue()).toBe('Jo Manager');
    expect(await page.getByLabel('Acknowledgement (optional)', { exact: true }).inputValue()).toBe('Thank you for giving us the chance to put things right.');
  });

  it('a save over someone else’s change is refused with a way to reload', async () => {
    const other = await ada.client.request('PUT', '/api/settings/letters', { template: { signatoryName: 'Someone Else' }, version: 1 });
    expect(other.status).toBe(200);
    await page.getByLabel('Job title').fill('Complaints Manager');
    await page.getByRole('button', { name: 'Save letter settings' }).click();
    await page.getByRole('alert').getByText('This setting was changed by someone else since you opened it.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Reload the saved settings' }).click();
    await page.waitForFunction(() => (document.getElementById('letters-signatoryName') as HTMLInputElement | null)?.value === 'Someone Else');
    expect(await page.getByLabel('Job title').inputValue()).toBe('');
  });

  it('is not offered to a complaints officer, and the pages say so if opened directly', async () => {
    const officer = await signedInPage(browser, server, olive);
    try {
      const nav = officer.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Settings' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Letters' }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Closure days' }).count()).toBe(0);
      for (const path of ['/admin/letters', '/admin/closure-days']) {
        await officer.goto(`${server.url}${path}`);
        await officer.getByRole('heading', { level: 1, name: 'Page not available' }).waitFor();
      }
    } finally {
      await officer.context().close();
    }
  });
});
