// The development phone simulator in a real browser, on the server as `npm start` runs it
// (NODE_ENV=development, no Twilio): a developer texts "hello" by SMS with the keyboard and sees
// the bot's reply arrive and be delivered; WhatsApp is a separate thread; axe-core checks it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';

let server: ServerProcess;
let browser: Browser;
let page: Page;
beforeAll(async () => {
  server = await startServerProcess({ env: { NODE_ENV: 'development' } });
  browser = await launchChromium();
  page = await browser.newPage();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.destroy();
});

const conversation = () => page.getByRole('log');

describe('the phone simulator page', () => {
  it('is announced in the start-up log', () => {
    expect(server.output()).toMatch(/phone simulator: http:\/\/localhost:\d+\/simulator/);
  });

  it('opens at /simulator with SMS and a fictional number chosen; axe-clean', async () => {
    await page.goto(server.url + '/simulator');
    await page.getByRole('heading', { name: 'Phone simulator' }).waitFor();
    expect(await page.getByRole('radio', { name: 'SMS' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Your phone number').inputValue()).toBe('07700 900123');
    await page.getByText('No messages yet. Say hello.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('sends "hello" by SMS with the keyboard and shows the bot reply, delivered', async () => {
    await page.getByLabel('Message').focus();
    await page.keyboard.type('hello');
    await page.keyboard.press('Enter');
    await conversation().getByText('You · Received by the server').waitFor();
    const reply = conversation().locator('li.from-bot').first();
    await reply.getByText(/automated assistant/).waitFor({ timeout: 20_000 });
    await reply.getByText('Bot · Delivered').waitFor({ timeout: 20_000 });
    // Ready for the next message: the box is empty and still has focus.
    expect(await page.getByLabel('Message').inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('message');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps WhatsApp as a separate conversation from the same number', async () => {
    await page.getByRole('radio', { name: 'WhatsApp' }).check();
    await page.getByRole('heading', { name: /WhatsApp conversation with the bot/ }).waitFor();
    await page.getByText('No messages yet. Say hello.').waitFor();
    await page.getByLabel('Message').fill('hello');
    await page.getByRole('button', { name: 'Send' }).click();
    await conversation().locator('li.from-bot').first().getByText(/automated assistant/).waitFor({ timeout: 20_000 });
    // Back to SMS: the earlier thread is still there.
    await page.getByRole('radio', { name: 'SMS' }).check();
    await page.getByRole('heading', { name: /SMS conversation with the bot/ }).waitFor();
    // The WhatsApp thread may still be on screen for a moment while the SMS one is fetched.
    await expect.poll(() => conversation().locator('li.from-resident').count()).toBe(1);
    await conversation().getByText('You said:').first().waitFor();
  });

  it('explains a number outside the fictional range and will not send from it', async () => {
    await page.getByLabel('Your phone number').fill('07911 123456');
    await page.getByText('Use a fictional number from 07700 900001 to 07700 900999').waitFor();
    expect(await page.getByLabel('Your phone number').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});
