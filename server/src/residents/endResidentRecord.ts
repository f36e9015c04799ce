// Ends an adjustment, disclosure or restriction with the reason in the audit (5.12). Nothing is
// deleted: the panel keeps ended records, marked as ended.
import type { ServerContext } from '../context.ts';
import { civilDateInLondon } from '../domain/index.ts';
import type { TEndRecord, TResidentPanel } from '../schemas/index.ts';
import { loadRecordInForce, REVIEWED_RECORDS, type ReviewedRecordKind } from './residentRecordKinds.ts';
import { auditResidentChange, publishResidentPanel, staleRecordError } from './residentChanges.ts';

export async function endResidentRecord(
  ctx: ServerContext,
  options: TEndRecord & { kind: ReviewedRecordKind; residentId: string; itemId: string; actorId: string },
): Promise<TResidentPanel> {
  const spec = REVIEWED_RECORDS[options.kind];
  const now = ctx.now();
  const today = civilDateInLondon(now);
  await ctx.prisma.$transaction(async (tx) => {
    const before = await loadRecordInForce(tx, spec, { ...options, whenEnded: 'has already ended.' });
    if ((await spec.end(tx, options.itemId, options.version, now)) === 0) throw await staleRecordError(tx, spec.entityType, options.itemId, spec.what);
    const after = await spec.load(tx, options.itemId);
    await auditResidentChange(tx, {
      actorId: options.actorId,
      residentId: options.residentId,
      action: `${spec.auditAction}.ended`,
      entityType: spec.entityType,
      entityId: options.itemId,
      before: before.dto(today),
      after: { ...(after?.dto(today) as object), endReason: options.reason },
      at: now,
    });
  });
  return publishResidentPanel(ctx, options.residentId);
}
