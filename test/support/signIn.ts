import type { Page } from 'playwright-core';

/** Opens `url` signed out, signs in on the form it shows, and waits for the shell. */
export async function signInAt(page: Page, url: string, person: { email: string; password: string }): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  // Wait for the server's answer, so a failure shows up here rather than as a later timeout.
  await Promise.all([page.waitForResponse((response) => response.url().endsWith('/api/auth/login')), page.getByRole('button', { name: 'Sign in' }).click()]);
  await page.getByText('Signed in as').waitFor();
}
