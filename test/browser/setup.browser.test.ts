// The first run in a real browser: the one-time setup link the server prints opens the setup
// screen, which is axe-clean and reads at 200% zoom; the first administrator is created with the
// keyboard alone and signed in, and the link does not work a second time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { focused, scrollsSideways, tabTo } from '../support/consoleSession.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';

let server: ServerProcess;
let browser: Browser;
let page: Page;
let setupLink = '';

beforeAll(async () => {
  // No ADMIN_EMAIL: the server prints a one-time setup link, as on a fresh `npm start`.
  server = await startServerProcess({ env: { NODE_ENV: 'test' } });
  setupLink = /https?:\/\/\S+\/setup#token=[A-Za-z0-9_-]{43}/.exec(server.output())?.[0] ?? '';
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.destroy();
});

describe('setting up the first administrator', () => {
  it('opens the printed link: axe-clean, no sideways scrolling at 200% zoom', async () => {
    expect(setupLink).not.toBe('');
    // The printed link names the server's own address; the test reaches it on its port.
    await page.goto(`${server.url}/setup${new URL(setupLink).hash}`);
    await page.getByRole('heading', { level: 1, name: 'Set up the first administrator' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 640, height: 900 });
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows the server’s answer to a short password, then creates the administrator with the keyboard alone', async () => {
    await tabTo(page, (element) => element.id === 'name');
    await page.keyboard.type('First Admin');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('email');
    await page.keyboard.type('first.admin@example.org');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('password');
    await page.keyboard.type('too short');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('password: Use at least 12 characters.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#password').fill('');
    await page.locator('#password').focus();
    await page.keyboard.type('a long enough password');
    await page.keyboard.press('Enter');
    await page.getByText('Signed in as First Admin (admin)').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the link does not work a second time', async () => {
    const other = await (await browser.newContext()).newPage();
    try {
      await other.goto(`${server.url}/setup${new URL(setupLink).hash}`);
      await other.getByLabel('Your name').fill('Second Admin');
      await other.getByLabel('Email').fill('second.admin@example.org');
      await other.getByLabel('Password (at least 12 characters)').fill('another long password');
      await other.getByRole('button', { name: 'Create administrator' }).click();
      await other.getByRole('alert').getByText(/already used|already exists/).waitFor();
      expect(await axeViolations(other)).toEqual([]);
    } finally {
      await other.context().close();
    }
  });
});
