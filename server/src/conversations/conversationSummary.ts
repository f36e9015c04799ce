// A conversation as staff see it in the queue and the conversation view (a plain DTO, never a
// Prisma row), and the `conversation.updated` event that carries it whenever it changes.
import { Prisma, type PrismaClient } from '@complaints/db';
import type { ServerContext } from '../context.ts';
import { CONVERSATION_UPDATED_EVENT, type TConversationSummary } from '../schemas/index.ts';
import type { Db } from '../complaints/caseRow.ts';
import { triageQueueOf, waitingSince } from './triageRules.ts';

/** The relations toConversationSummary reads; include these when loading conversations. */
export const CONVERSATION_SUMMARY_INCLUDE = {
  resident: { select: { id: true, fullName: true, preferredName: true } },
  claimedBy: { select: { id: true, name: true } },
  channelIdentity: { select: { optedOutAt: true } },
  // The latest verdict the detector gave on something the resident said.
  messages: {
    where: { direction: 'inbound', classification: { not: Prisma.DbNull } },
    orderBy: { seq: 'desc' },
    take: 1,
    select: { classification: true },
  },
} satisfies Prisma.ConversationInclude;

export type ConversationSummaryRow = Prisma.ConversationGetPayload<{ include: typeof CONVERSATION_SUMMARY_INCLUDE }>;

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function residentName(resident: { fullName: string | null; preferredName: string | null }): string | null {
  return resident.preferredName ?? resident.fullName;
}

function detectorVerdict(row: ConversationSummaryRow): TConversationSummary['detector'] {
  const stored = row.messages[0]?.classification as { label?: unknown; confidence?: unknown; reasons?: unknown } | undefined;
  if (stored && typeof stored.label === 'string') {
    return {
      label: stored.label,
      confidence: typeof stored.confidence === 'number' ? stored.confidence : null,
      reasons: Array.isArray(stored.reasons) ? stored.reasons.filter((r): r is string => typeof r === 'string') : [],
    };
  }
  return row.lastDetectorLabel ? { label: row.lastDetectorLabel, confidence: null, reasons: [] } : null;
}

export function toConversationSummary(row: ConversationSummaryRow): TConversationSummary {
  return {
    id: row.id,
    version: row.version,
    channel: row.channel,
    state: row.state,
    queue: triageQueueOf(row),
    urgent: row.urgent,
    handoffReason: row.handoffReason,
    handoffRequestedAt: iso(row.handoffRequestedAt),
    complaintOfferedAt: iso(row.complaintOfferedAt),
    waitingSince: waitingSince(row).toISOString(),
    detector: detectorVerdict(row),
    resident: row.resident && { id: row.resident.id, name: residentName(row.resident) },
    claimedBy: row.claimedBy,
    claimedAt: iso(row.claimedAt),
    lastMessageAt: iso(row.lastMessageAt),
    optedOut: row.channelIdentity.optedOutAt !== null,
  };
}

export async function loadConversationSummary(db: Db | PrismaClient, id: string): Promise<TConversationSummary | null> {
  const row = await db.conversation.findUnique({ where: { id }, include: CONVERSATION_SUMMARY_INCLUDE });
  return row && toConversationSummary(row);
}

/** Tells staff a conversation changed; called after the change has committed. */
export async function publishConversationUpdated(ctx: Pick<ServerContext, 'prisma' | 'broadcaster'>, id: string): Promise<TConversationSummary | null> {
  const conversation = await loadConversationSummary(ctx.prisma, id);
  if (conversation) ctx.broadcaster.toStaff({ type: CONVERSATION_UPDATED_EVENT, payload: { conversation } });
  return conversation;
}
