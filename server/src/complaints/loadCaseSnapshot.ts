// Prisma rows → the domain's CaseSnapshot. Civil dates come back from @db.Date columns as UTC
// midnights and are read by their UTC fields (civilDateFromDbDate).
import { civilDateFromDbDate } from '../domain/index.ts';
import type { CaseSnapshot, ExtensionRecord, Stage, StageRecord } from '../domain/index.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import { caseInclude, type CaseRow, type Db } from './caseRow.ts';

const dateOrNull = (value: Date | null) => (value ? civilDateFromDbDate(value) : null);

function toStageRecord(row: CaseRow, stage: Stage): StageRecord | null {
  const s = row.stages.find((candidate) => candidate.stage === stage);
  if (!s) return null;
  const extensions: ExtensionRecord[] = row.extensions
    .filter((e) => e.stage === stage)
    .map((e) => ({
      id: e.id,
      previousDueOn: civilDateFromDbDate(e.previousDueOn),
      newDueOn: civilDateFromDbDate(e.newDueOn),
      workingDays: e.workingDays,
      reason: e.reason,
      goodReason: e.goodReason,
      updateIntervalDays: e.updateIntervalDays,
      createdById: e.createdById,
      createdAt: e.createdAt,
    }));
  return {
    stage,
    handlerId: s.handlerId,
    startedAt: s.startedAt,
    escalationReason: s.escalationReason,
    definition:
      s.understanding === null
        ? null
        : {
            understanding: s.understanding,
            outcomesSought: s.outcomesSought ?? '',
            inResponsibility: s.inResponsibility ?? '',
            outOfResponsibility: s.outOfResponsibility ?? '',
          },
    acknowledgementDueOn: civilDateFromDbDate(s.acknowledgementDueOn),
    acknowledgedAt: s.acknowledgedAt,
    responseDueOn: dateOrNull(s.responseDueOn),
    respondedAt: s.respondedAt,
    decision: s.decision,
    reasons: s.reasons,
    extensions,
  };
}

export function toCaseSnapshot(row: CaseRow): CaseSnapshot {
  const stage1 = toStageRecord(row, 'stage_1');
  if (!stage1) throw new Error(`Complaint ${row.reference} has no stage 1 record`);
  return {
    id: row.id,
    reference: row.reference,
    receivedAt: row.receivedAt,
    stage: row.stage,
    status: row.status,
    stage1,
    stage2: toStageRecord(row, 'stage_2'),
    // Owners are optional in the table (a leaver's rows survive); the domain wants a string.
    remedies: row.remedies.map((r) => ({
      id: r.id,
      stage: r.stage,
      kind: r.kind,
      description: r.description,
      amountPence: r.amountPence,
      dueOn: civilDateFromDbDate(r.dueOn),
      ownerId: r.ownerId ?? '',
      doneAt: r.doneAt,
    })),
    outstandingActions: row.actions.map((a) => ({
      id: a.id,
      stage: a.stage,
      description: a.description,
      dueOn: civilDateFromDbDate(a.dueOn),
      ownerId: a.ownerId ?? '',
      doneAt: a.doneAt,
    })),
    refusal: row.refusal
      ? {
          id: row.refusal.id,
          reasonCode: row.refusal.reasonCode,
          explanation: row.refusal.explanation,
          decidedById: row.refusal.decidedById,
          decidedAt: row.refusal.decidedAt,
        }
      : null,
    closure:
      row.status === 'closed' && row.closedAt && row.categoryId
        ? { closedAt: row.closedAt, closedById: row.closedById, categoryId: row.categoryId, learning: row.learningNotes[0]?.body ?? '' }
        : null,
    // 6.8: append-only; saveCaseSnapshot writes the ones an operation adds after these.
    relatedIssues: row.relatedIssues.map((i) => ({ description: i.description, raisedAt: i.raisedAt })),
  };
}

export async function loadCaseRow(db: Db, id: string): Promise<CaseRow> {
  const row = await db.complaint.findUnique({ where: { id }, include: caseInclude });
  if (!row) throw new AppError(AppErrorCode.NotFound, 'There is no complaint with that id.');
  return row;
}

export async function loadCaseSnapshot(db: Db, id: string): Promise<{ row: CaseRow; snapshot: CaseSnapshot }> {
  const row = await loadCaseRow(db, id);
  return { row, snapshot: toCaseSnapshot(row) };
}
