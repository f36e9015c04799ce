import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';

const ADMIN = { email: 'first.admin@example.org', password: 'browser test password' };

let server: ServerProcess;
let browser: Browser;
beforeAll(async () => {
  // NODE_ENV=test: the session cookie is not Secure, as on a plain-http local install.
  server = await startServerProcess({ env: { NODE_ENV: 'test', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  browser = await launchChromium();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.destroy();
});

describe('the console in a real browser', () => {
  it('renders the sign-in page at / and signs a member of staff in', async () => {
    const page = await browser.newPage();
    await page.goto(server.url + '/');
    // The page asks the API who is signed in before it shows the form.
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('wrong password here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('do not match');

    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as Administrator').waitFor();
    await page.close();
  });

  it('serves the resident web chat at /chat', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(server.url + '/chat');
    await page.getByRole('heading', { name: 'Chat with us' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
