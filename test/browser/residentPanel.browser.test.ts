// The resident panel in a real browser: an overdue review is highlighted in words, an agent
// records a representative's consent (and sees the server's 3.6 message when evidence is
// missing), restrictions say the right to complain stays and only officers may change them, and
// an officer's review in a second browser reaches the agent's panel live. axe-core on each state.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createResident } from '@complaints/db/factories';
import { addCalendarDays, civilDateInLondon } from '../../server/src/domain/index.ts';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { createStaffWithPassword, seededDataDir } from '../support/seededDataDir.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';
import { signInAt } from '../support/signIn.ts';

const AGENT = { name: 'Aisha Agent', email: 'aisha.agent@example.org', password: 'agent browser password' };
const OFFICER = { name: 'Olu Officer', email: 'olu.officer@example.org', password: 'officer browser password' };

let dataDir: string;
let server: ServerProcess;
let browser: Browser;
let agent: Page;
let officer: Page;
let residentId = '';
const today = civilDateInLondon(new Date());
const reviewWas = addCalendarDays(today, -10);
const nextReview = addCalendarDays(today, 90);

const formatted = (date: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

beforeAll(async () => {
  dataDir = await seededDataDir(async (prisma) => {
    await createStaffWithPassword(prisma, { ...AGENT, roles: ['agent'] });
    const olu = await createStaffWithPassword(prisma, { ...OFFICER, roles: ['complaints_officer'] });
    const resident = await createResident(prisma, { fullName: 'Megan Price', phone: '+447700900888' });
    residentId = resident.id;
    await prisma.reasonableAdjustment.create({
      data: { residentId, kind: 'large_print', details: 'Letters in 16pt', status: 'agreed', agreedAt: new Date('2026-01-05T10:00:00Z'), reviewOn: new Date(`${reviewWas}T00:00:00Z`) },
    });
    await prisma.representative.create({ data: { residentId, name: 'Callum Price', relationship: 'son' } });
    await prisma.contactRestriction.create({
      data: {
        residentId,
        scope: 'Single point of contact: the housing officer',
        reason: 'Repeated calls to contractors at night',
        evidence: 'Incident log IR-12',
        startsOn: new Date(`${addCalendarDays(today, -30)}T00:00:00Z`),
        reviewOn: new Date(`${addCalendarDays(today, 60)}T00:00:00Z`),
        decidedById: olu.id,
      },
    });
  });
  server = await startServerProcess({ dataDir, env: { NODE_ENV: 'test' } });
  browser = await launchChromium();
  agent = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  officer = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const panel = (page: Page) => page.getByRole('complementary', { name: 'Resident' });

describe('the resident panel', () => {
  it('shows the resident with an overdue review highlighted in words, and the restriction with the right to complain; axe-clean', async () => {
    await signInAt(agent, `${server.url}/residents/${residentId}`, AGENT);
    await panel(agent).getByRole('heading', { name: 'Megan Price' }).waitFor();
    const adjustment = panel(agent).getByRole('listitem', { name: 'Large print: Letters in 16pt' });
    await adjustment.getByText(`Review overdue since ${formatted(reviewWas)}`).waitFor();
    expect(await adjustment.getAttribute('class')).toContain('needs-review');
    await panel(agent).getByText('It never removes the resident’s right to complain', { exact: false }).waitFor();
    await panel(agent).getByText('SMS: +447700900888').waitFor();
    // Agents see restrictions but do not decide them (the server would refuse).
    expect(await panel(agent).getByRole('button', { name: 'Add a contact restriction' }).count()).toBe(0);
    expect(await panel(agent).getByRole('button', { name: /^Review restriction/ }).count()).toBe(0);
    expect(await axeViolations(agent)).toEqual([]);
  });

  it('records a representative’s consent: the server’s 3.6 message first, then consent given', async () => {
    const rep = panel(agent).getByRole('listitem', { name: 'Callum Price' });
    await rep.getByText('Consent to be verified').waitFor();
    await rep.getByText('Do not discuss the resident’s case with them until consent is recorded as given.').waitFor();
    await rep.getByRole('button', { name: 'Record consent for Callum Price' }).click();
    const form = rep.getByRole('form', { name: 'Record consent for Callum Price' });
    await form.getByLabel('How it was given').selectOption('recorded_call');
    await form.getByRole('button', { name: 'Save consent' }).click();
    await form.getByRole('alert').getByText('3.6: consent recorded as given needs where the evidence is', { exact: false }).waitFor();
    expect(await axeViolations(agent)).toEqual([]);

    await form.getByLabel('Where the evidence is').fill('Call recording REC-2291');
    await form.getByLabel('Date given').fill(today);
    await form.getByRole('button', { name: 'Save consent' }).click();
    await rep.getByText(`Consent given — on a recorded call, ${formatted(today)}; evidence: Call recording REC-2291`).waitFor();
    await rep.getByText(`Recorded by ${AGENT.name}`).waitFor();
    expect(await rep.getByText('Do not discuss', { exact: false }).count()).toBe(0);
  });

  it('an officer reviews the adjustment in a second browser; the agent’s panel updates live', async () => {
    await signInAt(officer, `${server.url}/residents/${residentId}`, OFFICER);
    const adjustment = panel(officer).getByRole('listitem', { name: 'Large print: Letters in 16pt' });
    await adjustment.getByRole('button', { name: 'Review Large print adjustment' }).click();
    await adjustment.getByLabel('Next review date').fill(nextReview);
    await adjustment.getByLabel('What was considered (optional)').fill('Still needed; confirmed by phone');
    expect(await axeViolations(officer)).toEqual([]);
    await adjustment.getByRole('button', { name: 'Save review' }).click();
    await adjustment.getByText(`Next review: ${formatted(nextReview)}`).waitFor();

    const agentsCopy = panel(agent).getByRole('listitem', { name: 'Large print: Letters in 16pt' });
    await agentsCopy.getByText(`Next review: ${formatted(nextReview)}`).waitFor({ timeout: 15_000 });
    expect(await agentsCopy.getByText('Review overdue', { exact: false }).count()).toBe(0);
    // Officers decide restrictions.
    await panel(officer).getByRole('button', { name: 'Review restriction: Single point of contact: the housing officer' }).waitFor();
  });

  it('reads at 200% zoom without sideways scrolling', async () => {
    await agent.setViewportSize({ width: 640, height: 900 });
    expect(await agent.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(false);
    expect(await axeViolations(agent)).toEqual([]);
  });
});
