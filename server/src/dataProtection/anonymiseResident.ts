// Replaces a resident's personal data, everywhere it is held, keeping every fact the reports
// count (dates, stages, decisions, channels, categories, remedy kinds and amounts, refusal
// reasons, adjustment kinds and review dates) so no figure changes. Kept as written: extension
// reasons and learning notes, which staff write about the service, not the resident (README).
// Audit rows about the resident are redacted inside the one transaction the database allows
// that in (app.audit_redaction = 'on', see the init migration). Runs inside the caller's
// transaction so the change and its audit row land together.
import { Prisma } from '@complaints/db';
import { recordAudit, type AuditEntry } from '../audit/recordAudit.ts';
import { ANONYMISED, redactAuditValue } from './redactAuditValue.ts';
import { residentAuditWhere, residentConversationsWhere } from './residentScope.ts';

export type AnonymisationReason = 'retention' | 'erasure_request';

export interface AnonymiseOptions {
  residentId: string;
  reason: AnonymisationReason;
  now: Date;
  actor: AuditEntry['actor'];
  /** For the audit row: the retention period applied, or the person's stated reason. */
  details: Prisma.InputJsonObject;
}

/** Row lock on the resident for the rest of the transaction, so two anonymisations never interleave. */
export async function lockResident(tx: Prisma.TransactionClient, residentId: string): Promise<void> {
  await tx.$executeRawUnsafe('SELECT 1 FROM "Resident" WHERE id = $1::uuid FOR UPDATE', residentId);
}

const blank = <T extends string>(...fields: T[]) => Object.fromEntries(fields.map((f) => [f, ANONYMISED])) as Record<T, string>;

export async function anonymiseResident(tx: Prisma.TransactionClient, options: AnonymiseOptions): Promise<void> {
  const { residentId, now } = options;
  const complaints = await tx.complaint.findMany({ where: { residentId }, select: { id: true, conversationId: true } });
  const complaintIds = complaints.map((c) => c.id);
  const conversations = await tx.conversation.findMany({
    where: residentConversationsWhere(residentId, complaints),
    select: { id: true, channelIdentityId: true },
  });
  const conversationIds = conversations.map((c) => c.id);
  // The resident's identities, and the number or web chat session a complaint of theirs came
  // from when it was never linked to anyone (an identity linked to someone else is theirs).
  const identities = await tx.channelIdentity.findMany({
    where: { OR: [{ residentId }, { id: { in: conversations.map((c) => c.channelIdentityId) }, residentId: null }] },
    select: { id: true, address: true },
  });
  const representatives = await tx.representative.findMany({ where: { residentId }, select: { id: true } });

  await tx.resident.update({
    where: { id: residentId },
    data: { fullName: null, preferredName: null, postcode: null, tenancyReference: null, addressLine: null, email: null, anonymisedAt: now, version: { increment: 1 } },
  });
  for (const identity of identities) {
    // Unique per channel, so each gets its own meaningless address.
    await tx.channelIdentity.update({ where: { id: identity.id }, data: { address: `anonymised:${identity.id}` } });
  }
  await tx.representative.updateMany({ where: { residentId }, data: { name: ANONYMISED, organisation: null, phone: null, email: null, consentEvidence: null } });
  await tx.reasonableAdjustment.updateMany({ where: { residentId }, data: { details: ANONYMISED } });
  await tx.disclosure.updateMany({ where: { residentId }, data: { description: ANONYMISED } });
  await tx.contactRestriction.updateMany({ where: { residentId }, data: blank('scope', 'reason', 'evidence') });
  await tx.serviceRequest.updateMany({ where: { residentId }, data: { description: ANONYMISED } });

  await tx.conversation.updateMany({ where: { id: { in: conversationIds } }, data: { handoffReason: null } });
  await tx.messageMedia.deleteMany({ where: { message: { conversationId: { in: conversationIds } } } });
  await tx.message.updateMany({ where: { conversationId: { in: conversationIds } }, data: { body: ANONYMISED, classification: Prisma.DbNull, deliveryError: null } });
  // A message still waiting for its bot turn would be answered after the words are gone (the
  // turn runner's sweep finds it): there is nothing left to answer, so it counts as handled.
  await tx.message.updateMany({ where: { conversationId: { in: conversationIds }, direction: 'inbound', processedAt: null }, data: { processedAt: now } });
  // Dialog state (botbuilder) is keyed by channel and conversation; it can hold what was said.
  for (const key of [...conversationIds, ...identities.map((i) => i.address)]) {
    await tx.botState.deleteMany({ where: { key: { contains: key } } });
  }

  await tx.complaint.updateMany({ where: { id: { in: complaintIds } }, data: { summary: ANONYMISED } });
  for (const field of ['understanding', 'outcomesSought', 'inResponsibility', 'outOfResponsibility', 'escalationReason', 'reasons'] as const) {
    // Only filled-in fields change, so "defined" and "answered" stay as they were.
    await tx.complaintStage.updateMany({ where: { complaintId: { in: complaintIds }, [field]: { not: null } }, data: { [field]: ANONYMISED } });
  }
  await tx.letter.updateMany({ where: { complaintId: { in: complaintIds } }, data: blank('html', 'text') });
  await tx.remedy.updateMany({ where: { complaintId: { in: complaintIds } }, data: { description: ANONYMISED } });
  await tx.outstandingAction.updateMany({ where: { complaintId: { in: complaintIds } }, data: { description: ANONYMISED } });
  await tx.refusal.updateMany({ where: { complaintId: { in: complaintIds } }, data: { explanation: ANONYMISED } });
  await tx.caseNote.updateMany({ where: { complaintId: { in: complaintIds } }, data: { body: ANONYMISED } });
  await tx.relatedIssue.updateMany({ where: { complaintId: { in: complaintIds } }, data: { description: ANONYMISED } });

  // The audit log is append-only; this transaction alone may redact it (init migration trigger).
  await tx.$executeRawUnsafe(`SELECT set_config('app.audit_redaction', 'on', true)`);
  const entityIds = [residentId, ...identities.map((i) => i.id), ...representatives.map((r) => r.id)];
  const rows = await tx.auditEvent.findMany({
    where: residentAuditWhere({ residentId, complaintIds, conversationIds, entityIds }),
    select: { id: true, before: true, after: true },
  });
  for (const row of rows) {
    await tx.auditEvent.update({
      where: { id: row.id },
      data: {
        before: row.before === null ? undefined : (redactAuditValue(row.before) as Prisma.InputJsonValue),
        after: row.after === null ? undefined : (redactAuditValue(row.after) as Prisma.InputJsonValue),
      },
    });
  }
  await tx.$executeRawUnsafe(`SELECT set_config('app.audit_redaction', 'off', true)`);

  await recordAudit(tx, {
    actor: options.actor,
    action: options.reason === 'retention' ? 'resident.anonymised' : 'resident.erased',
    entityType: 'Resident',
    entityId: residentId,
    residentId,
    after: { reason: options.reason, complaints: complaintIds.length, conversations: conversationIds.length, auditRowsRedacted: rows.length, ...options.details },
    at: now,
  });
}
