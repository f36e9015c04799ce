// Every figure below is worked out by hand from reportFixture.ts (letters A-M are its cases),
// with the working in the comments, and compared with what the report computes.
//
// The calendar: weekends; England and Wales bank holidays 2026/27 (Good Friday 3 Apr, Easter
// Monday 6 Apr, 4 May, 25 May, 31 Aug, 25 Dec, 28 Dec (substitute for Boxing Day, a Saturday),
// 1 Jan 2027); closure days 29, 30, 31 Dec 2026. Day 1 is the first working day after a date.
import { describe, expect, it } from 'vitest';
import { parseCivilDate } from '../civilDate.ts';
import { buildPerformanceReport } from './performanceReport.ts';
import { resolvePeriod } from './period.ts';
import { FIXTURE_CASES, FIXTURE_DATA, FIXTURE_HOMES, FIXTURE_TODAY, fixtureCalendar } from './reportFixture.ts';
import { stageTimeliness } from './timeliness.ts';
import { createWorkingDayIndex } from './workingDayIndex.ts';

const d = parseCivilDate;
const calendar = fixtureCalendar();
const index = createWorkingDayIndex(calendar, { from: d('2026-01-01'), to: d('2027-12-31') });
const byRef = (n: number) => FIXTURE_CASES.find((c) => c.reference === `CMP-2026-${String(n).padStart(6, '0')}`)!;

const year = resolvePeriod('this_year', d('2026-06-01')); // 1 Apr 2026 - 31 Mar 2027
const report = buildPerformanceReport(FIXTURE_DATA, { period: year, today: FIXTURE_TODAY, homes: FIXTURE_HOMES, calendar });

