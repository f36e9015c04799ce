// The retention sweep: re-runnable over "finished longer ago than the retention period and not
// yet anonymised", in capped batches, each resident in its own transaction with its audit row.
// The server runs it periodically (retentionSweeper.ts); an admin can run a batch on demand.
import type { ServerContext } from '../context.ts';
import type { AuditEntry } from '../audit/recordAudit.ts';
import type { TRetentionSweepResult } from '../schemas/index.ts';
import { readRetentionMonths } from '../settings/settingKeys.ts';
import { anonymiseResident, lockResident } from './anonymiseResident.ts';
import { retentionCutoff } from './retentionCutoff.ts';

export const RETENTION_BATCH_SIZE = 200;

const DUE_SQL = `
  SELECT r.id FROM "Resident" r
  WHERE r."anonymisedAt" IS NULL
    AND EXISTS (SELECT 1 FROM "Complaint" c WHERE c."residentId" = r.id)
    AND NOT EXISTS (
      SELECT 1 FROM "Complaint" c LEFT JOIN "Refusal" f ON f."complaintId" = c.id
      WHERE c."residentId" = r.id
        AND NOT ((c.status = 'closed' AND c."closedAt" < $1::timestamptz) OR (c.status = 'refused' AND f."decidedAt" < $1::timestamptz)))
  ORDER BY r.id
  LIMIT $2`;

export interface RetentionSweepOptions {
  actor?: AuditEntry['actor'];
  batchSize?: number;
}

export async function runRetentionSweep(ctx: Pick<ServerContext, 'prisma' | 'database' | 'now'>, options: RetentionSweepOptions = {}): Promise<TRetentionSweepResult> {
  const now = ctx.now();
  const months = await readRetentionMonths(ctx.prisma);
  const cutoff = retentionCutoff(now, months);
  const batchSize = options.batchSize ?? RETENTION_BATCH_SIZE;
  const due = await ctx.database.query<{ id: string }>(DUE_SQL, [cutoff.toISOString(), batchSize + 1]);
  let anonymised = 0;
  for (const { id } of due.slice(0, batchSize)) {
    await ctx.prisma.$transaction(async (tx) => {
      // Locked and re-checked: an admin's erasure, or another process's sweep, may have got there first.
      await lockResident(tx, id);
      const resident = await tx.resident.findUnique({ where: { id }, select: { anonymisedAt: true } });
      if (!resident || resident.anonymisedAt) return;
      await anonymiseResident(tx, {
        residentId: id,
        reason: 'retention',
        now,
        actor: options.actor ?? { type: 'system' },
        details: { retentionMonths: months, finishedBefore: cutoff.toISOString() },
      });
      anonymised += 1;
    });
  }
  return { anonymised, more: due.length > batchSize };
}
