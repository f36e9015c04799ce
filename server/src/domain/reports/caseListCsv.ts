// The case list behind a report, as CSV (RFC 4180: CRLF line ends, fields quoted when they hold
// a comma, quote or line break, quotes doubled). The columns are fixed and documented in the
// README; new columns are only ever added at the end. No personal data: references, dates and
// codes only. Cells that a spreadsheet would run as a formula (starting = + - @, tab or CR) are
// prefixed with an apostrophe (OWASP's CSV injection advice).
import type { CivilDate } from '../civilDate.ts';
import type { Stage } from '../deadlines.ts';
import type { AnalysedCase } from './analysedCase.ts';
import { inPeriod, type DateRange } from './period.ts';
import type { StageTimeliness } from './timeliness.ts';
import type { ReportStage } from './reportCase.ts';

const STAGE_COLUMNS = (p: 'stage1' | 'stage2') =>
  [
    p === 'stage1' ? 'stage1_started_on' : 'stage2_requested_on',
    `${p}_acknowledgement_due_on`,
    `${p}_acknowledged_on`,
    `${p}_acknowledged_in_time`,
    `${p}_response_due_on`,
    `${p}_extensions`,
    `${p}_extension_working_days`,
    `${p}_responded_on`,
    `${p}_responded_in_time`,
    `${p}_working_days_to_respond`,
    `${p}_decision`,
  ] as const;

export const CASE_LIST_COLUMNS = [
  'reference',
  'received_on',
  'channel',
  'representative',
  'category',
  'status',
  'stage_reached',
  ...STAGE_COLUMNS('stage1'),
  ...STAGE_COLUMNS('stage2'),
  'refusal_stage',
  'refused_on',
  'refusal_reason',
  'remedies_offered',
  'compensation_offered_gbp',
  'compensation_paid_gbp',
  'closed_on',
] as const;

type Cell = string | number | boolean | null;

const yesNo = (value: boolean | null) => (value === null ? null : value ? 'yes' : 'no');
const pounds = (pence: number) => (pence / 100).toFixed(2);

function stageCells(s: ReportStage | null, t: StageTimeliness | null): Cell[] {
  if (!s || !t) return STAGE_COLUMNS('stage1').map(() => null);
  return [
    s.startedOn,
    t.acknowledgementDueOn,
    s.acknowledgedOn,
    yesNo(t.acknowledgedInTime),
    t.responseDueOn,
    s.extensions.length,
    s.extensions.reduce((sum, x) => sum + x.workingDays, 0),
    s.respondedOn,
    yesNo(t.respondedInTime),
    t.workingDaysToRespond,
    s.decision,
  ];
}

/** Every case that counts in any figure of the period's report, or was open at its end. */
export function casesInPeriod(cases: readonly AnalysedCase[], period: DateRange, asOf: CivilDate): AnalysedCase[] {
  const stageActive = (s: ReportStage | null, stage: Stage, a: AnalysedCase) => {
    if (!s) return false;
    if (inPeriod(s.startedOn, period) || inPeriod(s.acknowledgedOn, period) || inPeriod(s.respondedOn, period)) return true;
    if (s.extensions.some((x) => inPeriod(x.createdOn, period))) return true;
    const refusedBy = a.c.refusal?.stage === stage && a.c.refusal.decidedOn <= asOf;
    return s.startedOn <= asOf && (s.respondedOn === null || s.respondedOn > asOf) && !refusedBy;
  };
  return cases
    .filter(
      (a) =>
        stageActive(a.c.stage1, 'stage_1', a) ||
        stageActive(a.c.stage2, 'stage_2', a) ||
        inPeriod(a.c.refusal?.decidedOn, period) ||
        inPeriod(a.c.closedOn, period) ||
        a.c.remedies.some((r) => inPeriod(r.offeredOn, period) || inPeriod(r.doneOn, period)),
    )
    .sort((x, y) => x.c.receivedOn.localeCompare(y.c.receivedOn) || x.c.reference.localeCompare(y.c.reference));
}

export function caseListRows(cases: readonly AnalysedCase[]): Cell[][] {
  return cases.map(({ c, stage1, stage2 }) => {
    const financial = c.remedies.filter((r) => r.kind === 'financial');
    return [
      c.reference,
      c.receivedOn,
      c.channel,
      yesNo(c.hasRepresentative),
      c.category,
      c.status,
      c.stage2 ? 2 : 1,
      ...stageCells(c.stage1, stage1),
      ...stageCells(c.stage2, stage2),
      c.refusal ? (c.refusal.stage === 'stage_1' ? 1 : 2) : null,
      c.refusal?.decidedOn ?? null,
      c.refusal?.reasonCode ?? null,
      c.remedies.length,
      pounds(financial.reduce((sum, r) => sum + (r.amountPence ?? 0), 0)),
      pounds(financial.filter((r) => r.doneOn !== null).reduce((sum, r) => sum + (r.amountPence ?? 0), 0)),
      c.closedOn,
    ];
  });
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function caseListCsv(cases: readonly AnalysedCase[], period: DateRange, asOf: CivilDate): string {
  return toCsv(CASE_LIST_COLUMNS, caseListRows(casesInPeriod(cases, period, asOf)));
}
