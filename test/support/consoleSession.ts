// Driving the staff console in a browser: signing in, where the keyboard focus is, and whether a
// page scrolls sideways at 200% zoom.
import type { Page } from 'playwright-core';

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  // Wait for the server's answer, so a failure shows up here rather than as a later timeout.
  await Promise.all([page.waitForResponse((response) => response.url().endsWith('/api/auth/login')), page.getByRole('button', { name: 'Sign in' }).click()]);
}

export interface Focused {
  id: string;
  tag: string;
  text: string;
}

export const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => ({ id: document.activeElement?.id ?? '', tag: document.activeElement?.tagName ?? '', text: document.activeElement?.textContent ?? '' }));

/** Presses Tab (Shift+Tab when `backwards`) until `wanted` holds for the focused element (at most `limit` presses). */
export async function tabTo(page: Page, wanted: (element: Focused) => boolean, limit = 40, backwards = false): Promise<Focused> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const element = await focused(page);
    if (wanted(element)) return element;
  }
  throw new Error('tabTo: the element was never reached with the Tab key');
}

/** No sideways scrolling: what 200% zoom on a 1280 px screen (640 CSS px) needs. */
export const scrollsSideways = (page: Page): Promise<boolean> => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
