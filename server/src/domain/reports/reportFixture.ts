// The fixed data set the report tests are hand-computed against (reports.test.ts) and that the
// service tests seed into a real database (server/src/reports). Reporting year 2026/27 with
// Easter 2026 (Good Friday 3 April, Easter Monday 6 April), the early and late May and August
// bank holidays, Christmas 2026 (25 December, 28 December substitute for Boxing Day on a
// Saturday, 1 January 2027) and three closure days (29-31 December 2026).
import { parseCivilDate } from '../civilDate.ts';
import type { CivilDate } from '../civilDate.ts';
import { createWorkingCalendar } from '../workingDays.ts';
import type { ReportAdjustment, ReportCase, ReportData, ReportExtension, ReportLearningNote, ReportRemedy, ReportStage } from './reportCase.ts';

const d = (value: string): CivilDate => parseCivilDate(value);

export const FIXTURE_CLOSURE_DAYS = ['2026-12-29', '2026-12-30', '2026-12-31'].map(d);
export const fixtureCalendar = () => createWorkingCalendar({ closureDays: FIXTURE_CLOSURE_DAYS });
export const FIXTURE_HOMES = 2500;
/** The day the tests produce the report on: after the reporting year has ended. */
export const FIXTURE_TODAY = d('2027-04-15');

const ext = (createdOn: string, workingDays: number, reason: string, goodReason: string | null = null): ReportExtension => ({
  createdOn: d(createdOn),
  workingDays,
  reason,
  goodReason,
});

function stage(
  which: 'stage_1' | 'stage_2',
  startedOn: string,
  acknowledgedOn: string | null,
  respondedOn: string | null,
  decision: ReportStage['decision'] = null,
  extensions: ReportExtension[] = [],
): ReportStage {
  return { stage: which, startedOn: d(startedOn), acknowledgedOn: acknowledgedOn ? d(acknowledgedOn) : null, respondedOn: respondedOn ? d(respondedOn) : null, decision, extensions };
}

const remedy = (kind: ReportRemedy['kind'], offeredOn: string, doneOn: string | null, amountPence: number | null = null, which: ReportRemedy['stage'] = 'stage_1'): ReportRemedy => ({
  stage: which,
  kind,
  amountPence,
  offeredOn: d(offeredOn),
  doneOn: doneOn ? d(doneOn) : null,
});

const CONTRACTOR = "Waiting for the contractor's report";

type CaseInput = Omit<ReportCase, 'receivedOn' | 'closedOn' | 'stage2' | 'refusal' | 'remedies' | 'hasRepresentative'> &
  Partial<Pick<ReportCase, 'stage2' | 'refusal' | 'remedies' | 'hasRepresentative'>> & { closedOn?: string | null };

function kase(input: CaseInput): ReportCase {
  return {
    hasRepresentative: false,
    stage2: null,
    refusal: null,
    remedies: [],
    ...input,
    receivedOn: input.stage1.startedOn,
    closedOn: input.closedOn ? d(input.closedOn) : null,
  };
}

