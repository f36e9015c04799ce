// The case list in a real browser: filter, search, sort and page with the keyboard while the URL
// follows (and the back button returns), a second browser logs a complaint and the list updates
// live, and the categories screen; axe-core checks each screen, and nothing scrolls sideways at
// 200% zoom.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createComplaint, createResident } from '@complaints/db/factories';
import { addCalendarDays, civilDateInLondon, createWorkingCalendar } from '../../server/src/domain/index.ts';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { createStaffWithPassword, seededDataDir } from '../support/seededDataDir.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';
import { signInAt } from '../support/signIn.ts';

const OFFICER = { name: 'Olu Officer', email: 'olu.officer@example.org', password: 'officer browser password', roles: ['complaints_officer', 'handler'] as const };
const HANDLER = { name: 'Hana Handler', email: 'hana.handler@example.org', password: 'handler browser password', roles: ['handler'] as const };
const CASES = 30;

let dataDir: string;
let server: ServerProcess;
let browser: Browser;
let officer: Page;
let handler: Page;
let overdueId = '';
let searchResidentId = '';

const day = (date: string) => new Date(`${date}T00:00:00Z`);

beforeAll(async () => {
  // Deadlines relative to the real today: the server process runs on the real clock.
  const today = civilDateInLondon(new Date());
  const calendar = createWorkingCalendar();
  dataDir = await seededDataDir(async (prisma) => {
    const olu = await createStaffWithPassword(prisma, { ...OFFICER, roles: [...OFFICER.roles] });
    await createStaffWithPassword(prisma, { ...HANDLER, roles: [...HANDLER.roles] });
    const bronwen = await createResident(prisma, { fullName: 'Bronwen Pryce', phone: '+447700900777' });
    searchResidentId = bronwen.id;
    const overdue = await createComplaint(prisma, {
      residentId: bronwen.id,
      reference: 'CMP-2026-900001',
      receivedAt: new Date(`${addCalendarDays(today, -20)}T10:00:00Z`),
      handlerId: olu.id,
      currentDueOn: day(addCalendarDays(today, -3)),
    });
    overdueId = overdue.id;
    for (let i = 2; i <= CASES; i += 1) {
      const resident = await createResident(prisma);
      await createComplaint(prisma, {
        residentId: resident.id,
        reference: `CMP-2026-9000${String(i).padStart(2, '0')}`,
        receivedAt: new Date(`${addCalendarDays(today, -i)}T09:00:00Z`),
        channel: i % 3 === 0 ? 'whatsapp' : 'sms',
        currentDueOn: day(calendar.addWorkingDays(today, 3 + i)),
      });
    }
  });
  server = await startServerProcess({ dataDir, env: { NODE_ENV: 'test' } });
  browser = await launchChromium();
  officer = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  handler = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const summary = (page: Page) => page.locator('.results-summary');
const query = (page: Page) => new URL(page.url()).search;
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
const references = (page: Page) => page.locator('table.cases tbody tr td:first-child').allTextContents();

describe('the case list', () => {
  it('opens from the menu with every case, earliest deadline first, deadline badges in words; axe-clean', async () => {
    await signInAt(officer, `${server.url}/`, OFFICER);
    await officer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    await summary(officer).getByText(`Showing 1 to 25 of ${CASES} cases, sorted by deadline, ascending.`).waitFor();
    const first = officer.locator('table.cases tbody tr').first();
    expect(await first.locator('td').first().textContent()).toBe('CMP-2026-900001');
    expect(await first.getByText(/^Overdue by \d+ working days?$/).count()).toBe(1);
    expect(await first.getByText('Bronwen Pryce').count()).toBe(1);
    expect(await first.getByText('Olu Officer').count()).toBe(1);
    // The row links to the case view (another screen, at /cases/:id).
    expect(await first.getByRole('link', { name: 'CMP-2026-900001' }).getAttribute('href')).toBe(`/cases/${overdueId}`);
    expect(await axeViolations(officer)).toEqual([]);
  });

  it('searches by phone and filters by deadline with the keyboard; the URL follows', async () => {
    await officer.getByLabel('Search by reference, name or phone number').focus();
    await officer.keyboard.type('07700 900777');
    await officer.keyboard.press('Enter');
    await summary(officer).getByText('Showing 1 to 1 of 1 cases', { exact: false }).waitFor();
    expect(query(officer)).toBe('?q=07700+900777');
    expect(await references(officer)).toEqual(['CMP-2026-900001']);

    // Clear the search, then choose "Overdue" from the deadline filter with the arrow keys.
    await officer.getByLabel('Search by reference, name or phone number').fill('');
    await officer.getByLabel('Deadline').focus();
    for (let i = 0; i < 3; i += 1) await officer.keyboard.press('ArrowDown');
    expect(await officer.getByLabel('Deadline').inputValue()).toBe('overdue');
    await officer.getByRole('button', { name: 'Apply filters' }).focus();
    await officer.keyboard.press('Enter');
    await officer.waitForURL((url) => url.search === '?deadline=overdue');
    await summary(officer).getByText('Showing 1 to 1 of 1 cases', { exact: false }).waitFor();
    expect(await axeViolations(officer)).toEqual([]);

    await officer.getByRole('button', { name: 'Clear filters' }).focus();
    await officer.keyboard.press('Enter');
    await officer.waitForURL((url) => url.search === '');
    await summary(officer).getByText(`of ${CASES} cases`, { exact: false }).waitFor();
  });

  it('shows the server’s message for a bad filter in a shared link', async () => {
    await officer.goto(server.url + '/cases?status=open');
    await officer.getByRole('alert').getByText('status must be one of received, acknowledged', { exact: false }).waitFor();
  });

  it('sorts by a column header with Enter, both ways, and pages with the keyboard; Back returns to the previous view', async () => {
    await officer.goto(server.url + '/cases');
    await summary(officer).getByText(`of ${CASES} cases`, { exact: false }).waitFor();
    const received = officer.getByRole('button', { name: /^Received/ });
    await received.focus();
    await officer.keyboard.press('Enter');
    await officer.waitForURL((url) => url.search === '?sort=receivedAt');
    await summary(officer).getByText('sorted by date received, ascending', { exact: false }).waitFor();
    expect((await references(officer))[0]).toBe('CMP-2026-900030');
    expect(await officer.locator('th[aria-sort="ascending"]').textContent()).toContain('Received');
    // Focus stays on the header, so Enter again reverses it.
    expect(await focusedText(officer)).toContain('Received');
    await officer.keyboard.press('Enter');
    await officer.waitForURL((url) => url.search === '?sort=receivedAt&order=desc');
    await summary(officer).getByText('sorted by date received, descending', { exact: false }).waitFor();
    expect((await references(officer))[0]).toBe('CMP-2026-900002');

    await officer.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next page' }).focus();
    await officer.keyboard.press('Enter');
    await officer.waitForURL((url) => url.search === '?sort=receivedAt&order=desc&page=2');
    await summary(officer).getByText(`Showing 26 to ${CASES} of ${CASES} cases`, { exact: false }).waitFor();
    expect(await references(officer)).toHaveLength(CASES - 25);
    expect(await axeViolations(officer)).toEqual([]);

    await officer.goBack();
    await officer.waitForURL((url) => url.search === '?sort=receivedAt&order=desc');
    await summary(officer).getByText(`Showing 1 to 25 of ${CASES} cases`, { exact: false }).waitFor();
  });

  it('updates live when a second browser logs a complaint, keeping the view and announcing it politely', async () => {
    await signInAt(handler, `${server.url}/`, HANDLER);
    const before = query(officer);
    const logged = await handler.evaluate(async (residentId) => {
      const response = await fetch('/api/complaints', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ residentId, channel: 'phone', receivedAt: new Date().toISOString(), summary: 'The lift has been broken for a week.' }),
      });
      return { status: response.status, body: (await response.json()) as { reference: string } };
    }, searchResidentId);
    expect(logged.status).toBe(201);
    await summary(officer).getByText(`Showing 1 to 25 of ${CASES + 1} cases`, { exact: false }).waitFor({ timeout: 15_000 });
    await officer.getByText('1 case updated').waitFor();
    expect(query(officer)).toBe(before);
    // Newest first: the new case heads the list without a reload.
    expect((await references(officer))[0]).toBe(logged.body.reference);
  });

  it('reads at 200% zoom without sideways scrolling (the table scrolls in its own region)', async () => {
    await officer.setViewportSize({ width: 640, height: 900 });
    await expect.poll(() => scrollsSideways(officer)).toBe(false);
    expect(await axeViolations(officer)).toEqual([]);
    await officer.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('the categories screen', () => {
  it('is offered to complaints officers only; adds, renames and retires a category with messages and axe clean; no sideways scrolling at 200% zoom', async () => {
    expect(await handler.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Categories' }).count()).toBe(0);
    await officer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Categories' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Categories' }).waitFor();
    await officer.getByRole('heading', { level: 3, name: 'Repairs' }).waitFor();
    expect(await axeViolations(officer)).toEqual([]);
    await officer.setViewportSize({ width: 640, height: 900 });
    await expect.poll(() => scrollsSideways(officer)).toBe(false);
    await officer.setViewportSize({ width: 1280, height: 900 });

    await officer.getByRole('button', { name: 'Add category' }).click();
    await officer.getByRole('alert').getByText('The category name cannot be empty', { exact: false }).waitFor();
    await officer.getByLabel('Name', { exact: true }).fill('Heating and hot water');
    await officer.getByRole('button', { name: 'Add category' }).click();
    await officer.getByText('Added “Heating and hot water”.').waitFor();

    const card = officer.getByRole('listitem', { name: 'Heating and hot water' });
    await card.getByRole('button', { name: 'Rename Heating and hot water' }).click();
    await card.getByLabel('Name', { exact: true }).fill('Heating');
    await card.getByRole('button', { name: 'Save Heating and hot water' }).click();
    await officer.getByText('Saved “Heating”.').waitFor();
    const renamed = officer.getByRole('listitem', { name: 'Heating' });
    await renamed.getByRole('button', { name: 'Retire Heating' }).click();
    await officer.getByText('Retired “Heating”', { exact: false }).waitFor();
    await renamed.getByText('Retired', { exact: true }).waitFor();
    expect(await axeViolations(officer)).toEqual([]);
  });
});
