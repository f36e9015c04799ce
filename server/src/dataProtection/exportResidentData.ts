// UK GDPR Article 15 (subject access): everything held about a resident, as one JSON document,
// for an administrator to send on. The export itself is audited.
import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import { residentAuditWhere, residentConversationsWhere } from './residentScope.ts';

export interface ResidentExport {
  exportedAt: string;
  resident: Record<string, unknown>;
  auditEvents: Record<string, unknown>[];
}

export async function exportResidentData(ctx: Pick<ServerContext, 'prisma' | 'now'>, options: { residentId: string; actorId: string }): Promise<ResidentExport> {
  const now = ctx.now();
  return ctx.prisma.$transaction(async (tx) => {
    const resident = await tx.resident.findUnique({
      where: { id: options.residentId },
      include: {
        identities: true,
        representatives: true,
        adjustments: true,
        disclosures: true,
        restrictions: true,
        serviceRequests: true,
        complaints: {
          include: {
            stages: true,
            extensions: true,
            letters: { orderBy: { createdAt: 'asc' } },
            remedies: true,
            actions: true,
            refusal: true,
            notes: { orderBy: { createdAt: 'asc' } },
            learningNotes: true,
            relatedIssues: true,
            category: { select: { name: true } },
          },
        },
      },
    });
    if (!resident) throw new AppError(AppErrorCode.NotFound, 'There is no resident with that id.');
    // The same conversations anonymisation reaches: the resident's own and those their
    // complaints came from, with the number or web chat session each was held on.
    const found = await tx.conversation.findMany({
      where: residentConversationsWhere(resident.id, resident.complaints),
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      include: { channelIdentity: { select: { id: true, channel: true, address: true, residentId: true } }, messages: { orderBy: { seq: 'asc' }, include: { media: true } } },
    });
    // A number linked to another resident (someone who wrote for them) is that person's data.
    const theirs = (identity: { residentId: string | null }) => identity.residentId === null || identity.residentId === resident.id;
    const conversations = found.map(({ channelIdentity, ...conversation }) => ({
      ...conversation,
      channelIdentity: { channel: channelIdentity.channel, address: theirs(channelIdentity) ? channelIdentity.address : null },
    }));
    const identityIds = new Set([...resident.identities.map((i) => i.id), ...found.flatMap((c) => (theirs(c.channelIdentity) ? [c.channelIdentity.id] : []))]);
    const complaintIds = resident.complaints.map((c) => c.id);
    const auditEvents = await tx.auditEvent.findMany({
      where: residentAuditWhere({
        residentId: resident.id,
        complaintIds,
        conversationIds: conversations.map((c) => c.id),
        entityIds: [resident.id, ...identityIds, ...resident.representatives.map((r) => r.id)],
      }),
      orderBy: { id: 'asc' },
      select: { occurredAt: true, actorType: true, action: true, entityType: true, entityId: true, complaintId: true, conversationId: true, before: true, after: true },
    });
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: options.actorId },
      action: 'resident.subject_access_exported',
      entityType: 'Resident',
      entityId: resident.id,
      residentId: resident.id,
      after: { complaints: complaintIds.length, conversations: conversations.length },
      at: now,
    });
    // BigInt message sequence numbers are not JSON; they are positions, so strings do.
    const plain = JSON.parse(JSON.stringify({ resident: { ...resident, conversations }, auditEvents }, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)));
    return { exportedAt: now.toISOString(), ...plain };
  });
}
