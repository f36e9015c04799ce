// Sign-in and roles in a real browser: an administrator invites a handler using only the
// keyboard, the handler accepts in another browser, deactivation throws them out at once, and
// passwords can be changed. axe-core checks every screen on the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';
import { focused, scrollsSideways, signIn } from '../support/consoleSession.ts';

const ADMIN = { email: 'staff.admin@example.org', password: 'browser test password', newPassword: 'a fresh admin passphrase' };
const HANDLER = { name: 'Hana Handler', email: 'hana.handler@example.org', password: 'handler chooses this one' };

let server: ServerProcess;
let browser: Browser;
let adminContext: BrowserContext;
let handlerContext: BrowserContext;
let admin: Page;
let handler: Page;
let invitationLink = '';

beforeAll(async () => {
  // NODE_ENV=test: the session cookie is not Secure, as on a plain-http local install.
  server = await startServerProcess({ env: { NODE_ENV: 'test', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  browser = await launchChromium();
  adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  handlerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  admin = await adminContext.newPage();
  handler = await handlerContext.newPage();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.destroy();
});

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

describe('sign-in and roles in the console', () => {
  it('the administrator signs in and sees the shell with the admin menu', async () => {
    await admin.goto(server.url + '/');
    await admin.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await signIn(admin, ADMIN.email, ADMIN.password);
    await admin.getByText('Signed in as Administrator (admin)').waitFor();
    const nav = admin.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Triage', 'Cases', 'Staff', 'Categories', 'Reports', 'Settings', 'Closure days', 'Letters', 'Data protection', 'Change password']);
    expect(await axeViolations(admin)).toEqual([]);
  });

  it('opens the staff list: focus moves to the page heading; axe-clean; no sideways scrolling at 200% zoom', async () => {
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).click();
    await admin.getByRole('heading', { level: 3, name: /Administrator/ }).waitFor();
    expect(admin.url()).toBe(server.url + '/admin/staff');
    expect(await focused(admin)).toMatchObject({ tag: 'H1', text: 'Staff' });
    expect(await axeViolations(admin)).toEqual([]);
    await admin.setViewportSize({ width: 640, height: 900 });
    await expect.poll(() => scrollsSideways(admin)).toBe(false);
    await admin.setViewportSize({ width: 1280, height: 900 });
  });

  it('invites a handler with the keyboard only (Tab, typing, Space, Enter) and shows the one-time link', async () => {
    await admin.keyboard.press('Tab');
    expect((await focused(admin)).id).toBe('invite-name');
    await admin.keyboard.type(HANDLER.name);
    await admin.keyboard.press('Tab');
    expect((await focused(admin)).id).toBe('invite-email');
    await admin.keyboard.type(HANDLER.email);
    await admin.keyboard.press('Tab');
    expect((await focused(admin)).id).toBe('invite-role-agent');
    await admin.keyboard.press('Tab');
    expect((await focused(admin)).id).toBe('invite-role-handler');
    await admin.keyboard.press('Space');
    for (let i = 0; i < 4; i++) await admin.keyboard.press('Tab');
    expect(await focused(admin)).toMatchObject({ tag: 'BUTTON', text: 'Create invitation link' });
    await admin.keyboard.press('Enter');

    await admin.getByText(`Invitation created for ${HANDLER.name} (${HANDLER.email}).`).waitFor();
    invitationLink = await admin.getByLabel('Invitation link').inputValue();
    expect(invitationLink).toMatch(new RegExp(`^${server.url}/invite#token=[A-Za-z0-9_-]{43}$`));
    // Focus lands on the outcome, so the link is the next thing a keyboard user reaches.
    expect((await focused(admin)).text).toContain('Invitation created for');
    expect(await axeViolations(admin)).toEqual([]);

    await adminContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await admin.getByRole('button', { name: 'Copy link' }).click();
    await admin.getByText('Link copied.').waitFor();
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(invitationLink);
  });

  it('lists the invitation as waiting; a second one, sent by mistake, is withdrawn and its link stops working', async () => {
    const pending = admin.getByRole('region', { name: 'Invitations waiting to be accepted' });
    await pending.getByRole('heading', { level: 3, name: `${HANDLER.name} (${HANDLER.email})` }).waitFor();
    await admin.getByLabel('Name').fill('Wrong Person');
    await admin.getByLabel('Email').fill('wrong.person@example.org');
    await admin.locator('#invite-role-agent').check();
    await admin.getByRole('button', { name: 'Create invitation link' }).click();
    const mistaken = await admin.getByLabel('Invitation link').inputValue();
    await pending.getByRole('heading', { level: 3, name: 'Wrong Person (wrong.person@example.org)' }).waitFor();
    const card = pending.getByRole('listitem').filter({ has: admin.getByRole('heading', { level: 3, name: 'Wrong Person (wrong.person@example.org)' }) });
    await card.getByRole('button', { name: 'Withdraw invitation' }).click();
    await admin.getByRole('status').getByText('Invitation for Wrong Person (wrong.person@example.org) withdrawn.').waitFor({ state: 'attached' });
    await expect.poll(() => pending.getByRole('heading', { level: 3, name: 'Wrong Person (wrong.person@example.org)' }).count()).toBe(0);
    expect((await focused(admin)).id).toBe('pending-heading');
    expect(await axeViolations(admin)).toEqual([]);

    const page = await browser.newPage();
    await page.goto(mistaken);
    await page.getByLabel('Your name').fill('Wrong Person');
    await page.getByLabel('Password').fill('another long password');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('alert').getByText('This invitation link has expired or was already used.', { exact: false }).waitFor();
    await page.close();
  });

  it('the handler accepts the invitation in another browser, is signed in, and sees no admin menu', async () => {
    await handler.goto(invitationLink);
    await handler.getByRole('heading', { name: 'Join the complaints console' }).waitFor();
    expect(await axeViolations(handler)).toEqual([]);
    await handler.setViewportSize({ width: 640, height: 900 });
    await expect.poll(() => scrollsSideways(handler)).toBe(false);
    await handler.setViewportSize({ width: 1280, height: 900 });
    await handler.getByLabel('Your name').fill(HANDLER.name);
    await handler.getByLabel('Password').fill('too short');
    await handler.getByRole('button', { name: 'Create my account' }).click();
    await handler.getByRole('alert').getByText('password: Use at least 12 characters.').waitFor();
    expect(await axeViolations(handler)).toEqual([]);
    await handler.getByLabel('Password').fill(HANDLER.password);
    await handler.getByRole('button', { name: 'Create my account' }).click();
    await handler.getByText(`Signed in as ${HANDLER.name} (handler)`).waitFor();
    expect(new URL(handler.url()).pathname).toBe('/');

    const nav = handler.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Cases', 'Change password']);
    // The server agrees: the menu only hid what the API refuses.
    expect(await handler.evaluate(async () => (await fetch('/api/staff')).status)).toBe(403);

    await signOut(handler);
    await signIn(handler, HANDLER.email, HANDLER.password);
    await handler.getByText(`Signed in as ${HANDLER.name} (handler)`).waitFor();
    await handler.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await handler.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  });

  it('the invitation link does not work twice', async () => {
    const page = await browser.newPage();
    await page.goto(invitationLink);
    await page.getByLabel('Your name').fill('Someone Else');
    await page.getByLabel('Password').fill('another long password');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('alert').getByText('This invitation link has expired or was already used.', { exact: false }).waitFor();
    await page.close();
  });

  it('the administrator deactivates the handler, after confirming; the handler is signed out at once', async () => {
    await admin.reload();
    const card = admin.getByRole('listitem', { name: HANDLER.name });
    await card.waitFor();
    await card.getByRole('button', { name: `Deactivate ${HANDLER.name}` }).click();
    await card.getByText(`Deactivate ${HANDLER.name}? They will be signed out everywhere at once`, { exact: false }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await card.getByRole('button', { name: `Yes, deactivate ${HANDLER.name}` }).click();
    await card.getByText(`${HANDLER.name} has been deactivated and signed out.`).waitFor();
    await card.getByText('Deactivated. Last signed in:', { exact: false }).waitFor();

    // The handler's console hears its socket dropped, asks the API, and gets the sign-in screen.
    await handler.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 15_000 });
    await handler.getByText('Your session has ended. Sign in again to continue.').waitFor();
    await handler.reload();
    await signIn(handler, HANDLER.email, HANDLER.password);
    await handler.getByRole('alert').getByText('do not match', { exact: false }).waitFor();
  });

  it('sets roles with labelled checkboxes and reactivates with a confirmation', async () => {
    const card = admin.getByRole('listitem', { name: HANDLER.name });
    await card.getByRole('button', { name: `Reactivate ${HANDLER.name}` }).click();
    await card.getByRole('button', { name: `Yes, reactivate ${HANDLER.name}` }).click();
    await card.getByText(`${HANDLER.name} can sign in again.`).waitFor();
    await card.getByRole('group', { name: `Roles for ${HANDLER.name}` }).getByLabel('Reviewer (owns stage 2 cases)').check();
    await card.getByRole('button', { name: `Save roles for ${HANDLER.name}` }).click();
    await card.getByText(`Roles saved for ${HANDLER.name}.`).waitFor();

    // A fresh page, as the handler would open after being told they can sign in again.
    await handler.reload();
    await signIn(handler, HANDLER.email, HANDLER.password);
    await handler.getByText(`Signed in as ${HANDLER.name} (handler, reviewer)`).waitFor();
  });

  it('changes the administrator password: the old one stops working', async () => {
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Change password' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Change password' }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await admin.setViewportSize({ width: 640, height: 900 });
    await expect.poll(() => scrollsSideways(admin)).toBe(false);
    await admin.setViewportSize({ width: 1280, height: 900 });
    await admin.getByLabel('Current password').fill('not my password');
    await admin.getByLabel('New password').fill(ADMIN.newPassword);
    await admin.getByRole('button', { name: 'Change password' }).click();
    await admin.getByRole('alert').getByText('Your current password is not right.').waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByLabel('Current password').fill(ADMIN.password);
    await admin.getByLabel('New password').fill(ADMIN.newPassword);
    await admin.getByRole('button', { name: 'Change password' }).click();
    await admin.getByText('Your password has been changed.', { exact: false }).waitFor();

    await signOut(admin);
    await signIn(admin, ADMIN.email, ADMIN.password);
    await admin.getByRole('alert').getByText('do not match', { exact: false }).waitFor();
    await signIn(admin, ADMIN.email, ADMIN.newPassword);
    await admin.getByText('Signed in as Administrator (admin)').waitFor();
  });
});
