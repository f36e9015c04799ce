// The reports in a real browser, over the hand-computed fixture seeded into the server's own
// embedded database before it starts: a complaints officer opens the dashboard, changes the
// period with the keyboard and by dates, reads figures that match the hand-computed ones,
// opens the annual report and prints it to PDF, and downloads the CSV; an agent cannot see the
// screen and the API refuses them. axe-core checks each screen.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openDatabase } from '@complaints/db';
import { createStaffUser } from '@complaints/db/factories';
import { hashPassword } from '../../server/src/auth/passwords.ts';
import { seedReportFixture } from '../../server/src/reports/reportsTestKit.ts';
import { CASE_LIST_COLUMNS } from '../../server/src/schemas/index.ts';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';
import { scrollsSideways } from '../support/consoleSession.ts';

const PASSWORD = 'reports browser password';
const OFFICER = 'officer.reports@example.org';
const AGENT = 'agent.reports@example.org';

let dataDir: string;
let server: ServerProcess;
let browser: Browser;
let officer: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'complaints-reports-'));
  const db = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await seedReportFixture(db.prisma);
    const passwordHash = await hashPassword(PASSWORD);
    await createStaffUser(db.prisma, { email: OFFICER, name: 'Olu Officer', roles: ['complaints_officer'], passwordHash });
    await createStaffUser(db.prisma, { email: AGENT, name: 'Aga Agent', roles: ['agent'], passwordHash });
  } finally {
    await db.close();
  }
  server = await startServerProcess({ dataDir, env: { NODE_ENV: 'test' } });
  browser = await launchChromium();
  officer = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page, email: string) {
  await page.goto(server.url + '/');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/auth/login')), page.getByRole('button', { name: 'Sign in' }).click()]);
  await page.getByText('Signed in as').waitFor();
}

const cell = (page: Page, table: string, row: string) => page.getByRole('table', { name: table }).getByRole('row', { name: row, exact: false }).getByRole('cell');

describe('reports in the console', () => {
  it('the complaints officer opens the dashboard from the menu; it loads its chart library on its own', async () => {
    await signIn(officer, OFFICER);
    const scripts: string[] = [];
    officer.on('request', (request) => scripts.push(request.url()));
    await officer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await officer.getByRole('status').getByText('Showing This quarter').waitFor();
    expect(scripts.some((url) => /\/assets\/ReportsScreen-.*\.js$/.test(url))).toBe(true);
    expect(await axeViolations(officer)).toEqual([]);
  });

  it('changes the period with the keyboard (arrow keys move between the presets)', async () => {
    await officer.getByLabel('This quarter').focus();
    await officer.keyboard.press('ArrowDown');
    await officer.getByRole('status').getByText('Showing Last quarter').waitFor();
    expect(await officer.getByLabel('Last quarter').isChecked()).toBe(true);
  });

  it('shows the hand-computed figures for the reporting year 2026/27, charts with tables, axe-clean, no sideways scrolling at 200% zoom', async () => {
    await officer.getByLabel('Choose dates').check();
    await officer.getByLabel('From', { exact: true }).fill('2026-04-01');
    await officer.getByLabel('To', { exact: true }).fill('2027-03-31');
    await officer.getByRole('button', { name: 'Show figures' }).click();
    await officer.getByRole('status').getByText('Showing 1 Apr 2026 to 31 Mar 2027.').waitFor();
    const tsm = 'CH01 and CH02 (Regulator of Social Housing)';
    expect(await cell(officer, tsm, 'CH01 complaints received').allTextContents()).toEqual(['10', '1']);
    expect(await cell(officer, tsm, 'CH01 per 1,000 homes (2,500 homes)').allTextContents()).toEqual(['4.0', '0.4']);
    expect(await cell(officer, tsm, 'CH02 within Code timescales').allTextContents()).toEqual(['60.0%', '100.0%']);
    expect(await cell(officer, 'Acknowledgements, responses and extensions', 'Average working days to respond').allTextContents()).toEqual(['16.1', '29.0']);
    expect(await cell(officer, 'Complaints by category each month', 'Repairs').allTextContents()).toEqual(['2', '0', '0', '0', '1', '1', '0', '0', '1', '0', '0', '0', '5']);
    expect(await cell(officer, 'Refusals by reason', 'Legal proceedings had started').allTextContents()).toEqual(['1']);
    // Beside the reporting year before (2025/26), when only L came in and nothing was answered.
    const trend = 'Compared with the previous period: Reporting year 2025/26 (1 Apr 2025 to 31 Mar 2026)';
    expect(await cell(officer, trend, 'CH01: stage 1 complaints received').allTextContents()).toEqual(['10', '1', '+9']);
    expect(await cell(officer, trend, 'CH02: stage 1 within Code timescales').allTextContents()).toEqual(['60.0%', '–', '–']);
    expect(await cell(officer, `Complaints by category, compared with the previous period: ${trend.slice(trend.indexOf('Reporting'))}`, 'Communication').allTextContents()).toEqual(['2', '1', '+1']);
    // Four charts, drawn (SVG) and hidden from assistive technology: their tables carry the figures.
    expect(await officer.locator('.chart[aria-hidden="true"] .recharts-cartesian-grid').count()).toBe(4);
    expect(await officer.getByText('Compensation offered £570.00 (5); paid in the period £420.00 (4).').count()).toBe(1);
    expect(await axeViolations(officer)).toEqual([]);
    // 200% zoom: charts and wide tables stay within the page (the tables scroll inside their own box if they must).
    await officer.setViewportSize({ width: 640, height: 900 });
    // The charts resize after the viewport does (a ResizeObserver): wait for the layout to settle.
    await expect.poll(() => scrollsSideways(officer)).toBe(false);
    await officer.setViewportSize({ width: 1280, height: 900 });
  });

  it('opens the annual report and prints it to PDF with the figures in it', async () => {
    const [report] = await Promise.all([officer.context().waitForEvent('page'), officer.getByRole('link', { name: /Annual report for the governing body/ }).click()]);
    await report.getByRole('heading', { level: 1, name: /Complaints performance and service improvement report/ }).waitFor();
    expect(await axeViolations(report)).toEqual([]);
    const pdf = await report.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
    let text = '';
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
    }
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('3. Complaints not accepted (8.1b');
    expect(flat).toContain('CH02: responded to within Code timescales 60.0% 100.0%');
    expect(flat).toContain('5. Learning and service improvement');
    expect(flat).toContain('CH01: stage 1 complaints received 10 1 +9');
    expect(flat).not.toContain('To save as PDF'); // the screen-only hint is not printed
    expect(doc.numPages).toBeGreaterThan(1);
    await report.close();
  });

  it('downloads the case list as CSV with the documented columns', async () => {
    const [download] = await Promise.all([officer.waitForEvent('download'), officer.getByRole('link', { name: 'Download the case list (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('complaints-2026-04-01-to-2027-03-31.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CASE_LIST_COLUMNS.join(','));
    expect(lines).toHaveLength(13);
  });

  it('an agent has no Reports menu, gets no screen at /reports, and the API answers 403', async () => {
    const agent = await browser.newPage();
    await signIn(agent, AGENT);
    expect(await agent.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).not.toContain('Reports');
    await agent.goto(server.url + '/reports');
    await agent.getByRole('heading', { level: 1, name: 'Page not available' }).waitFor();
    expect(await agent.evaluate(async () => (await fetch('/api/reports/performance?period=this_year')).status)).toBe(403);
    expect(await agent.evaluate(async () => (await fetch('/api/reports/cases.csv')).status)).toBe(403);
    await agent.close();
  });
});