describe('stage timeliness across bank holidays, closure days and extensions (hand-computed)', () => {
  it('A, received Wed 1 Apr 2026 across Easter: acknowledgement due Fri 10 Apr, response due Thu 23 Apr', () => {
    // Ack: 2 Apr (1), [3 Good Friday, 4-5 weekend, 6 Easter Monday], 7 (2), 8 (3), 9 (4), 10 (5).
    // Acknowledged 9 Apr; response: 10 (1), 13-17 (2-6), 20-23 (7-10) -> 23 Apr; answered 23 Apr.
    // Working days to respond, (1 Apr, 23 Apr]: 2, 7-10, 13-17, 20-23 = 1 + 4 + 5 + 4 = 14.
    expect(stageTimeliness(byRef(1).stage1, index)).toEqual({
      acknowledgementDueOn: '2026-04-10', acknowledgedInTime: true, baseResponseDueOn: '2026-04-23', responseDueOn: '2026-04-23',
      extensionWorkingDaysCounted: 0, respondedInTime: true, respondedWithoutExtension: true, workingDaysToRespond: 14,
    });
  });

  it('B, received on Good Friday and acknowledged a day late: the response clock starts on the acknowledgement due date', () => {
    // Ack: [6 Easter Monday] 7, 8, 9, 10, 13 -> Mon 13 Apr; acknowledged Tue 14 Apr (late).
    // Response from min(14 Apr, 13 Apr) = 13 Apr: 14-17 (1-4), 20-24 (5-9), 27 (10) -> Mon 27 Apr.
    // (The engine's own due date, from the 14th, was Tue 28 Apr.) Answered 28 Apr: late.
    // Days, (3 Apr, 28 Apr]: 7-10, 13-17, 20-24, 27-28 = 4 + 5 + 5 + 2 = 16.
    const t = stageTimeliness(byRef(2).stage1, index);
    expect(t).toMatchObject({ acknowledgementDueOn: '2026-04-13', acknowledgedInTime: false, responseDueOn: '2026-04-27', respondedInTime: false, workingDaysToRespond: 16 });
  });

  it('C, extended 5 days across the late May bank holiday: due Mon 8 Jun, answered Fri 5 Jun in time', () => {
    // Acknowledged Fri 15 May; response: 18-22 (1-5), [25 May bank holiday], 26-29 (6-9), 1 Jun (10).
    // Extension made 28 May (before 1 Jun): +5 -> 2, 3, 4, 5, 8 Jun. Answered 5 Jun.
    expect(stageTimeliness(byRef(3).stage1, index)).toMatchObject({
      baseResponseDueOn: '2026-06-01', responseDueOn: '2026-06-08', extensionWorkingDaysCounted: 5, respondedInTime: true, respondedWithoutExtension: false, workingDaysToRespond: 18,
    });
  });

  it('D, extended 15 days in all, past the 10-day limit with a good reason: all 15 count', () => {
    // Acknowledged Tue 2 Jun; response: 3-5, 8-12, 15-16 -> Tue 16 Jun. Extension 15 Jun +10 ->
    // 17-19, 22-26, 29-30 -> 30 Jun. Extension 29 Jun (good reason) +5 -> 1-3, 6-7 Jul -> 7 Jul.
    // Answered Mon 6 Jul. Days (1 Jun, 6 Jul]: 4 + 5 + 5 + 5 + 2 + 3 + 1 = 25.
    expect(stageTimeliness(byRef(4).stage1, index)).toMatchObject({ responseDueOn: '2026-07-07', extensionWorkingDaysCounted: 15, respondedInTime: true, workingDaysToRespond: 25 });
  });

  it('E, a 15-day extension with no good reason: only the 10 the Code allows count, so the answer was late', () => {
    // Acknowledged Mon 6 Jul; response: 7-10, 13-17, 20 -> Mon 20 Jul. +10 (of 15) -> 21-24,
    // 27-31, 3 Aug -> Mon 3 Aug. Answered Wed 5 Aug: late. Days (6 Jul, 5 Aug]: 4+5+5+5+3 = 22.
    expect(stageTimeliness(byRef(5).stage1, index)).toMatchObject({ responseDueOn: '2026-08-03', extensionWorkingDaysCounted: 10, respondedInTime: false, workingDaysToRespond: 22 });
  });

  it('F, extended the day after the response was due: the extension does not count', () => {
    // Acknowledged Tue 4 Aug; response: 5-7, 10-14, 17-18 -> Tue 18 Aug. Extension made 19 Aug.
    expect(stageTimeliness(byRef(6).stage1, index)).toMatchObject({ responseDueOn: '2026-08-18', extensionWorkingDaysCounted: 0, respondedInTime: false, workingDaysToRespond: 15 });
  });

  it('G, received Christmas Eve: 25, 28 Dec and 1 Jan bank holidays and 29-31 Dec closure days stop the clock', () => {
    // Ack: [25 Dec .. 3 Jan not working] 4, 5, 6, 7, 8 Jan -> Fri 8 Jan 2027, acknowledged that day.
    // Response: 11-15 (1-5), 18-22 (6-10) -> Fri 22 Jan; answered 22 Jan. Days (24 Dec, 22 Jan] = 15.
    expect(stageTimeliness(byRef(7).stage1, index)).toMatchObject({
      acknowledgementDueOn: '2027-01-08', acknowledgedInTime: true, responseDueOn: '2027-01-22', respondedInTime: true, workingDaysToRespond: 15,
    });
  });

  it('H, stage 2 with a 10-day extension: 20 working days from Tue 19 Jan is Tue 16 Feb, extended to Tue 2 Mar', () => {
    // Stage 1: ack due 22, 23, 24 Dec, 4, 5 Jan -> 5 Jan; acknowledged 22 Dec; response 23, 24 Dec,
    // 4-8, 11-13 Jan -> 13 Jan; answered 14 Jan: late. Days (21 Dec, 14 Jan] = 3 + 5 + 4 = 12.
    expect(stageTimeliness(byRef(8).stage1, index)).toMatchObject({ acknowledgementDueOn: '2027-01-05', responseDueOn: '2027-01-13', respondedInTime: false, workingDaysToRespond: 12 });
    // Stage 2 asked Mon 18 Jan; ack due 19-22, 25 -> 25 Jan; acknowledged 19 Jan; response 20-22,
    // 25-29, 1-5 Feb, 8-12, 15-16 -> 16 Feb; extension 15 Feb +10 -> 17-19, 22-26, 1-2 Mar -> 2 Mar.
    // Answered 26 Feb. Days (18 Jan, 26 Feb] = 4 + 5 + 5 + 5 + 5 + 5 = 29.
    expect(stageTimeliness(byRef(8).stage2!, index)).toMatchObject({
      acknowledgementDueOn: '2027-01-25', baseResponseDueOn: '2027-02-16', responseDueOn: '2027-03-02', respondedInTime: true, workingDaysToRespond: 29,
    });
  });

  it('K, received on a closure day and acknowledged late: response due 22 Jan counted from the acknowledgement due date', () => {
    // Ack: [30, 31 Dec closure, 1 Jan bank holiday] 4-8 Jan -> 8 Jan; acknowledged 11 Jan (late).
    // Response from 8 Jan: 11-15, 18-22 -> 22 Jan. No response yet.
    expect(stageTimeliness(byRef(11).stage1, index)).toMatchObject({ acknowledgementDueOn: '2027-01-08', acknowledgedInTime: false, responseDueOn: '2027-01-22', respondedInTime: null });
  });
});

