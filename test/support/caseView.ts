// The case view's browser tests: the real server in this process (so cases can be seeded with the
// factories and the API, as staff would create them), the built console, and Chromium pages
// signed in as different members of staff.
import type { Browser, Page } from 'playwright-core';
import { createConversation, createInboundMessage, createResident } from '@complaints/db/factories';
import type { StaffRole } from '@complaints/db';
import { createSignedInStaff, startTestServer, TEST_PASSWORD, type ApiClient, type TestServer } from '@complaints/server/testing';

export { TEST_PASSWORD };
export type { TestServer };

export const DEFINITION = {
  understanding: 'The repairs team missed two appointments to fix the boiler.',
  outcomesSought: 'A working boiler and an apology.',
  inResponsibility: 'The missed appointments and the repair.',
  outOfResponsibility: 'none',
};

export function startCaseServer(): Promise<TestServer> {
  return startTestServer();
}

export interface StaffMember {
  id: string;
  name: string;
  email: string;
  client: ApiClient;
}

export async function staffMember(server: TestServer, roles: StaffRole[], name: string): Promise<StaffMember> {
  const { staff, client } = await createSignedInStaff(server, roles);
  await server.context.prisma.staffUser.update({ where: { id: staff.id }, data: { name } });
  return { id: staff.id, name, email: staff.email, client };
}

/**
 * A complaint received an hour ago for a new (fictional) resident; returns the API's view of it.
 * With `bySms` it came from an SMS conversation holding the resident's first message.
 */
export async function logCase(server: TestServer, by: StaffMember, fullName = 'Jo Testperson', options: { bySms?: boolean } = {}) {
  const prisma = server.context.prisma;
  const resident = await createResident(prisma, { fullName });
  const summary = 'Nobody came to fix the boiler, twice. I have been without heating for a week.';
  const conversation = options.bySms ? await createConversation(prisma, resident.id, 'sms') : undefined;
  if (conversation) await createInboundMessage(prisma, { conversationId: conversation.id, body: summary, processedAt: new Date() });
  const response = await by.client.post('/api/complaints', {
    residentId: resident.id,
    channel: conversation ? 'sms' : 'phone',
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    summary,
    ...(conversation ? { conversationId: conversation.id } : {}),
  });
  if (response.status !== 201) throw new Error(`log complaint: ${response.status} ${response.text}`);
  return response.json as { id: string; reference: string; version: number; conversationId: string | null };
}

/** A fresh browser context (its own cookies) signed in as this member of staff. */
export async function signedInPage(browser: Browser, server: TestServer, member: StaffMember): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signInPage(page, server, member.email);
  return page;
}

export async function signInPage(page: Page, server: TestServer, email: string): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
  await Promise.all([page.waitForResponse((response) => response.url().endsWith('/api/auth/login')), page.getByRole('button', { name: 'Sign in' }).click()]);
  await page.getByText('Signed in as').waitFor();
}

export async function openCase(page: Page, server: TestServer, complaint: { id: string; reference: string }): Promise<void> {
  await page.goto(`${server.url}/cases/${complaint.id}`);
  await page.getByRole('heading', { level: 1, name: `Complaint ${complaint.reference}` }).waitFor();
  await page.getByRole('list', { name: 'Everything on this case, newest first' }).getByRole('listitem').first().waitFor();
}

/** The case timeline, newest first. */
export const timeline = (page: Page) => page.getByRole('list', { name: 'Everything on this case, newest first' });

/** Inside the sandboxed letter preview. */
export const preview = (page: Page) => page.frameLocator('iframe[title^="Letter preview"]');

/** The case header's value for one fact ("Status", "Handler", ...). */
export function fact(page: Page, term: string) {
  return page.locator('.facts div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) }).locator('dd');
}

/** No sideways scrolling: what 200% zoom on a 1280 px screen (640 CSS px) needs. */
export const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

export const focused = (page: Page) =>
  page.evaluate(() => ({ id: document.activeElement?.id ?? '', tag: document.activeElement?.tagName ?? '', text: document.activeElement?.textContent ?? '' }));

/** "Friday 17 April 2026", as the console writes a civil date. */
export function longDate(day: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

export function todayInLondon(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
