// The annual report page and the CSV case list, from the hand-computed fixture.
import { describe, expect, it } from 'vitest';
import { parseCivilDate } from '../civilDate.ts';
import { renderAnnualReportHtml } from './annualReportHtml.ts';
import { CASE_LIST_COLUMNS, caseListCsv, csvField, toCsv } from './caseListCsv.ts';
import { analyseCases, buildPerformanceReport } from './performanceReport.ts';
import { resolvePeriod } from './period.ts';
import { FIXTURE_DATA, FIXTURE_HOMES, FIXTURE_TODAY, fixtureCalendar } from './reportFixture.ts';

const d = parseCivilDate;
const options = { period: resolvePeriod('this_year', d('2026-06-01')), today: FIXTURE_TODAY, homes: FIXTURE_HOMES, calendar: fixtureCalendar() };

describe('CSV (RFC 4180) with formula injection guarded', () => {
  it('quotes commas, quotes and line breaks; doubles quotes; CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', null]])).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\r\n');
  });

  it.each([
    ['=HYPERLINK("http://example.org")', `"'=HYPERLINK(""http://example.org"")"`],
    ['+44 7700 900123', "'+44 7700 900123"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['Repairs', 'Repairs'],
    [12, '12'],
  ])('%j -> %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('has the documented header, word for word: a renamed or moved column is a breaking change', () => {
    const csv = caseListCsv(analyseCases(FIXTURE_DATA, options), options.period, d('2027-03-31'));
    expect(csv.slice(0, csv.indexOf('\r\n'))).toBe(
      'reference,received_on,channel,representative,category,status,stage_reached,' +
        'stage1_started_on,stage1_acknowledgement_due_on,stage1_acknowledged_on,stage1_acknowledged_in_time,stage1_response_due_on,' +
        'stage1_extensions,stage1_extension_working_days,stage1_responded_on,stage1_responded_in_time,stage1_working_days_to_respond,stage1_decision,' +
        'stage2_requested_on,stage2_acknowledgement_due_on,stage2_acknowledged_on,stage2_acknowledged_in_time,stage2_response_due_on,' +
        'stage2_extensions,stage2_extension_working_days,stage2_responded_on,stage2_responded_in_time,stage2_working_days_to_respond,stage2_decision,' +
        'refusal_stage,refused_on,refusal_reason,remedies_offered,compensation_offered_gbp,compensation_paid_gbp,closed_on',
    );
  });

  it('lists every case that counts in the year, oldest first, with the documented columns', () => {
    const csv = caseListCsv(analyseCases(FIXTURE_DATA, options), options.period, d('2027-03-31'));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CASE_LIST_COLUMNS.join(','));
    // L (received March 2026, answered in April), then A-K in order of receipt; M came in after the year.
    expect(lines.slice(1).map((line) => line.split(',')[0]!.slice(-2))).toEqual(['12', '01', '02', '03', '04', '05', '06', '09', '10', '08', '07', '11']);
    const row = (ref: string) => Object.fromEntries(lines.find((l) => l.startsWith(ref))!.split(',').map((v, i) => [CASE_LIST_COLUMNS[i], v]));
    // B: acknowledged late (due 13 Apr), response judged due 27 Apr, answered 28 Apr.
    expect(row('CMP-2026-000002')).toMatchObject({
      received_on: '2026-04-03', channel: 'sms', stage1_acknowledgement_due_on: '2026-04-13', stage1_acknowledged_in_time: 'no',
      stage1_response_due_on: '2026-04-27', stage1_responded_in_time: 'no', stage1_working_days_to_respond: '16', stage1_decision: 'partly_upheld',
    });
    // H: two stages; £150 offered at stage 2, not yet paid.
    expect(row('CMP-2026-000008')).toMatchObject({
      stage_reached: '2', stage2_requested_on: '2027-01-18', stage2_response_due_on: '2027-03-02', stage2_extensions: '1', stage2_extension_working_days: '10',
      stage2_responded_in_time: 'yes', compensation_offered_gbp: '150.00', compensation_paid_gbp: '0.00', closed_on: '2027-03-01',
    });
    expect(row('CMP-2026-000009')).toMatchObject({ refusal_stage: '1', refused_on: '2026-09-03', refusal_reason: 'over_12_months', stage1_acknowledged_on: '' });
  });
});