describe('the reporting year 2026/27 (1 Apr 2026 - 31 Mar 2027), produced on 15 Apr 2027', () => {
  it('CH01: stage 1 complaints received, refused ones excluded; stage 2 requests received', () => {
    // Received in the year: A-K (11). I was refused at stage 1, so CH01(1) = 10 (A-H, J, K).
    // Stage 2 requests: H (18 Jan 2027) and J (1 Oct 2026, declined at stage 2) -> CH01(2) = 1.
    // Per 1,000 homes with 2,500 homes: 10 / 2500 x 1000 = 4.0; 1 / 2500 x 1000 = 0.4.
    expect(report.ch01).toEqual({ homes: 2500, stage1: { received: 10, perThousandHomes: 4 }, stage2: { received: 1, perThousandHomes: 0.4 } });
  });

  it('CH02: responses issued in the year, whenever received, within the Code timescales', () => {
    // Stage 1 responses in the year: A, B, C, D, E, F, G, H, J and L (received in March 2026) = 10.
    // In time: A, C, D, G, J, L = 6 -> 60.0%. Late: B (late acknowledgement), E (capped extension),
    // F (extension after the due date), H (a day late). Stage 2: H, in time -> 1 of 1 = 100.0%.
    expect(report.ch02).toEqual({ stage1: { responded: 10, withinTimescale: 6, percent: 60 }, stage2: { responded: 1, withinTimescale: 1, percent: 100 } });
  });

  it('acknowledgements within 5 working days', () => {
    // Stage 1 acknowledged in the year: A, B, C, D, E, F, G, H, J, K (L's was in March) = 10;
    // late: B and K -> 8 of 10 = 80.0%. Stage 2: H on 19 Jan, in time -> 1 of 1.
    expect(report.acknowledgements).toEqual({
      stage_1: { acknowledged: 10, withinFiveWorkingDays: 8, percent: 80 },
      stage_2: { acknowledged: 1, withinFiveWorkingDays: 1, percent: 100 },
    });
  });

  it('response times: within timescale, without extension, mean and 90th percentile working days', () => {
    // Without needing an extension: A, G, J, L = 4. Days to respond: A 14, B 16, C 18, D 25, E 22,
    // F 15, G 15, H 12, J 10 (8-11, 14-18, 21 Sep), L 14 (17-20, 23-27, 30-31 Mar, 1-2, 7 Apr).
    // Sum 161 / 10 = 16.1. Sorted 10 12 14 14 15 15 16 18 22 25; nearest rank ceil(0.9 x 10) = 9th = 22.
    expect(report.responses).toEqual({
      stage_1: { responded: 10, withinTimescale: 6, withoutExtension: 4, late: 4, meanWorkingDays: 16.1, p90WorkingDays: 22 },
      stage_2: { responded: 1, withinTimescale: 1, withoutExtension: 0, late: 0, meanWorkingDays: 29, p90WorkingDays: 29 },
    });
  });

  it('extensions used and why', () => {
    // Stage 1 extensions made in the year: C 5, D 10 + 5, E 15, F 5 = 5 extensions on 4 cases,
    // 40 working days. Past the 10-day limit in total: D's second (15) and E's (15) = 2; with a
    // good reason: D's second = 1. Stage 2: H, 10 days, within the 20-day limit.
    expect(report.extensions.byStage).toEqual({
      stage_1: { extensions: 5, cases: 4, workingDays: 40, beyondLimit: 2, withGoodReason: 1 },
      stage_2: { extensions: 1, cases: 1, workingDays: 10, beyondLimit: 0, withGoodReason: 0 },
    });
    // The contractor's report: C, D and F; the rest once each, alphabetically.
    expect(report.extensions.reasons).toEqual([
      { reason: "Waiting for the contractor's report", count: 3 },
      { reason: "Independent surveyor's report awaited", count: 1 },
      { reason: 'Specialist damp survey needed', count: 1 },
      { reason: 'Staff absence', count: 1 },
    ]);
  });

  it('outcomes, remedies offered and compensation paid', () => {
    // Stage 1 decisions: upheld A, D, G, L (4); partly B, F (2); not upheld C, E, H, J (4). Stage 2: H partly.
    expect(report.outcomes).toEqual({
      stage_1: { upheld: 4, partly_upheld: 2, not_upheld: 4 },
      stage_2: { upheld: 0, partly_upheld: 1, not_upheld: 0 },
    });
    // Offered in the year: apologies A, D, F, G (4); acknowledgement B (1); financial A £50, D £250,
    // G £100, H £150, L £20 (5, £570 = 57,000p). Paid in the year: A (30 Apr), D (20 Jul), G (5 Feb),
    // L (7 Apr) = 4, £420 = 42,000p; H's £150 is not paid yet.
    expect(report.remedies).toMatchObject({ offered: 10, financialOffered: 5, financialOfferedPence: 57000, compensationPaid: 4, compensationPaidPence: 42000 });
    expect(report.remedies.offeredByKind).toMatchObject({ apology: 4, acknowledgement: 1, financial: 5, explanation: 0 });
  });

  it('refusals by reason (8.1b)', () => {
    // I: stage 1, over 12 months, 3 Sep 2026. J: stage 2 declined, legal proceedings, 5 Oct 2026.
    expect(report.refusals).toEqual({
      total: 2, atStage1: 1, atStage2: 1,
      byReason: { over_12_months: 1, legal_proceedings: 1, previously_considered: 0, other: 0 },
    });
  });

  it('categories and their monthly trend, channels and representatives, of the 11 complaints received', () => {
    // Received A-K. Repairs: A, B (Apr), F (Aug), I (Sep), H (Dec) = 5. Communication: C (May),
    // E (Jul) = 2. Damp and mould: D (Jun), G (Dec) = 2. Not yet categorised: J (Sep), K (Dec) = 2.
    const b = report.breakdowns;
    expect(b.received).toBe(11);
    expect(b.months.map((m) => m.key)).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03']);
    expect(b.categories).toEqual([
      { category: 'Repairs', received: 5, byMonth: [2, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0] },
      { category: 'Communication', received: 2, byMonth: [0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0] },
      { category: 'Damp and mould', received: 2, byMonth: [0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0] },
      { category: 'Not yet categorised', received: 2, byMonth: [0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0] },
    ]);
    // CH01 month by month: A, B Apr; C May; D Jun; E Jul; F Aug; J Sep; G, H, K Dec. Stage 2: H Jan.
    expect(b.receivedByMonth).toEqual({ stage1: [2, 1, 1, 1, 1, 1, 0, 0, 3, 0, 0, 0], stage2: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0] });
    // Phone A, G; SMS B, H; WhatsApp C; email D, J; letter E; web chat F, K; in person I.
    expect(b.channels).toEqual({ sms: 2, whatsapp: 1, webchat: 2, botframework: 0, phone: 2, letter: 1, email: 2, in_person: 1 });
    // Representatives: A, D, K = 3 of 11 = 27.3%.
    expect(b.representatives).toEqual({ count: 3, percent: 27.3 });
  });

  it('open at the end of the year, reasonable adjustments and learning', () => {
    // 31 Mar 2027: K waits for its response, due 22 Jan -> 1 open, 1 overdue. J's stage 2 was declined.
    expect(report.asOf).toBe('2027-03-31');
    expect(report.openAtEnd).toEqual({ stage_1: { open: 1, overdue: 1 }, stage_2: { open: 0, overdue: 0 } });
    // Agreed by 31 Mar: large print, language, text only (3). Review overdue: large print (5 Jan).
    // No review date: text only. Not counted: requested, ended, and agreed on 10 Apr 2027.
    expect(report.adjustments).toMatchObject({ inPlace: 3, reviewsOverdue: 1, withoutReviewDate: 1 });
    expect(report.adjustments.byKind).toMatchObject({ large_print: 1, language: 1, text_only: 1, support_worker: 0, call_times: 0 });
    // Notes written on closing in the year, newest first: Repairs H (1 Mar), I (4 Sep), F (25 Aug),
    // B (29 Apr), A (24 Apr); Communication E (6 Aug), C (8 Jun), L (8 Apr); Damp G (25 Jan), D (7 Jul).
    expect(report.learning.map((g) => [g.category, g.total, g.notes.map((n) => n.reference.slice(-2))])).toEqual([
      ['Repairs', 5, ['08', '09', '06', '02', '01']],
      ['Communication', 3, ['05', '03', '12']],
      ['Damp and mould', 2, ['07', '04']],
    ]);
  });
});

