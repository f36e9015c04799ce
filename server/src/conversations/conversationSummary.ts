// A conversation as staff see it in the queue and the conversation view (a plain DTO, never a
// Prisma row), and the `conversation.updated` event that carries it whenever it changes.
import { Prisma, type SqlQuery } from '@complaints/db';
import type { ServerContext } from '../context.ts';
import { CONVERSATION_UPDATED_EVENT, type TConversationSummary } from '../schemas/index.ts';
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

// What CONVERSATION_SUMMARY_INCLUDE loads, in one statement on the driver: this runs after every
// bot change to a conversation (offers, handoffs), and Prisma would take five queries and compile
// each. Timestamps come back as JSON text, so they are turned into Dates below.
const CONVERSATION_SUMMARY_SQL = `
  SELECT c."id", c."version", c."channel"::text AS "channel", c."state"::text AS "state", c."urgent", c."handoffReason",
    c."handoffRequestedAt", c."claimedAt", c."complaintOfferedAt", c."lastDetectorLabel", c."lastMessageAt", c."createdAt",
    (SELECT json_build_object('id', r."id", 'fullName', r."fullName", 'preferredName', r."preferredName") FROM "Resident" r WHERE r."id" = c."residentId") AS "resident",
    (SELECT json_build_object('id', s."id", 'name', s."name") FROM "StaffUser" s WHERE s."id" = c."claimedById") AS "claimedBy",
    (SELECT json_build_object('optedOutAt', i."optedOutAt") FROM "ChannelIdentity" i WHERE i."id" = c."channelIdentityId") AS "channelIdentity",
    COALESCE((SELECT json_agg(json_build_object('classification', m."classification")) FROM (
      SELECT m."classification" FROM "Message" m
      WHERE m."conversationId" = c."id" AND m."direction" = 'inbound' AND m."classification" IS NOT NULL
      ORDER BY m."seq" DESC LIMIT 1) m), '[]'::json) AS "messages"
  FROM "Conversation" c WHERE c."id" = $1::uuid`;

type SummarySqlRow = Omit<ConversationSummaryRow, 'channelIdentity'> & { channelIdentity: { optedOutAt: string | null } };

/** The summary of one conversation, read on the driver (or a turn's transaction: channels/turnScope.ts). */
export async function loadConversationSummary(sql: SqlQuery, id: string): Promise<TConversationSummary | null> {
  const [row] = await sql<SummarySqlRow>(CONVERSATION_SUMMARY_SQL, [id]);
  if (!row) return null;
  const optedOutAt = row.channelIdentity.optedOutAt;
  return toConversationSummary({ ...row, channelIdentity: { optedOutAt: optedOutAt === null ? null : new Date(optedOutAt) } } as ConversationSummaryRow);
}

/** Tells staff a conversation changed; called after the change has committed. */
export async function publishConversationUpdated(ctx: Pick<ServerContext, 'database' | 'broadcaster'>, id: string): Promise<TConversationSummary | null> {
  const conversation = await loadConversationSummary(ctx.database.query, id);
  if (conversation) ctx.broadcaster.toStaff({ type: CONVERSATION_UPDATED_EVENT, payload: { conversation } });
  return conversation;
}
