// The case view, stage 1, in real browsers: Hana defines and acknowledges a complaint, extends it
// past the Code's limit with a good reason, and responds with a remedy, with the letter preview live
// as she types. Sam has the same case open in a second browser: he sees every change arrive, and
// when he saves over a stale copy he is told who changed it, keeps his input, and reloads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createWorkingCalendar, type CivilDate } from '@complaints/server/domain';
import { axeViolations, launchChromium } from '../support/browser.ts';
import {
  DEFINITION,
  fact,
  logCase,
  longDate,
  openCase,
  preview,
  signedInPage,
  staffMember,
  startCaseServer,
  timeline,
  todayInLondon,
  type StaffMember,
  type TestServer,
} from '../support/caseView.ts';

let server: TestServer;
let browser: Browser;
let hana: StaffMember;
let sam: StaffMember;
let a: Page;
let b: Page;
let complaint: { id: string; reference: string; version: number; conversationId: string | null };

beforeAll(async () => {
  server = await startCaseServer();
  browser = await launchChromium();
  hana = await staffMember(server, ['handler'], 'Hana Handler');
  sam = await staffMember(server, ['handler'], 'Sam Second');
  complaint = await logCase(server, hana, 'Jo Testperson', { bySms: true });
  a = await signedInPage(browser, server, hana);
  b = await signedInPage(browser, server, sam);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const current = async () => (await hana.client.get(`/api/complaints/${complaint.id}`)).json;

describe('stage 1 in the case view', () => {
  it('opens at /cases/:id with the header, the deadline in words and the resident; axe-clean', async () => {
    await openCase(a, server, complaint);
    await openCase(b, server, complaint);
    const dto = await current();
    await expect(fact(a, 'Status').textContent()).resolves.toBe('Received: waiting to be acknowledged');
    await expect(fact(a, 'Resident').textContent()).resolves.toBe('Jo Testperson');
    await expect(fact(a, 'Channel').textContent()).resolves.toBe('SMS');
    await timeline(a).getByText('SMS from the resident — received').waitFor();
    const days = dto.deadline.workingDaysLeft as number;
    await a.locator('.deadline').getByText(`${days} working day${days === 1 ? '' : 's'} left — Acknowledgement due ${longDate(dto.deadline.dueOn)}`).waitFor();
    await a.getByRole('complementary', { name: 'Resident' }).getByRole('heading', { name: 'Jo Testperson' }).waitFor();
    // Only what the engine allows now is offered.
    expect(await a.getByRole('region', { name: 'Actions' }).getByRole('button').allTextContents()).toEqual(['Acknowledge', 'Refuse', 'Record a related issue']);
    expect(await axeViolations(a)).toEqual([]);
  });

  it('defines the complaint: the other browser sees the saved definition arrive', async () => {
    await a.getByLabel('Our understanding of the complaint').fill(DEFINITION.understanding);
    await a.getByLabel('The outcomes the resident is seeking').fill(DEFINITION.outcomesSought);
    await a.getByLabel('What we are responsible for', { exact: true }).fill(DEFINITION.inResponsibility);
    await a.getByLabel('What we are not responsible for').fill(DEFINITION.outOfResponsibility);
    await a.getByRole('button', { name: 'Save definition' }).click();
    await a.getByRole('status').getByText('Complaint definition saved.').waitFor();
    await expect.poll(() => b.getByLabel('Our understanding of the complaint').inputValue()).toBe(DEFINITION.understanding);
    await timeline(b).getByText('Complaint definition updated').waitFor();
  });

  it('acknowledges with a live letter preview that follows the definition as it is typed', async () => {
    await a.getByRole('button', { name: 'Acknowledge' }).click();
    const letter = preview(a);
    await letter.getByText(DEFINITION.understanding).waitFor();
    await a.getByText('Text message version (SMS or WhatsApp)').waitFor();
    await a.getByLabel('The outcomes the resident is seeking').fill('A working boiler, an apology and a refund of the heater costs.');
    await letter.getByText('A working boiler, an apology and a refund of the heater costs.').waitFor();
    expect(await axeViolations(a)).toEqual([]);

    await a.getByRole('button', { name: 'Acknowledge and send the letter' }).click();
    await a.getByRole('status').getByText('Acknowledged. The acknowledgement letter has been issued.').waitFor();
    await expect(fact(a, 'Status').textContent()).resolves.toBe('Acknowledged: being investigated');
    await expect(fact(a, 'Handler').textContent()).resolves.toBe('Hana Handler');
    // Live in the second browser: status, deadline and the letter in the timeline.
    await fact(b, 'Status').getByText('Acknowledged: being investigated').waitFor();
    await b.locator('.deadline').getByText('Response due').waitFor();
    await timeline(b).getByText('Acknowledgement letter (Stage 1)').waitFor();
    await timeline(b).getByText('Acknowledged, defined and logged').waitFor();
    expect(await axeViolations(b)).toEqual([]);
  });

  it('extends: shows the new date from the calendar, warns past 10 working days and then needs a good reason', async () => {
    const dto = await current();
    const responseDueOn = dto.stages[0].responseDueOn as CivilDate;
    await a.getByRole('button', { name: 'Extend the deadline' }).click();
    await a.getByLabel('Extra working days').fill('3');
    const three = createWorkingCalendar().addWorkingDays(responseDueOn, 3);
    await a.getByText(`New due date: ${longDate(three)}`).waitFor();
    expect(await a.locator('.warning').count()).toBe(0);

    await a.getByLabel('Extra working days').fill('11');
    const eleven = createWorkingCalendar().addWorkingDays(responseDueOn, 11);
    await a.getByText(`New due date: ${longDate(eleven)}`).waitFor();
    await a.getByRole('alert').getByText('This is more than 10 working days after the original due date', { exact: false }).waitFor();
    await a.getByLabel('Reason for the extension').fill('We are waiting for a heating engineer to survey the system.');
    // The engine's own answer, in the preview and then at the field.
    await a.getByText(/No letter yet: 6\.4: .* needs a good reason/).waitFor();
    await a.getByRole('button', { name: 'Extend and send the notice' }).click();
    await a.locator('#extend-goodReason-error').getByText('6.4:', { exact: false }).waitFor();
    expect(await a.getByLabel('Good reason for extending past the limit').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(a)).toEqual([]);

    await a.getByLabel('Good reason for extending past the limit').fill('The only engineer certified for this boiler cannot come sooner.');
    await preview(a).getByText('The only engineer certified for this boiler cannot come sooner.').waitFor();
    await preview(a).getByText('Housing Ombudsman', { exact: false }).first().waitFor();
    await a.getByRole('button', { name: 'Extend and send the notice' }).click();
    await a.getByRole('status').getByText(`Extended. The response is now due ${longDate(eleven)}`, { exact: false }).waitFor();
    await b.locator('.deadline').getByText(`Response due ${longDate(eleven)}`).waitFor();
    await timeline(b).getByText(`Response deadline extended by 11 working days to`, { exact: false }).waitFor();
  });

  it('a stale save in the second browser gets "changed by", keeps the input, and reloads', async () => {
    // Sam starts editing; Hana saves a change meanwhile.
    await b.getByLabel('What we are responsible for', { exact: true }).fill('Sam was typing this.');
    await a.getByLabel('What we are not responsible for').fill('The resident’s own electric heater.');
    await a.getByRole('button', { name: 'Save definition' }).click();
    await a.getByRole('status').getByText('Complaint definition saved.').waitFor();

    // Live: Sam is told, and his typing is not overwritten.
    const notice = b.locator('.stale-notice');
    await notice.getByText(/^Changed by Hana Handler at \d\d:\d\d — reload to see their change\.$/).waitFor();
    expect(await b.getByLabel('What we are responsible for', { exact: true }).inputValue()).toBe('Sam was typing this.');
    expect(await axeViolations(b)).toEqual([]);

    // Saving anyway: 409, still his input, the notice stays.
    await b.getByRole('button', { name: 'Save definition' }).click();
    await b.getByRole('alert').getByText('This case was changed by Hana Handler since you opened it. Reload to see their changes.').waitFor();
    expect(await b.getByLabel('What we are responsible for', { exact: true }).inputValue()).toBe('Sam was typing this.');
    await notice.getByRole('button', { name: 'Reload the case' }).click();
    await expect.poll(() => b.getByLabel('What we are not responsible for').inputValue()).toBe('The resident’s own electric heater.');
    expect(await b.getByLabel('What we are responsible for', { exact: true }).inputValue()).toBe(DEFINITION.inResponsibility);
    expect(await notice.count()).toBe(0);
  });

  it('responds with a remedy and an outstanding action; the preview carries them; the remedy is then marked done', async () => {
    await a.getByRole('button', { name: 'Send the stage 1 response' }).click();
    await a.getByRole('radio', { name: 'Upheld', exact: true }).check();
    await a.getByLabel('Reasons for the decision').fill('Both appointments were missed without notice.');
    await a.getByRole('button', { name: 'Add a remedy' }).click();
    const remedy = a.getByRole('group', { name: 'Remedy 1' });
    await remedy.getByLabel('Kind of remedy').selectOption('financial');
    await remedy.getByLabel('What will happen').fill('We will pay £50 for the cost of running a heater.');
    await remedy.getByRole('button', { name: 'Remove remedy 1' }).waitFor();
    // Field-level errors from the shared schema before anything is sent.
    await a.getByRole('button', { name: 'Send the stage 1 response' }).last().click();
    await remedy.getByText('Enter the amount in pounds, for example 50.00').waitFor();
    await remedy.getByLabel('Amount in pounds').fill('50.00');
    await remedy.getByLabel('Due by').fill(todayInLondon());
    expect(await remedy.getByLabel('Owner').inputValue()).toBe(hana.id);
    await a.getByRole('button', { name: 'Add an outstanding action' }).click();
    const action = a.getByRole('group', { name: 'Outstanding action 1' });
    await action.getByLabel('What will be done').fill('Replace the boiler.');
    await action.getByLabel('Due by').fill(todayInLondon());
    await action.getByLabel('Owner').selectOption(sam.id);
    await preview(a).getByText('We will pay £50 for the cost of running a heater.', { exact: false }).waitFor();
    await preview(a).getByText('Replace the boiler.', { exact: false }).waitFor();
    expect(await axeViolations(a)).toEqual([]);

    await a.getByRole('button', { name: 'Send the stage 1 response' }).last().click();
    await a.getByRole('status').getByText('Stage 1 response sent.').waitFor();
    await fact(b, 'Status').getByText('Responded').waitFor();
    await timeline(b).getByText('Stage 1 response (Stage 1)').waitFor();
    const items = b.getByRole('region', { name: 'Remedies and outstanding actions' });
    await items.getByText('Financial remedy: We will pay £50 for the cost of running a heater.', { exact: true }).waitFor();
    await items.getByText('owner Sam Second', { exact: false }).waitFor();

    await a.getByRole('button', { name: 'Mark done: Financial remedy: We will pay £50 for the cost of running a heater.' }).click();
    await a.getByRole('status').getByText('Marked done: Financial remedy', { exact: false }).waitFor();
    await timeline(b).getByText('Remedy done: We will pay £50 for the cost of running a heater.').waitFor();
    expect(await axeViolations(a)).toEqual([]);
  });

  it('shows new messages on the case conversation live, and their delivery status as it changes', async () => {
    const prisma = server.context.prisma;
    const stored = await prisma.message.create({
      data: { conversationId: complaint.conversationId as string, channel: 'sms', direction: 'outbound', author: 'staff', staffUserId: hana.id, body: 'We have sent your response by post too.', deliveryStatus: 'sending' },
    });
    const message = { ...stored, seq: Number(stored.seq), createdAt: stored.createdAt.toISOString(), media: [] };
    server.context.broadcaster.toStaff({ type: 'conversation.message', payload: { message } });
    await timeline(b).getByText('We have sent your response by post too.').waitFor();
    await timeline(b).getByText('SMS to the resident, from staff — sending').waitFor();
    server.context.broadcaster.toStaff({ type: 'message.delivery', payload: { messageId: stored.id, conversationId: stored.conversationId, channel: 'sms', deliveryStatus: 'delivered' } });
    await timeline(b).getByText('SMS to the resident, from staff — delivered').waitFor();
    await timeline(a).getByText('SMS to the resident, from staff — delivered').waitFor();
  });
});