describe('quarters', () => {
  it('Oct-Dec 2026: three complaints over Christmas, all open at 31 Dec and none overdue', () => {
    const q = buildPerformanceReport(FIXTURE_DATA, { period: resolvePeriod('last_quarter', d('2027-02-01')), today: FIXTURE_TODAY, homes: null, calendar });
    expect(q.period).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    // Received G (24 Dec), H (21 Dec), K (30 Dec); J's stage 2 request (1 Oct) was declined.
    expect(q.ch01).toEqual({ homes: null, stage1: { received: 3, perThousandHomes: null }, stage2: { received: 0, perThousandHomes: null } });
    expect(q.ch02.stage1).toEqual({ responded: 0, withinTimescale: 0, percent: null });
    // H acknowledged 22 Dec (due 5 Jan). At 31 Dec: G (ack due 8 Jan), H (response due 13 Jan),
    // K (ack due 8 Jan) are open and none is overdue.
    expect(q.acknowledgements.stage_1).toEqual({ acknowledged: 1, withinFiveWorkingDays: 1, percent: 100 });
    expect(q.openAtEnd).toEqual({ stage_1: { open: 3, overdue: 0 }, stage_2: { open: 0, overdue: 0 } });
  });

  it('Jan-Mar 2027: the responses after Christmas and the stage 2 request', () => {
    const q = buildPerformanceReport(FIXTURE_DATA, { period: resolvePeriod('this_quarter', d('2027-03-15')), today: d('2027-03-15'), homes: 2500, calendar });
    expect(q.period).toMatchObject({ from: '2027-01-01', to: '2027-03-31' });
    expect(q.asOf).toBe('2027-03-15');
    // Nothing new at stage 1; H asked for stage 2 on 18 Jan.
    expect(q.ch01).toEqual({ homes: 2500, stage1: { received: 0, perThousandHomes: 0 }, stage2: { received: 1, perThousandHomes: 0.4 } });
    // Stage 1 responses G (in time) and H (late) = 1 of 2 = 50.0%; stage 2 H in time.
    expect(q.ch02).toEqual({ stage1: { responded: 2, withinTimescale: 1, percent: 50 }, stage2: { responded: 1, withinTimescale: 1, percent: 100 } });
    // Acknowledgements: G on time (8 Jan), K late (11 Jan); stage 2 H on time.
    expect(q.acknowledgements.stage_1).toEqual({ acknowledged: 2, withinFiveWorkingDays: 1, percent: 50 });
    // Offered: G apology + £100 (22 Jan), H £150 (26 Feb) = 3, 2 financial, 25,000p. Paid: G on 5 Feb.
    expect(q.remedies).toMatchObject({ offered: 3, financialOffered: 2, financialOfferedPence: 25000, compensationPaid: 1, compensationPaidPence: 10000 });
  });
});

