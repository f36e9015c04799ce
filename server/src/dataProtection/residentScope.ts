// Which records are "about" a resident, for subject access and anonymisation alike, so an export
// never leaves out what an erasure would change (or the other way round). A conversation belongs
// to the resident when it is linked to them, or when one of their complaints came from it (a web
// chat or a number never linked to a resident record can still carry their complaint).
import type { Prisma } from '@complaints/db';

export function residentConversationsWhere(residentId: string, complaints: readonly { conversationId: string | null }[]): Prisma.ConversationWhereInput {
  const linked = complaints.flatMap((c) => (c.conversationId ? [c.conversationId] : []));
  return { OR: [{ residentId }, { id: { in: linked } }] };
}

export interface ResidentAuditScope {
  residentId: string;
  complaintIds: readonly string[];
  conversationIds: readonly string[];
  /** The resident's own id, their channel identities and representatives. */
  entityIds: readonly string[];
}

export function residentAuditWhere(scope: ResidentAuditScope): Prisma.AuditEventWhereInput {
  return {
    OR: [
      { residentId: scope.residentId },
      { complaintId: { in: [...scope.complaintIds] } },
      { conversationId: { in: [...scope.conversationIds] } },
      { entityId: { in: [...scope.entityIds] } },
    ],
  };
}
