// Loads what a period's report reads, in five set-based queries: the cases that can count in the
// period (with their stages, refusal and category; from `casesFrom` when the report is compared
// with an earlier period), their extensions and remedies, the learning recorded in the period
// and the agreed reasonable adjustments. London civil dates are worked out
// in SQL (AT TIME ZONE 'Europe/London'), so 100,000 cases need no per-row date conversion here,
// and the rows come straight through the driver (Database.query), not Prisma's raw queries.
// A remedy counts as offered on the day of the response that offered it (respond.ts creates
// remedies only with a response).
import type { Database } from '@complaints/db';
import { LEARNING_NOTES_PER_CATEGORY } from '../domain/index.ts';
import type { CivilDate, DateRange, ReportAdjustment, ReportCase, ReportData, ReportExtension, ReportLearningNote, ReportRemedy, ReportStage } from '../domain/index.ts';

type Db = Pick<Database, 'query'>;

const london = (column: string) => `to_char(${column} AT TIME ZONE 'Europe/London', 'YYYY-MM-DD')`;
const START = `($1::date::timestamp AT TIME ZONE 'Europe/London')`;
const END = `(($2::date + 1)::timestamp AT TIME ZONE 'Europe/London')`;

// A superset of the cases that count: received before the period ended, and either received
// since it started, still in progress, or closed or refused since it started, or with a remedy
// or learning note dated in it. A closed or refused case's other dates (acknowledgements,
// extensions, responses, escalation) all come before its closure or refusal (the lifecycle
// reopens a case to escalate it), so those two dates stand for them. Never Complaint.updatedAt:
// it is when the row was last written (by Prisma's clock, not the service's; imports and raw
// SQL leave it alone; anonymisation moves it), not when anything the figures count happened.
// The report's own rules then pick exactly which figures each case counts in. (Uncorrelated IN
// subqueries, not EXISTS: inside an OR, EXISTS is planned as a per-row subplan whose estimated
// cost switches on PostgreSQL's JIT, which then spent over 2 s compiling a query that runs in 0.4 s.)
const RELEVANT = `
  WITH rel AS (
    SELECT c.id FROM "Complaint" c
    WHERE c."receivedAt" < ${END}
      AND (c."receivedAt" >= ${START} OR c.status NOT IN ('closed', 'refused') OR c."closedAt" >= ${START}
        OR c.id IN (SELECT f."complaintId" FROM "Refusal" f WHERE f."decidedAt" >= ${START})
        OR c.id IN (SELECT r."complaintId" FROM "Remedy" r WHERE r."doneAt" IS NULL OR r."doneAt" >= ${START})
        OR c.id IN (SELECT n."complaintId" FROM "LearningNote" n WHERE n."createdAt" >= ${START}))
  )`;

const stageColumns = (alias: string) => `
  ${london(`${alias}."startedAt"`)} AS ${alias}_started, ${london(`${alias}."acknowledgedAt"`)} AS ${alias}_acknowledged,
  ${london(`${alias}."respondedAt"`)} AS ${alias}_responded, ${alias}.decision::text AS ${alias}_decision`;

const CASES_SQL = `${RELEVANT}
  SELECT c.id, c.reference, ${london('c."receivedAt"')} AS received, c.channel::text AS channel, c."representativeId" IS NOT NULL AS represented,
    cat.name AS category, c.status::text AS status, ${london('c."closedAt"')} AS closed,
    ${stageColumns('s1')}, ${stageColumns('s2')}, s2.id IS NOT NULL AS has_stage2,
    rf."reasonCode"::text AS refusal_reason, ${london('rf."decidedAt"')} AS refused
  FROM rel JOIN "Complaint" c ON c.id = rel.id
  LEFT JOIN "Category" cat ON cat.id = c."categoryId"
  LEFT JOIN "ComplaintStage" s1 ON s1."complaintId" = c.id AND s1.stage = 'stage_1'
  LEFT JOIN "ComplaintStage" s2 ON s2."complaintId" = c.id AND s2.stage = 'stage_2'
  LEFT JOIN "Refusal" rf ON rf."complaintId" = c.id`;

const EXTENSIONS_SQL = `${RELEVANT}
  SELECT e."complaintId" AS complaint_id, e.stage::text AS stage, ${london('e."createdAt"')} AS created, e."workingDays" AS working_days, e.reason, e."goodReason" AS good_reason
  FROM rel JOIN "Extension" e ON e."complaintId" = rel.id
  ORDER BY e."createdAt", e.id`;

const REMEDIES_SQL = `${RELEVANT}
  SELECT r."complaintId" AS complaint_id, r.stage::text AS stage, r.kind::text AS kind, r."amountPence" AS amount_pence,
    ${london('COALESCE(st."respondedAt", r."createdAt")')} AS offered, ${london('r."doneAt"')} AS done
  FROM rel JOIN "Remedy" r ON r."complaintId" = rel.id
  LEFT JOIN "ComplaintStage" st ON st."complaintId" = r."complaintId" AND st.stage = r.stage`;