describe('compared with the previous period (9.7: trends), by the same rules', () => {
  it('the reporting year 2026/27 beside 2025/26: only L came in the year before', () => {
    const c = report.comparison;
    expect(c.previous).toEqual({ from: '2025-04-01', to: '2026-03-31', label: 'Reporting year 2025/26 (1 Apr 2025 to 31 Mar 2026)' });
    // Stage 1 received in 2025/26: L (16 Mar 2026) = 1 -> 1 / 2500 x 1000 = 0.4. No stage 2.
    expect(c.ch01).toEqual({ homes: 2500, stage1: { received: 1, perThousandHomes: 0.4 }, stage2: { received: 0, perThousandHomes: 0 } });
    // L was answered on 7 Apr 2026, in 2026/27: nothing was responded to in 2025/26.
    expect(c.ch02).toEqual({ stage1: { responded: 0, withinTimescale: 0, percent: null }, stage2: { responded: 0, withinTimescale: 0, percent: null } });
    // This year: Repairs 5, Communication 2, Damp and mould 2, not yet categorised 2 (J, K).
    // Last year: Communication 1 (L). Communication comes before Damp and mould: equal now, more before.
    expect(c.categories).toEqual([
      { category: 'Repairs', received: 5, previous: 0, change: 5 },
      { category: 'Communication', received: 2, previous: 1, change: 1 },
      { category: 'Damp and mould', received: 2, previous: 0, change: 2 },
      { category: 'Not yet categorised', received: 2, previous: 0, change: 2 },
    ]);
  });

  it('Jul-Sep 2026 beside Apr-Jun 2026', () => {
    const q = buildPerformanceReport(FIXTURE_DATA, { period: resolvePeriod('custom', FIXTURE_TODAY, { from: d('2026-07-01'), to: d('2026-09-30') }), today: FIXTURE_TODAY, homes: FIXTURE_HOMES, calendar });
    expect(q.comparison.previous).toEqual({ from: '2026-04-01', to: '2026-06-30', label: '1 Apr 2026 to 30 Jun 2026' });
    // Now: E (6 Jul), F (3 Aug), J (7 Sep); I (1 Sep) was refused at stage 1 -> 3, 1.2 per 1,000.
    // Before: A (1 Apr), B (3 Apr, Good Friday), C (11 May), D (1 Jun) -> 4, 1.6 per 1,000.
    expect(q.ch01.stage1).toEqual({ received: 3, perThousandHomes: 1.2 });
    expect(q.comparison.ch01.stage1).toEqual({ received: 4, perThousandHomes: 1.6 });
    // Responses now: D (6 Jul, in time), E (late), F (late), J (21 Sep, in time) -> 2 of 4 = 50.0%.
    // Before: L (7 Apr, in time), A (in time), B (late), C (5 Jun, in time) -> 3 of 4 = 75.0%.
    expect(q.ch02.stage1).toEqual({ responded: 4, withinTimescale: 2, percent: 50 });
    expect(q.comparison.ch02.stage1).toEqual({ responded: 4, withinTimescale: 3, percent: 75 });
    expect(q.comparison.ch02.stage2.percent).toBeNull();
    // Categories received now: F, I Repairs; E Communication; J not yet. Before: A, B Repairs;
    // C Communication; D Damp and mould.
    expect(q.comparison.categories).toEqual([
      { category: 'Repairs', received: 2, previous: 2, change: 0 },
      { category: 'Communication', received: 1, previous: 1, change: 0 },
      { category: 'Damp and mould', received: 0, previous: 1, change: -1 },
      { category: 'Not yet categorised', received: 1, previous: 0, change: 1 },
    ]);
  });

  it('the previous figures are the ones the same report computes for the previous period', () => {
    const previous = buildPerformanceReport(FIXTURE_DATA, { period: resolvePeriod('custom', FIXTURE_TODAY, { from: d('2026-04-01'), to: d('2026-06-30') }), today: FIXTURE_TODAY, homes: FIXTURE_HOMES, calendar });
    const q = buildPerformanceReport(FIXTURE_DATA, { period: resolvePeriod('custom', FIXTURE_TODAY, { from: d('2026-07-01'), to: d('2026-09-30') }), today: FIXTURE_TODAY, homes: FIXTURE_HOMES, calendar });
    expect(q.comparison.ch01).toEqual(previous.ch01);
    expect(q.comparison.ch02).toEqual(previous.ch02);
    expect(q.comparison.categories.map((c) => [c.category, c.previous]).filter(([, n]) => n)).toEqual(previous.breakdowns.categories.map((c) => [c.category, c.received]));
  });
});
