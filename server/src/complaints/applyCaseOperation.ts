// The one path every case operation takes: read the case at the version the caller saw, check
// the caller's role owns the case's stage (stageOwnership.ts), let the engine decide, write the new snapshot with its audit rows and letters in one transaction, then
// tell staff once it has committed. Letter previews (previewCaseOperation.ts) take the same path
// up to the engine's decision and stop there.
import { randomUUID } from 'node:crypto';
import type { Channel, StaffRole } from '@complaints/db';
import type { ServerContext } from '../context.ts';
import { getWorkingCalendar } from '../calendar/workingCalendar.ts';
import type { CaseSnapshot, CaseWork, OperationContext } from '../domain/index.ts';
import type { CaseRow, Db } from './caseRow.ts';
import type { ComplaintDto } from './complaintDto.ts';
import { getComplaint } from './getComplaint.ts';
import { loadCaseSnapshot } from './loadCaseSnapshot.ts';
import { recordCaseEvents, type CaseEvent } from './recordCaseEvents.ts';
import { underCodeRules } from './ruleErrors.ts';
import { saveCaseSnapshot } from './saveCaseSnapshot.ts';
import { assertVersion } from './staleVersion.ts';
import { assertMayDoCaseWork } from './stageOwnership.ts';

/** Who is acting: their roles decide which stage's work they may do (stageOwnership.ts). */
export interface CaseActor {
  actorId: string;
  actorRoles: readonly StaffRole[];
}

export interface CaseOperation extends CaseActor {
  /** What this is, for the stage ownership check. */
  work: CaseWork;
  complaintId: string;
  /** The complaint version the caller read; null when the operation checks its own (item versions). */
  version: number | null;
  /** The socket event type announcing the change, e.g. 'complaint.acknowledged'. */
  eventType: string;
  /** Service-level checks that need the rows (e.g. an item's own version); run before the engine. */
  check?: (tx: Db, row: CaseRow) => Promise<void>;
  /** How a related issue added by this operation reached us (6.8). */
  issueChannel?: Channel | null;
  operate: (snapshot: CaseSnapshot, opCtx: OperationContext) => { snapshot: CaseSnapshot; events: readonly CaseEvent[] };
}

export interface CaseDecision {
  row: CaseRow;
  before: CaseSnapshot;
  after: CaseSnapshot;
  events: readonly CaseEvent[];
  now: Date;
}

/** Loads the case, checks the version and the service's own rules, and asks the engine. Writes nothing. */
export async function decideCaseOperation(tx: Db, ctx: ServerContext, op: CaseOperation): Promise<CaseDecision> {
  const now = ctx.now();
  const calendar = await getWorkingCalendar(ctx.prisma);
  const opCtx: OperationContext = { now, calendar, actorId: op.actorId, newId: randomUUID };
  const { row, snapshot } = await loadCaseSnapshot(tx, op.complaintId);
  assertMayDoCaseWork(op.actorRoles, op.work, row.stage);
  await assertVersion(tx, row.id, row.version, op.version ?? row.version);
  await op.check?.(tx, row);
  const transition = underCodeRules(() => op.operate(snapshot, opCtx));
  return { row, before: snapshot, after: transition.snapshot, events: transition.events, now };
}

export async function applyCaseOperation(ctx: ServerContext, op: CaseOperation): Promise<ComplaintDto> {
  await ctx.prisma.$transaction(async (tx) => {
    const { row, before, after, events, now } = await decideCaseOperation(tx, ctx, op);
    await saveCaseSnapshot(tx, { before, after, expectedVersion: row.version, actorId: op.actorId, issueChannel: op.issueChannel ?? null });
    await recordCaseEvents(tx, { events, after, residentId: row.residentId, letters: ctx.config.letters, now });
  });
  const dto = await getComplaint(ctx, { id: op.complaintId });
  ctx.broadcaster.toStaff({ type: op.eventType, payload: { complaint: dto } });
  return dto;
}
