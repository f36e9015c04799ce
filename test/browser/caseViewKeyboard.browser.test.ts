// The case view with the keyboard alone: the focus ring is visible on whatever has focus, and a
// handler extends the deadline and sends the stage 1 response with a remedy using only Tab,
// arrow keys, Space, typing and Enter. axe-core on each form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createWorkingCalendar, type CivilDate } from '@complaints/server/domain';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { tabTo } from '../support/consoleSession.ts';
import { DEFINITION, fact, focused, logCase, longDate, openCase, preview, signedInPage, staffMember, startCaseServer, timeline, type StaffMember, type TestServer } from '../support/caseView.ts';

let server: TestServer;
let browser: Browser;
let hana: StaffMember;
let page: Page;
let complaint: { id: string; reference: string; version: number };

beforeAll(async () => {
  server = await startCaseServer();
  browser = await launchChromium();
  hana = await staffMember(server, ['handler'], 'Hana Handler');
  const logged = await logCase(server, hana, 'Kit Testperson');
  const ack = await hana.client.post(`/api/complaints/${logged.id}/acknowledge`, { definition: DEFINITION, version: logged.version });
  if (ack.status !== 200) throw new Error(`acknowledge: ${ack.status} ${ack.text}`);
  complaint = { id: logged.id, reference: logged.reference, version: ack.json.version };
  page = await signedInPage(browser, server, hana);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The focused element's outline, as drawn. */
const outline = (target: Page) =>
  target.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth), color: style.outlineColor };
  });

describe('the case view with the keyboard alone', () => {
  it('shows a visible focus outline on links, buttons and form fields reached with Tab, and none on them otherwise', async () => {
    await openCase(page, server, complaint);
    expect((await focused(page)).tag).toBe('H1');
    const link = await tabTo(page, (element) => element.tag === 'A');
    expect(link.tag).toBe('A');
    for (const reached of [link, await tabTo(page, (element) => element.tag === 'BUTTON'), await tabTo(page, (element) => element.tag === 'TEXTAREA' || element.tag === 'INPUT')]) {
      const drawn = await outline(page);
      expect(drawn.style, `${reached.tag} ${reached.id || reached.text}`).toBe('solid');
      // 3 px in the console's focus colour (WCAG 2.4.7, 2.4.13: at least 2 CSS px, contrasting).
      expect(drawn.width).toBeGreaterThanOrEqual(2);
      expect(drawn.color).toBe('rgb(255, 191, 71)');
    }
    // The same field without focus draws no outline: the ring is the focus, not decoration.
    const id = (await focused(page)).id;
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    expect(await page.evaluate((fieldId) => getComputedStyle(document.getElementById(fieldId) as Element).outlineStyle, id)).toBe('none');
  });

  it('extends the deadline: Tab to the action, type the days and the reason, Enter; the preview follows', async () => {
    await openCase(page, server, complaint);
    const dto = (await hana.client.get(`/api/complaints/${complaint.id}`)).json as { stages: { responseDueOn: CivilDate }[] };
    const newDueOn = createWorkingCalendar().addWorkingDays(dto.stages[0]!.responseDueOn, 3);
    await tabTo(page, (element) => element.tag === 'BUTTON' && element.text === 'Extend the deadline');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ tag: 'H3', text: 'Extend the deadline' });
    await tabTo(page, (element) => element.id === 'extend-workingDays');
    await page.keyboard.type('3');
    await page.getByText(`New due date: ${longDate(newDueOn)}`).waitFor();
    await tabTo(page, (element) => element.id === 'extend-reason');
    await page.keyboard.type('We are waiting for the heating engineer’s report.');
    await preview(page).getByText('We are waiting for the heating engineer’s report.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, (element) => element.tag === 'BUTTON' && element.text === 'Extend and send the notice');
    await page.keyboard.press('Enter');
    const done = page.getByRole('status').getByText(`Extended. The response is now due ${longDate(newDueOn)}`, { exact: false });
    await done.waitFor();
    expect((await focused(page)).text).toContain('Extended. The response is now due');
    await timeline(page).getByText('Response deadline extended by 3 working days to', { exact: false }).waitFor();
  });

  it('sends the stage 1 response with a remedy: arrow keys choose the decision, Space ticks "already done", Enter sends', async () => {
    await tabTo(page, (element) => element.tag === 'BUTTON' && element.text === 'Send the stage 1 response');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ tag: 'H3', text: 'Send the stage 1 response' });
    await tabTo(page, (element) => element.id.startsWith('respond-decision-'));
    // Arrow keys move through the radio group and select as they go.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect((await focused(page)).id).toBe('respond-decision-upheld');
    expect(await page.getByRole('radio', { name: 'Upheld', exact: true }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('respond-reasons');
    await page.keyboard.type('Both appointments were missed without notice.');
    await tabTo(page, (element) => element.tag === 'BUTTON' && element.text === 'Add a remedy');
    await page.keyboard.press('Enter');
    // The new remedy is an apology, due today, owned by whoever is responding.
    await tabTo(page, (element) => element.id === 'remedy-0-description', 10, true);
    await page.keyboard.type('We apologise for the missed appointments.');
    await tabTo(page, (element) => element.id === 'remedy-0-done');
    await page.keyboard.press('Space');
    expect(await page.locator('#remedy-0-done').isChecked()).toBe(true);
    await preview(page).getByText('We apologise for the missed appointments.', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, (element) => element.tag === 'BUTTON' && element.text === 'Send the stage 1 response');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Stage 1 response sent.').waitFor();
    await fact(page, 'Status').getByText('Responded').waitFor();
    await timeline(page).getByText('Stage 1 response (Stage 1)').waitFor();
  });
});
