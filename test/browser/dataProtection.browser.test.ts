// Settings and data protection in a real browser: an administrator sets the number of homes and
// the retention period, finds a resident from a complaint reference, downloads everything held
// about them, and erases their personal data (a wrong confirmation first); a complaints officer
// may change the homes but not the retention period, and never sees the data protection screen.
// axe-core on every screen.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createComplaint, createResident } from '@complaints/db/factories';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { scrollsSideways, signedInPage, staffMember, startCaseServer, type StaffMember, type TestServer } from '../support/caseView.ts';

let server: TestServer;
let browser: Browser;
let admin: StaffMember;
let officer: StaffMember;
let page: Page;
let reference: string;
let residentId: string;

beforeAll(async () => {
  server = await startCaseServer();
  browser = await launchChromium();
  admin = await staffMember(server, ['admin'], 'Ada Admin');
  officer = await staffMember(server, ['complaints_officer'], 'Olu Officer');
  const resident = await createResident(server.context.prisma, { fullName: 'Rowan Erasable' });
  residentId = resident.id;
  reference = (await createComplaint(server.context.prisma, { residentId, status: 'closed', currentDueOn: null })).reference;
  page = await signedInPage(browser, server, admin);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const nav = (p: Page) => p.getByRole('navigation', { name: 'Main' });

describe('settings', () => {
  it('the administrator saves the number of homes and the retention period; axe-clean, no sideways scrolling at 200% zoom', async () => {
    await nav(page).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 640, height: 900 });
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByLabel('Number of homes').fill('0');
    await page.getByRole('button', { name: 'Save number of homes' }).click();
    await page.getByRole('alert').first().waitFor();
    await page.getByLabel('Number of homes').fill('12500');
    await page.getByRole('button', { name: 'Save number of homes' }).click();
    await page.getByRole('status').getByText('Number of homes saved.').waitFor();
    await page.getByLabel('Retention period in months').fill('72');
    await page.getByRole('button', { name: 'Save retention period in months' }).click();
    await page.getByRole('status').getByText('Retention period in months saved.').waitFor();
    const settings = (await admin.client.get('/api/settings')).json;
    expect(settings).toMatchObject({ homes: { value: 12500 }, retentionMonths: { value: 72 } });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a complaints officer may change the homes but only reads the retention period, and has no data protection screen', async () => {
    const officerPage = await signedInPage(browser, server, officer);
    expect(await nav(officerPage).getByRole('link', { name: 'Data protection' }).count()).toBe(0);
    await nav(officerPage).getByRole('link', { name: 'Settings' }).click();
    await officerPage.getByLabel('Number of homes').waitFor();
    expect(await officerPage.getByLabel('Retention period in months').count()).toBe(0);
    await officerPage.getByText('Personal details are anonymised 72 months after', { exact: false }).waitFor();
    expect(await axeViolations(officerPage)).toEqual([]);
    await officerPage.goto(`${server.url}/admin/data-protection`);
    await officerPage.getByRole('heading', { level: 1, name: 'Page not available' }).waitFor();
    expect((await officer.client.get(`/api/data-protection/residents?reference=${reference}`)).status).toBe(403);
    await officerPage.context().close();
  });
});

describe('data protection', () => {
  it('finds the resident from a complaint reference and downloads everything held about them', async () => {
    await nav(page).getByRole('link', { name: 'Data protection' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data protection' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Complaint reference').fill(reference.toLowerCase());
    await page.getByRole('button', { name: 'Find the resident' }).click();
    await page.getByRole('heading', { level: 3, name: 'Rowan Erasable' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download everything held about this resident/ }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(exported)).toContain('Rowan Erasable');
    expect(JSON.stringify(exported)).toContain(reference);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('erases on request only with the typed confirmation; the resident is anonymised and it is audited', async () => {
    await page.getByLabel('Reason for the erasure (for the audit record)').fill('Resident asked by letter dated 1 Dec 2026');
    await page.getByLabel('Type ERASE to confirm').fill('erase please');
    await page.getByRole('button', { name: 'Erase personal data' }).click();
    await page.getByRole('alert').getByText('Type ERASE to confirm', { exact: false }).waitFor();
    expect((await server.context.prisma.resident.findUniqueOrThrow({ where: { id: residentId } })).anonymisedAt).toBeNull();

    await page.getByLabel('Type ERASE to confirm').fill('ERASE');
    await page.getByRole('button', { name: 'Erase personal data' }).click();
    await page.getByRole('status').getByText('Personal data erased. The complaint figures are unchanged.').waitFor();
    const resident = await server.context.prisma.resident.findUniqueOrThrow({ where: { id: residentId } });
    expect(resident.anonymisedAt).not.toBeNull();
    expect(resident.fullName).not.toBe('Rowan Erasable');
    const audit = await server.context.prisma.auditEvent.findMany({ where: { residentId, actorStaffId: admin.id } });
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining([expect.stringMatching(/erase/i)]));
    expect(await axeViolations(page)).toEqual([]);
  });
});