/** Letters A-M in the tests' working; references in the same order. */
export const FIXTURE_CASES: readonly ReportCase[] = [
  // A: across Easter, acknowledged and answered in time; £50 paid.
  kase({
    reference: 'CMP-2026-000001', channel: 'phone', hasRepresentative: true, category: 'Repairs', status: 'closed', closedOn: '2026-04-24',
    stage1: stage('stage_1', '2026-04-01', '2026-04-09', '2026-04-23', 'upheld'),
    remedies: [remedy('apology', '2026-04-23', '2026-04-23'), remedy('financial', '2026-04-23', '2026-04-30', 5000)],
  }),
  // B: received on Good Friday (23:30 UTC on Thursday 2 April is 00:30 in London), acknowledged
  // a day late, so the response was due a day earlier than the engine's own due date.
  kase({
    reference: 'CMP-2026-000002', channel: 'sms', category: 'Repairs', status: 'closed', closedOn: '2026-04-29',
    stage1: stage('stage_1', '2026-04-03', '2026-04-14', '2026-04-28', 'partly_upheld'),
    remedies: [remedy('acknowledgement', '2026-04-28', '2026-04-28')],
  }),
  // C: one extension within the limit, across the late May bank holiday; answered in time.
  kase({
    reference: 'CMP-2026-000003', channel: 'whatsapp', category: 'Communication', status: 'closed', closedOn: '2026-06-08',
    stage1: stage('stage_1', '2026-05-11', '2026-05-15', '2026-06-05', 'not_upheld', [ext('2026-05-28', 5, CONTRACTOR)]),
  }),
  // D: extended to 15 working days in all, past the limit with a good reason; answered in time; £250 paid.
  kase({
    reference: 'CMP-2026-000004', channel: 'email', hasRepresentative: true, category: 'Damp and mould', status: 'closed', closedOn: '2026-07-07',
    stage1: stage('stage_1', '2026-06-01', '2026-06-02', '2026-07-06', 'upheld', [
      ext('2026-06-15', 10, CONTRACTOR),
      ext('2026-06-29', 5, 'Specialist damp survey needed', "The surveyor's first date was cancelled"),
    ]),
    remedies: [remedy('financial', '2026-07-06', '2026-07-20', 25000), remedy('apology', '2026-07-06', '2026-07-06')],
  }),
  // E: a 15-day extension with no good reason (as imported from an older system): only 10 count.
  kase({
    reference: 'CMP-2026-000005', channel: 'letter', category: 'Communication', status: 'closed', closedOn: '2026-08-06',
    stage1: stage('stage_1', '2026-07-06', '2026-07-06', '2026-08-05', 'not_upheld', [ext('2026-07-17', 15, 'Staff absence')]),
  }),
  // F: extended the day after the response was due: too late to count.
  kase({
    reference: 'CMP-2026-000006', channel: 'webchat', category: 'Repairs', status: 'closed', closedOn: '2026-08-25',
    stage1: stage('stage_1', '2026-08-03', '2026-08-04', '2026-08-24', 'partly_upheld', [ext('2026-08-19', 5, CONTRACTOR)]),
    remedies: [remedy('apology', '2026-08-24', '2026-08-24')],
  }),
  // G: received on Christmas Eve; the clock stops over the bank holidays and closure days.
  kase({
    reference: 'CMP-2026-000007', channel: 'phone', category: 'Damp and mould', status: 'closed', closedOn: '2027-01-25',
    stage1: stage('stage_1', '2026-12-24', '2027-01-08', '2027-01-22', 'upheld'),
    remedies: [remedy('apology', '2027-01-22', '2027-01-22'), remedy('financial', '2027-01-22', '2027-02-05', 10000)],
  }),
  // H: stage 1 answered a day late after Christmas; escalated; stage 2 extended and answered in time.
  kase({
    reference: 'CMP-2026-000008', channel: 'sms', category: 'Repairs', status: 'closed', closedOn: '2027-03-01',
    stage1: stage('stage_1', '2026-12-21', '2026-12-22', '2027-01-14', 'not_upheld'),
    stage2: stage('stage_2', '2027-01-18', '2027-01-19', '2027-02-26', 'partly_upheld', [ext('2027-02-15', 10, "Independent surveyor's report awaited")]),
    remedies: [remedy('financial', '2027-02-26', null, 15000, 'stage_2')],
  }),
  // I: refused at stage 1 (over 12 months), then closed.
  kase({
    reference: 'CMP-2026-000009', channel: 'in_person', category: 'Repairs', status: 'closed', closedOn: '2026-09-04',
    stage1: stage('stage_1', '2026-09-01', null, null),
    refusal: { stage: 'stage_1', reasonCode: 'over_12_months', decidedOn: d('2026-09-03') },
  }),
  // J: answered at stage 1 in time; the escalation was declined (legal proceedings).
  kase({
    reference: 'CMP-2026-000010', channel: 'email', category: null, status: 'refused',
    stage1: stage('stage_1', '2026-09-07', '2026-09-08', '2026-09-21', 'not_upheld'),
    stage2: stage('stage_2', '2026-10-01', null, null),
    refusal: { stage: 'stage_2', reasonCode: 'legal_proceedings', decidedOn: d('2026-10-05') },
  }),
  // K: received on a closure day, acknowledged late, still waiting for its response.
  kase({
    reference: 'CMP-2026-000011', channel: 'webchat', hasRepresentative: true, category: null, status: 'acknowledged',
    stage1: stage('stage_1', '2026-12-30', '2027-01-11', null),
  }),
  // L: received in March 2026 (the year before), answered in April across Easter; £20 paid.
  kase({
    reference: 'CMP-2026-000012', channel: 'phone', category: 'Communication', status: 'closed', closedOn: '2026-04-08',
    stage1: stage('stage_1', '2026-03-16', '2026-03-20', '2026-04-07', 'upheld'),
    remedies: [remedy('financial', '2026-04-07', '2026-04-07', 2000)],
  }),
  // M: received after the reporting year.
  kase({
    reference: 'CMP-2027-000001', channel: 'sms', category: null, status: 'received',
    stage1: stage('stage_1', '2027-04-01', null, null),
  }),
];

const note = (reference: string, category: string, createdOn: string): ReportLearningNote => ({
  reference,
  category,
  createdOn: d(createdOn),
  body: `Learning from ${reference}: check ${category.toLowerCase()} jobs are booked with the resident before closing them.`,
});

export const FIXTURE_LEARNING: readonly ReportLearningNote[] = FIXTURE_CASES.filter((c) => c.closedOn && c.category).map((c) =>
  note(c.reference, c.category as string, c.closedOn as string),
);

export const FIXTURE_ADJUSTMENTS: readonly ReportAdjustment[] = [
  { kind: 'large_print', status: 'agreed', agreedOn: d('2026-01-05'), reviewOn: d('2027-01-05') },
  { kind: 'language', status: 'agreed', agreedOn: d('2026-06-01'), reviewOn: d('2027-06-01') },
  { kind: 'text_only', status: 'agreed', agreedOn: d('2026-09-01'), reviewOn: null },
  { kind: 'call_times', status: 'requested', agreedOn: null, reviewOn: d('2026-10-01') },
  { kind: 'support_worker', status: 'agreed', agreedOn: d('2027-04-10'), reviewOn: d('2027-10-10') },
  { kind: 'large_print', status: 'ended', agreedOn: d('2025-05-01'), reviewOn: d('2025-11-01') },
];

export const FIXTURE_DATA: ReportData = { cases: FIXTURE_CASES, learningNotes: FIXTURE_LEARNING, adjustments: FIXTURE_ADJUSTMENTS };
