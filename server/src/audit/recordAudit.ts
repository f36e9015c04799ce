// Writes one append-only audit row (5.12). Call it inside the same transaction as the change it
// records, so a change never lands without its audit row or the other way round.
import type { Prisma } from '@complaints/db';

export interface AuditEntry {
  actor: { type: 'staff'; staffId: string } | { type: 'resident' | 'bot' | 'system' };
  action: string;
  entityType: string;
  entityId: string;
  complaintId?: string;
  conversationId?: string;
  residentId?: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  at: Date;
}

type AuditWriter = Pick<Prisma.TransactionClient, 'auditEvent'>;

export async function recordAudit(tx: AuditWriter, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      occurredAt: entry.at,
      actorType: entry.actor.type,
      actorStaffId: entry.actor.type === 'staff' ? entry.actor.staffId : null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      complaintId: entry.complaintId ?? null,
      conversationId: entry.conversationId ?? null,
      residentId: entry.residentId ?? null,
      before: entry.before,
      after: entry.after,
    },
  });
}
