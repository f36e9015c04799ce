// Writes a new snapshot back with optimistic concurrency: the complaint row is updated only at
// the version the caller read, and its version moves on. Every change to a case (stage, extension,
// remedy, action, refusal, closure) goes through here, so the complaint's version guards them all.
import { civilDateToDbDate, currentDueOn, currentStageRecord } from '../domain/index.ts';
import type { CaseSnapshot, CivilDate, StageRecord } from '../domain/index.ts';
import type { Channel } from '@complaints/db';
import type { Db } from './caseRow.ts';
import { staleVersionError } from './staleVersion.ts';

export interface SaveCaseSnapshotOptions {
  before: CaseSnapshot;
  after: CaseSnapshot;
  expectedVersion: number;
  actorId: string | null;
  /** How a related issue added by this operation reached us (6.8); the engine does not model channels. */
  issueChannel?: Channel | null;
}

const dbDate = (value: CivilDate | null) => (value === null ? null : civilDateToDbDate(value));

function stageColumns(s: StageRecord) {
  return {
    handlerId: s.handlerId,
    startedAt: s.startedAt,
    escalationReason: s.escalationReason,
    understanding: s.definition?.understanding ?? null,
    outcomesSought: s.definition?.outcomesSought ?? null,
    inResponsibility: s.definition?.inResponsibility ?? null,
    outOfResponsibility: s.definition?.outOfResponsibility ?? null,
    acknowledgementDueOn: civilDateToDbDate(s.acknowledgementDueOn),
    acknowledgedAt: s.acknowledgedAt,
    responseDueOn: dbDate(s.responseDueOn),
    respondedAt: s.respondedAt,
    decision: s.decision,
    reasons: s.reasons,
  };
}

const sameStage = (a: StageRecord | null, b: StageRecord | null) =>
  JSON.stringify(a && { ...a, extensions: null }) === JSON.stringify(b && { ...b, extensions: null });

/** Returns the complaint's new version. */
export async function saveCaseSnapshot(tx: Db, options: SaveCaseSnapshotOptions): Promise<number> {
  const { before, after, expectedVersion } = options;
  const updated = await tx.complaint.updateMany({
    where: { id: after.id, version: expectedVersion },
    data: {
      stage: after.stage,
      status: after.status,
      currentHandlerId: currentStageRecord(after).handlerId,
      currentDueOn: dbDate(currentDueOn(after)),
      closedAt: after.closure?.closedAt ?? null,
      closedById: after.closure?.closedById ?? null,
      ...(after.closure ? { categoryId: after.closure.categoryId } : {}),
      version: { increment: 1 },
    },
  });
  if (updated.count !== 1) throw await staleVersionError(tx, after.id);

  for (const key of ['stage1', 'stage2'] as const) {
    const s = after[key];
    if (!s || sameStage(before[key], s)) continue;
    await tx.complaintStage.upsert({
      where: { complaintId_stage: { complaintId: after.id, stage: s.stage } },
      create: { complaintId: after.id, stage: s.stage, ...stageColumns(s) },
      update: { ...stageColumns(s), version: { increment: 1 } },
    });
  }
  await saveExtensions(tx, before, after);
  await saveTrackedItems(tx, before, after);
  // Related issues only ever grow (6.8): the ones past the loaded list are new.
  for (const issue of after.relatedIssues.slice(before.relatedIssues.length)) {
    await tx.relatedIssue.create({
      data: { complaintId: after.id, description: issue.description, raisedAt: issue.raisedAt, channel: options.issueChannel ?? null, recordedById: options.actorId },
    });
  }
  if (after.refusal && !before.refusal) {
    const r = after.refusal;
    await tx.refusal.create({
      data: { id: r.id, complaintId: after.id, reasonCode: r.reasonCode, explanation: r.explanation, decidedById: r.decidedById, decidedAt: r.decidedAt },
    });
  }
  if (after.closure && !before.closure) {
    // 9.1: the learning is kept as a LearningNote so the annual report can group it (8.1).
    await tx.learningNote.create({
      data: { complaintId: after.id, categoryId: after.closure.categoryId, body: after.closure.learning, authorId: options.actorId, createdAt: after.closure.closedAt },
    });
  }
  return expectedVersion + 1;
}

async function saveExtensions(tx: Db, before: CaseSnapshot, after: CaseSnapshot): Promise<void> {
  const known = new Set([...before.stage1.extensions, ...(before.stage2?.extensions ?? [])].map((e) => e.id));
  for (const s of [after.stage1, after.stage2]) {
    for (const e of s?.extensions ?? []) {
      if (known.has(e.id) || !s) continue;
      if (!e.createdById) throw new Error('An extension needs the member of staff who made it');
      await tx.extension.create({
        data: {
          id: e.id,
          complaintId: after.id,
          stage: s.stage,
          previousDueOn: civilDateToDbDate(e.previousDueOn),
          newDueOn: civilDateToDbDate(e.newDueOn),
          workingDays: e.workingDays,
          reason: e.reason,
          goodReason: e.goodReason,
          updateIntervalDays: e.updateIntervalDays,
          createdById: e.createdById,
          createdAt: e.createdAt,
        },
      });
    }
  }
}

async function saveTrackedItems(tx: Db, before: CaseSnapshot, after: CaseSnapshot): Promise<void> {
  const oldRemedies = new Map(before.remedies.map((r) => [r.id, r]));
  for (const r of after.remedies) {
    const old = oldRemedies.get(r.id);
    if (!old) {
      await tx.remedy.create({
        data: {
          id: r.id, complaintId: after.id, stage: r.stage, kind: r.kind, description: r.description,
          amountPence: r.amountPence, dueOn: civilDateToDbDate(r.dueOn), ownerId: r.ownerId || null, doneAt: r.doneAt,
        },
      });
    } else if (old.doneAt?.getTime() !== r.doneAt?.getTime()) {
      await tx.remedy.update({ where: { id: r.id }, data: { doneAt: r.doneAt, version: { increment: 1 } } });
    }
  }
  const oldActions = new Map(before.outstandingActions.map((a) => [a.id, a]));
  for (const a of after.outstandingActions) {
    const old = oldActions.get(a.id);
    if (!old) {
      await tx.outstandingAction.create({
        data: { id: a.id, complaintId: after.id, stage: a.stage, description: a.description, dueOn: civilDateToDbDate(a.dueOn), ownerId: a.ownerId || null },
      });
    } else if (old.doneAt?.getTime() !== a.doneAt?.getTime()) {
      await tx.outstandingAction.update({ where: { id: a.id }, data: { doneAt: a.doneAt, version: { increment: 1 } } });
    }
  }
}