describe('the annual report page (8.1)', () => {
  const html = renderAnnualReportHtml(buildPerformanceReport(FIXTURE_DATA, options), { landlordName: 'Example Homes <Trust>' });

  it('has the sections 8.1 asks for, in order', () => {
    const headings = [...html.matchAll(/<h2 id="(\w+)">/g)].map((m) => m[1]);
    expect(headings).toEqual(['contents', 'summary', 'performance', 'refused', 'themes', 'learning', 'attachments']);
    expect(html).toContain('(a) the annual self-assessment');
  });

  it('states the figures and writes the commentary from them', () => {
    expect(html).toContain('<th scope="row">CH02: responded to within Code timescales</th><td class="num">60.0%</td><td class="num">100.0%</td>');
    expect(html).toContain('10 complaints were accepted at stage 1 and 1 complaint escalated to stage 2: 4.0 and 0.4 per 1,000 homes.');
    expect(html).toContain('Stage 1: 6 of 10 responses (60.0%) were within the Code&#39;s timescales');
    expect(html).toContain('The most common subjects were Repairs (5, 45.5%), Communication (2, 18.2%), Damp and mould (2, 18.2%).');
    expect(html).toContain('Compensation paid in the period: £420.00 (4 payments).');
  });

  it('sets CH01 and CH02 beside the previous reporting year, and the categories beside theirs', () => {
    // 2025/26 had only L: 1 stage 1 complaint (0.4 per 1,000), no stage 2, no responses.
    expect(html).toContain(
      '<table><caption>Compared with the previous period: Reporting year 2025/26 (1 Apr 2025 to 31 Mar 2026)</caption><thead><tr><th scope="col">Measure</th><th scope="col" class="num">This period</th><th scope="col" class="num">Previous period</th><th scope="col" class="num">Change</th></tr></thead><tbody>' +
        '<tr><th scope="row">CH01: stage 1 complaints received</th><td class="num">10</td><td class="num">1</td><td class="num">+9</td></tr>' +
        '<tr><th scope="row">CH01: stage 2 complaints received</th><td class="num">1</td><td class="num">0</td><td class="num">+1</td></tr>' +
        '<tr><th scope="row">CH01: stage 1 per 1,000 homes</th><td class="num">4.0</td><td class="num">0.4</td><td class="num">+3.6</td></tr>' +
        '<tr><th scope="row">CH01: stage 2 per 1,000 homes</th><td class="num">0.4</td><td class="num">0.0</td><td class="num">+0.4</td></tr>' +
        '<tr><th scope="row">CH02: stage 1 within Code timescales</th><td class="num">60.0%</td><td class="num">–</td><td class="num">–</td></tr>' +
        '<tr><th scope="row">CH02: stage 2 within Code timescales</th><td class="num">100.0%</td><td class="num">–</td><td class="num">–</td></tr></tbody></table>',
    );
    expect(html).toContain('Compared with the previous period, Reporting year 2025/26 (1 Apr 2025 to 31 Mar 2026): 10 complaints accepted at stage 1 against 1, and 1 escalated to stage 2 against 0.');
    expect(html).toContain(
      '<tr><th scope="row">Repairs</th><td class="num">5</td><td class="num">0</td><td class="num">+5</td></tr><tr><th scope="row">Communication</th><td class="num">2</td><td class="num">1</td><td class="num">+1</td></tr>',
    );
  });

  it('has stage 1 and stage 2 complaints received month by month', () => {
    // CH01 month by month: A, B Apr; C May; D Jun; E Jul; F Aug; J Sep; G, H, K Dec. Stage 2: H in Jan.
    const row = (cells: number[]) => cells.map((c) => `<td class="num">${c}</td>`).join('');
    expect(html).toContain('<caption>Complaints received each month, by stage (CH01)</caption>');
    expect(html).toContain(`<tr><th scope="row">Stage 1</th>${row([2, 1, 1, 1, 1, 1, 0, 0, 3, 0, 0, 0, 10])}</tr>`);
    expect(html).toContain(`<tr><th scope="row">Stage 2</th>${row([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1])}</tr>`);
  });

  it('a quarter against the quarter before: a fall in timeliness is shown in percentage points', () => {
    const quarter = { ...options, period: resolvePeriod('custom', FIXTURE_TODAY, { from: d('2026-07-01'), to: d('2026-09-30') }) };
    const q = renderAnnualReportHtml(buildPerformanceReport(FIXTURE_DATA, quarter), { landlordName: 'Example Homes' });
    // Stage 1: 3 received against 4; 2 of 4 responses in time (50.0%) against 3 of 4 (75.0%).
    expect(q).toContain('<tr><th scope="row">CH01: stage 1 complaints received</th><td class="num">3</td><td class="num">4</td><td class="num">\u22121</td></tr>');
    expect(q).toContain('<tr><th scope="row">CH02: stage 1 within Code timescales</th><td class="num">50.0%</td><td class="num">75.0%</td><td class="num">\u221225.0 points</td></tr>');
    expect(q).toContain('Compared with the previous period, 1 Apr 2026 to 30 Jun 2026: 3 complaints accepted at stage 1 against 4, and 0 escalated to stage 2 against 0; 50.0% of stage 1 responses were within the Code&#39;s timescales, against 75.0%.');
    expect(q).toContain('<tr><th scope="row">Damp and mould</th><td class="num">0</td><td class="num">1</td><td class="num">\u22121</td></tr>');
  });

  it('says so when the previous period has nothing to compare with', () => {
    const first = { ...options, period: resolvePeriod('custom', FIXTURE_TODAY, { from: d('2026-01-01'), to: d('2026-03-31') }) };
    expect(renderAnnualReportHtml(buildPerformanceReport(FIXTURE_DATA, first), { landlordName: 'Example Homes' })).toContain(
      'No complaints were recorded in the previous period, 1 Oct 2025 to 31 Dec 2025, to compare with.',
    );
  });

  it('escapes everything it prints', () => {
    expect(html).toContain('Example Homes &lt;Trust&gt;');
    expect(html).not.toContain('<Trust>');
  });
});
