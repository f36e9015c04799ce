// The reports API on a real database seeded with the hand-computed fixture: the figures the
// server loads and computes equal the domain's on the same records (so the SQL loader reads
// every field right, London dates included), and the hand-computed headline figures hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCivilDate } from '../domain/civilDate.ts';
import { analyseCases, buildPerformanceReport, caseListCsv, resolvePeriod } from '../domain/index.ts';
import { FIXTURE_DATA, FIXTURE_HOMES, fixtureCalendar } from '../domain/reports/reportFixture.ts';
import { createSignedInStaff, startTestServer, type ApiClient, type TestServer } from '../testing/testServer.ts';
import { seedReportFixture } from './reportsTestKit.ts';

let server: TestServer;
let officer: ApiClient;
beforeAll(async () => {
  // 15 April 2027: "last year" is the reporting year 2026/27.
  server = await startTestServer({ now: () => new Date('2027-04-15T09:00:00Z') });
  await seedReportFixture(server.context.prisma);
  officer = (await createSignedInStaff(server, ['complaints_officer'])).client;
});
afterAll(async () => {
  await server?.stop();
});

const today = parseCivilDate('2027-04-15');
const year = resolvePeriod('last_year', today);
const options = { period: year, today, homes: FIXTURE_HOMES, calendar: fixtureCalendar() };

describe('GET /api/reports/performance', () => {
  it('equals the domain report on the same records, with the hand-computed CH01 and CH02', async () => {
    const response = await officer.get('/api/reports/performance?period=last_year');
    expect(response.status).toBe(200);
    const expected = JSON.parse(JSON.stringify(buildPerformanceReport(FIXTURE_DATA, options)));
    expect(response.json).toEqual(expected);
    expect(response.json.ch01.stage1).toEqual({ received: 10, perThousandHomes: 4 });
    expect(response.json.ch02.stage1).toEqual({ responded: 10, withinTimescale: 6, percent: 60 });
  });

  it('custom periods: the quarter over Christmas', async () => {
    const response = await officer.get('/api/reports/performance?period=custom&from=2026-10-01&to=2026-12-31');
    expect(response.status).toBe(200);
    expect(response.json.ch01.stage1.received).toBe(3);
    expect(response.json.openAtEnd.stage_1).toEqual({ open: 3, overdue: 0 });
  });

  it.each([
    ['period=custom&from=2026-01-01', 'to: A custom period needs a to date (YYYY-MM-DD)'],
    ['period=custom&from=2026-02-30&to=2026-03-01', 'from: That date does not exist'],
    ['period=custom&from=2026-03-01&to=2026-02-01', 'to: The period ends (2026-02-01) before it starts (2026-03-01)'],
    ['period=fortnight', 'period: period must be one of this_quarter, last_quarter, this_year, last_year, custom'],
    ['period=this_year&from=2026-01-01', 'period: from and to are only used with period=custom'],
  ])('?%s answers 400: %s', async (query, message) => {
    const response = await officer.get(`/api/reports/performance?${query}`);
    expect(response.status).toBe(400);
    expect(response.json.error.message).toBe(message);
  });
});

describe('learning (9.1)', () => {
  it('reads only the ten most recent notes of a category and its total, as the domain would show them', async () => {
    const prisma = server.context.prisma;
    const a = await prisma.complaint.findUniqueOrThrow({ where: { reference: 'CMP-2026-000001' } });
    for (let i = 1; i <= 11; i++) {
      await prisma.learningNote.create({ data: { complaintId: a.id, categoryId: a.categoryId, body: `Extra note ${i}`, createdAt: new Date(`2026-10-${String(i).padStart(2, '0')}T12:00:00Z`) } });
    }
    const repairs = (await officer.get('/api/reports/performance?period=last_year')).json.learning[0];
    // 5 notes in the fixture + 11 more; the newest are H's (1 Mar 2027) then the extra ones.
    expect(repairs.total).toBe(16);
    expect(repairs.notes.map((n: { body: string }) => n.body.slice(0, 16))).toEqual([
      'Learning from CM', 'Extra note 11', 'Extra note 10', 'Extra note 9', 'Extra note 8', 'Extra note 7', 'Extra note 6', 'Extra note 5', 'Extra note 4', 'Extra note 3',
    ]);
    await prisma.learningNote.deleteMany({ where: { body: { startsWith: 'Extra note' } } });
  });
});

describe('exports', () => {
  it('GET /api/reports/annual is the printable annual report', async () => {
    const response = await officer.get('/api/reports/annual?period=last_year');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.text).toContain('Complaints performance and service improvement report Reporting year 2026/27');
    expect(response.text).toContain('<th scope="row">CH02: responded to within Code timescales</th><td class="num">60.0%</td>');
  });

  it('GET /api/reports/cases.csv downloads the case list, the same as the domain builds it', async () => {
    const response = await officer.get('/api/reports/cases.csv?period=last_year');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename=complaints-2026-04-01-to-2027-03-31.csv');
    expect(response.text).toBe(caseListCsv(analyseCases(FIXTURE_DATA, options), year, parseCivilDate('2027-03-31')));
    expect(response.text.split('\r\n')).toHaveLength(14); // header, 12 cases, final line end
  });
});

describe('settings', () => {
  it('a complaints officer sets the number of homes (version-checked, audited); the figures follow', async () => {
    const before = await officer.get('/api/settings');
    expect(before.json.homes).toMatchObject({ value: FIXTURE_HOMES, version: 1 });
    expect(before.json.retentionMonths).toMatchObject({ value: 72, version: 0, updatedAt: null });
    const saved = await officer.request('PUT', '/api/settings/homes', { homes: 5000, version: 1 });
    expect(saved.status).toBe(200);
    expect(saved.json.homes).toMatchObject({ value: 5000, version: 2 });
    const stale = await officer.request('PUT', '/api/settings/homes', { homes: 4000, version: 1 });
    expect(stale.status).toBe(409);
    const invalid = await officer.request('PUT', '/api/settings/homes', { homes: 0, version: 2 });
    expect(invalid.json.error.message).toBe('homes: The number of homes must be at least 1');
    const report = await officer.get('/api/reports/performance?period=last_year');
    expect(report.json.ch01.stage1.perThousandHomes).toBe(2); // 10 / 5,000 x 1,000
    const audit = await server.context.prisma.auditEvent.findFirst({ where: { action: 'setting.changed', entityId: 'reports.homes' } });
    expect(audit).toMatchObject({ before: { value: 2500 }, after: { value: 5000 } });
  });

  it('only an admin sets the retention period', async () => {
    expect((await officer.request('PUT', '/api/settings/retention', { months: 24, version: 0 })).status).toBe(403);
    const { client: admin } = await createSignedInStaff(server, ['admin']);
    const tooShort = await admin.request('PUT', '/api/settings/retention', { months: 3, version: 0 });
    expect(tooShort.json.error.message).toBe('months: The retention period must be at least 12 months');
    const saved = await admin.request('PUT', '/api/settings/retention', { months: 24, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.json.retentionMonths).toMatchObject({ value: 24, version: 1 });
  });
});