// 9.1: only the notes the report shows (the most recent per category, in the domain's order)
// and how many each category had; a year can hold tens of thousands.
const LEARNING_SQL = `
  SELECT reference, category, created, body, total FROM (
    SELECT c.reference, cat.name AS category, ${london('n."createdAt"')} AS created, n.body,
      row_number() OVER (PARTITION BY cat.name ORDER BY (n."createdAt" AT TIME ZONE 'Europe/London')::date DESC, c.reference) AS rank,
      (count(*) OVER (PARTITION BY cat.name))::int AS total
    FROM "LearningNote" n JOIN "Complaint" c ON c.id = n."complaintId" LEFT JOIN "Category" cat ON cat.id = n."categoryId"
    WHERE n."createdAt" >= ${START} AND n."createdAt" < ${END}
  ) ranked
  WHERE rank <= ${LEARNING_NOTES_PER_CATEGORY}`;

const ADJUSTMENTS_SQL = `
  SELECT a.kind::text AS kind, a.status::text AS status, ${london('a."agreedAt"')} AS agreed, to_char(a."reviewOn", 'YYYY-MM-DD') AS review
  FROM "ReasonableAdjustment" a WHERE a.status = 'agreed'`;

type StageKey = 's1' | 's2';
type CaseRow = Record<`${StageKey}_${'started' | 'acknowledged' | 'responded' | 'decision'}`, string | null> & {
  id: string;
  reference: string;
  received: CivilDate;
  channel: ReportCase['channel'];
  represented: boolean;
  category: string | null;
  status: ReportCase['status'];
  closed: CivilDate | null;
  has_stage2: boolean;
  refusal_reason: string | null;
  refused: CivilDate | null;
};

interface ExtensionRow {
  complaint_id: string;
  stage: string;
  created: CivilDate;
  working_days: number;
  reason: string;
  good_reason: string | null;
}

interface RemedyRow {
  complaint_id: string;
  stage: ReportRemedy['stage'];
  kind: ReportRemedy['kind'];
  amount_pence: number | null;
  offered: CivilDate;
  done: CivilDate | null;
}

function stage(row: CaseRow, key: StageKey, extensions: readonly ReportExtension[]): ReportStage {
  return {
    stage: key === 's1' ? 'stage_1' : 'stage_2',
    startedOn: row[`${key}_started`] as CivilDate,
    acknowledgedOn: row[`${key}_acknowledged`] as CivilDate | null,
    respondedOn: row[`${key}_responded`] as CivilDate | null,
    decision: row[`${key}_decision`] as ReportStage['decision'],
    extensions,
  };
}

export interface LoadReportOptions {
  /** Read the cases from this day instead of the period's start: the earlier period a report is compared with. */
  casesFrom?: CivilDate;
}

export async function loadReportData(db: Db, period: DateRange, options: LoadReportOptions = {}): Promise<ReportData> {
  const params = [period.from, period.to];
  const caseParams = [options.casesFrom && options.casesFrom < period.from ? options.casesFrom : period.from, period.to];
  const [cases, extensions, remedies, learning, adjustments] = await Promise.all([
    db.query<CaseRow>(CASES_SQL, caseParams),
    db.query<ExtensionRow>(EXTENSIONS_SQL, caseParams),
    db.query<RemedyRow>(REMEDIES_SQL, caseParams),
    db.query<{ reference: string; category: string | null; created: CivilDate; body: string; total: number }>(LEARNING_SQL, params),
    db.query<{ kind: ReportAdjustment['kind']; status: ReportAdjustment['status']; agreed: CivilDate | null; review: CivilDate | null }>(ADJUSTMENTS_SQL),
  ]);

  const extensionsOf = new Map<string, ReportExtension[]>();
  for (const e of extensions) {
    const key = `${e.complaint_id}/${e.stage}`;
    let list = extensionsOf.get(key);
    if (!list) extensionsOf.set(key, (list = []));
    list.push({ createdOn: e.created, workingDays: e.working_days, reason: e.reason, goodReason: e.good_reason });
  }
  const remediesOf = new Map<string, ReportRemedy[]>();
  for (const r of remedies) {
    let list = remediesOf.get(r.complaint_id);
    if (!list) remediesOf.set(r.complaint_id, (list = []));
    list.push({ stage: r.stage, kind: r.kind, amountPence: r.amount_pence, offeredOn: r.offered, doneOn: r.done });
  }
  const none: never[] = [];

  return {
    cases: cases.map(
      (row): ReportCase => ({
        reference: row.reference,
        receivedOn: row.received,
        channel: row.channel,
        hasRepresentative: row.represented,
        category: row.category,
        status: row.status,
        closedOn: row.closed,
        stage1: stage(row, 's1', extensionsOf.get(`${row.id}/stage_1`) ?? none),
        stage2: row.has_stage2 ? stage(row, 's2', extensionsOf.get(`${row.id}/stage_2`) ?? none) : null,
        refusal: row.refusal_reason
          ? { stage: row.has_stage2 ? 'stage_2' : 'stage_1', reasonCode: row.refusal_reason as 'other', decidedOn: row.refused as CivilDate }
          : null,
        remedies: remediesOf.get(row.id) ?? none,
      }),
    ),
    learningNotes: learning.map((n): ReportLearningNote => ({ reference: n.reference, category: n.category, createdOn: n.created, body: n.body })),
    learningTotals: [...new Map(learning.map((n) => [n.category, n.total])).entries()].map(([category, total]) => ({ category, total })),
    adjustments: adjustments.map((a): ReportAdjustment => ({ kind: a.kind, status: a.status, agreedOn: a.agreed, reviewOn: a.review })),
  };
}
