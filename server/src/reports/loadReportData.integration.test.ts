// Which cases the report loader reads for a period, when Complaint.updatedAt says nothing about
// them: it is the time of the row's last write, which imports, raw SQL and a clock that is not
// the database's leave behind the dates the figures count. Every case's updatedAt is set back to
// the day it was received; a case with a date the report counts in the period must still be
// read (and the figures equal the domain's on the same records), one without must not be, even
// if its row was written yesterday.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@complaints/db/testing';
import { parseCivilDate } from '../domain/civilDate.ts';
import { analyseCases, buildPerformanceReport, caseListCsv, reportDataFrom, resolvePeriod, type ReportCase, type ReportData, type ReportStage } from '../domain/index.ts';
import { FIXTURE_DATA, FIXTURE_HOMES, fixtureCalendar } from '../domain/reports/reportFixture.ts';
import { loadReportData } from './loadReportData.ts';
import { seedReportFixture } from './reportsTestKit.ts';

const d = parseCivilDate;
const today = d('2027-04-15');
const year = resolvePeriod('last_year', today); // 1 April 2026 to 31 March 2027
const options = { period: year, today, homes: FIXTURE_HOMES, calendar: fixtureCalendar() };

const stage1 = (startedOn: string, acknowledgedOn: string | null, respondedOn: string | null, decision: ReportStage['decision'] = null): ReportStage => ({
  stage: 'stage_1', startedOn: d(startedOn), acknowledgedOn: acknowledgedOn ? d(acknowledgedOn) : null, respondedOn: respondedOn ? d(respondedOn) : null, decision, extensions: [],
});
const kase = (c: Pick<ReportCase, 'reference' | 'status' | 'stage1'> & Partial<ReportCase>): ReportCase => ({
  channel: 'phone', hasRepresentative: false, category: null, closedOn: null, stage2: null, refusal: null, remedies: [], receivedOn: c.stage1.startedOn, ...c,
});

/** Received before the year, nothing dated in it but its stage 1 response and closure. */
const RESPONDED_IN_YEAR = kase({ reference: 'CMP-2026-000101', status: 'closed', category: 'Repairs', closedOn: d('2026-04-09'), stage1: stage1('2026-03-09', '2026-03-10', '2026-04-02', 'upheld') });
/** Received before the year and refused (over 12 months) in it. */
const REFUSED_IN_YEAR = kase({ reference: 'CMP-2026-000102', status: 'refused', stage1: stage1('2026-03-23', null, null), refusal: { stage: 'stage_1', reasonCode: 'over_12_months', decidedOn: d('2026-04-01') } });
/** Everything before the year. */
const CLOSED_BEFORE = kase({ reference: 'CMP-2025-000101', status: 'closed', category: 'Repairs', closedOn: d('2025-06-02'), stage1: stage1('2025-05-01', '2025-05-02', '2025-05-15', 'not_upheld') });
const REFUSED_BEFORE = kase({ reference: 'CMP-2025-000102', status: 'refused', stage1: stage1('2025-09-01', null, null), refusal: { stage: 'stage_1', reasonCode: 'previously_considered', decidedOn: d('2025-09-03') } });
/** Everything before the year, but its row was written recently (as anonymisation does). */
const TOUCHED_RECENTLY = kase({ reference: 'CMP-2025-000103', status: 'closed', category: 'Communication', closedOn: d('2026-03-20'), stage1: stage1('2026-02-02', '2026-02-03', '2026-03-19', 'upheld') });

const DATA: ReportData = { ...FIXTURE_DATA, cases: [...FIXTURE_DATA.cases, RESPONDED_IN_YEAR, REFUSED_IN_YEAR, CLOSED_BEFORE, REFUSED_BEFORE, TOUCHED_RECENTLY] };

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedReportFixture(database.prisma, DATA);
  await database.query(`UPDATE "Complaint" SET "updatedAt" = "receivedAt"`);
  await database.query(`UPDATE "Complaint" SET "updatedAt" = '2027-04-14T12:00:00Z' WHERE reference = $1`, [TOUCHED_RECENTLY.reference]);
});
afterAll(async () => {
  await database?.destroy();
});

describe('loadReportData reads the cases by the dates the figures count, not by updatedAt', () => {
  it('reads every case with a date in the year, and none without', async () => {
    const loaded = await loadReportData(database, year);
    const expected = [...FIXTURE_DATA.cases.map((c) => c.reference).filter((r) => r !== 'CMP-2027-000001'), RESPONDED_IN_YEAR.reference, REFUSED_IN_YEAR.reference];
    expect(loaded.cases.map((c) => c.reference).sort()).toEqual(expected.sort());
  });

  it('reading from the start of the year before (for the trend) adds the cases with a date in that year', async () => {
    const loaded = await loadReportData(database, year, { casesFrom: reportDataFrom(year) });
    expect(reportDataFrom(year)).toBe('2025-04-01');
    const expected = [...DATA.cases.map((c) => c.reference).filter((r) => r !== 'CMP-2027-000001')];
    expect(loaded.cases.map((c) => c.reference).sort()).toEqual(expected.sort());
  });

  it('the figures and the case list equal the domain report on the same records', async () => {
    const loaded = await loadReportData(database, year, { casesFrom: reportDataFrom(year) });
    const report = buildPerformanceReport(loaded, options);
    expect(report).toEqual(buildPerformanceReport(DATA, options));
    // The two cases received before the year count in it: a stage 1 response and a refusal.
    expect(report.ch02.stage1).toEqual({ responded: 11, withinTimescale: 6, percent: 54.5 });
    expect(report.refusals.total).toBe(3);
    // The year before (2025/26): received at stage 1 and not refused there: L (16 Mar 2026), the
    // one answered in the year (9 Mar), the one closed before it (1 May 2025) and the one touched
    // recently (2 Feb) = 4. Responses in 2025/26: 15 May 2025 (due 19 May, in time) and 19 Mar
    // 2026 (due 17 Feb, late) = 1 of 2.
    expect(report.comparison.ch01.stage1.received).toBe(4);
    expect(report.comparison.ch02.stage1).toEqual({ responded: 2, withinTimescale: 1, percent: 50 });
    expect(caseListCsv(analyseCases(loaded, options), year, d('2027-03-31'))).toBe(caseListCsv(analyseCases(DATA, options), year, d('2027-03-31')));
  });
});
