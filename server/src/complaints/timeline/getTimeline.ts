// 5.12: a full record in one place. Messages on every channel from the case's conversation and
// the resident's other conversations since the complaint was received, the letters as issued, the
// case notes, and the audit log as sentences (caseEventSummary.ts) — the case's own, and the
// resident opting out of (or back in to) a channel in those conversations. Paged newest first.
import type { Prisma } from '@complaints/db';
import type { ServerContext } from '../../context.ts';
import { CONVERSATION_MESSAGE_SELECT, toConversationMessage } from '../../conversations/messageEvents.ts';
import { AppError, AppErrorCode } from '../../http/appError.ts';
import type { TTimeline, TTimelineItem, TTimelineQuery } from '../../schemas/index.ts';
import { CASE_NOTE_AUDIT_ACTION } from '../staleVersion.ts';
import { describeCaseEvent } from './caseEventSummary.ts';
import { afterCursor, comparePositions, decodeCursor, encodeCursor, type Position } from './timelineCursor.ts';

// Letters and notes are items of their own; their audit rows would only repeat them.
const SHOWN_AS_ITEMS = ['letter.issued', CASE_NOTE_AUDIT_ACTION];
// Not about the case but about reaching the resident, from the conversations the timeline shows.
const CHANNEL_EVENTS = ['channel_identity.opted_out', 'channel_identity.opted_in'];

const actorName = (row: { actorType: string; actorStaff: { name: string } | null }) =>
  row.actorStaff?.name ?? (row.actorType === 'staff' ? 'A former member of staff' : row.actorType === 'bot' ? 'The bot' : row.actorType === 'resident' ? 'The resident' : 'The system');

type Positioned = { position: Position; item: TTimelineItem };

export async function getTimeline(ctx: ServerContext, options: { complaintId: string } & TTimelineQuery): Promise<TTimeline> {
  const db = ctx.prisma;
  const complaint = await db.complaint.findUnique({
    where: { id: options.complaintId },
    select: { id: true, residentId: true, conversationId: true, receivedAt: true },
  });
  if (!complaint) throw new AppError(AppErrorCode.NotFound, 'There is no complaint with that id.');
  const cursor = options.before ? decodeCursor(options.before) : undefined;
  const take = options.limit + 1;

  const others = await db.conversation.findMany({ where: { residentId: complaint.residentId }, select: { id: true } });
  const otherIds = others.map((c) => c.id).filter((id) => id !== complaint.conversationId);
  const conversationIds = [...(complaint.conversationId ? [complaint.conversationId] : []), ...otherIds];
  // The case's own conversation in full (it holds the complaint as made); the resident's other
  // conversations from the day the complaint was received.
  const messageScope: Prisma.MessageWhereInput = {
    OR: [
      ...(complaint.conversationId ? [{ conversationId: complaint.conversationId }] : []),
      { conversationId: { in: otherIds }, createdAt: { gte: complaint.receivedAt } },
    ],
  };

  const messages = await db.message.findMany({
    where: { AND: [messageScope, afterCursor(cursor, 'message', 'createdAt', 'seq')] },
    orderBy: [{ createdAt: 'desc' }, { seq: 'desc' }],
    take,
    select: CONVERSATION_MESSAGE_SELECT,
  });
  const letters = await db.letter.findMany({
    where: { complaintId: complaint.id, ...afterCursor(cursor, 'letter', 'createdAt', 'id') },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, kind: true, stage: true, largePrint: true, language: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  const notes = await db.caseNote.findMany({
    where: { complaintId: complaint.id, ...afterCursor(cursor, 'note', 'createdAt', 'id') },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
  });
  const events = await db.auditEvent.findMany({
    where: {
      AND: [
        {
          OR: [
            { complaintId: complaint.id, action: { notIn: SHOWN_AS_ITEMS } },
            ...(complaint.conversationId ? [{ conversationId: complaint.conversationId, action: { in: CHANNEL_EVENTS } }] : []),
            { conversationId: { in: otherIds }, action: { in: CHANNEL_EVENTS }, occurredAt: { gte: complaint.receivedAt } },
          ],
        },
        afterCursor(cursor, 'event', 'occurredAt', 'id'),
      ],
    },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, occurredAt: true, action: true, entityId: true, actorType: true, before: true, after: true, actorStaff: { select: { name: true } } },
  });
  const lookup = await summaryLookup(ctx, complaint.id, events);

  const merged: Positioned[] = [
    ...messages.map((m): Positioned => ({
      position: { at: m.createdAt, source: 'message', id: m.seq },
      item: { type: 'message', key: `message:${m.id}`, at: m.createdAt.toISOString(), message: toConversationMessage(m) },
    })),
    ...letters.map((l): Positioned => ({
      position: { at: l.createdAt, source: 'letter', id: l.id },
      item: {
        type: 'letter',
        key: `letter:${l.id}`,
        at: l.createdAt.toISOString(),
        letter: {
          id: l.id, kind: l.kind, stage: l.stage, largePrint: l.largePrint, language: l.language, createdAt: l.createdAt.toISOString(),
          createdBy: l.createdBy?.name ?? null, url: `/api/complaints/${complaint.id}/letters/${l.id}`,
        },
      },
    })),
    ...notes.map((n): Positioned => ({ position: { at: n.createdAt, source: 'note', id: n.id }, item: toNoteItem(n) })),
    ...events.map((e): Positioned => ({
      position: { at: e.occurredAt, source: 'event', id: e.id },
      item: {
        type: 'event',
        key: `event:${e.id}`,
        at: e.occurredAt.toISOString(),
        event: { action: e.action, actor: actorName(e), ...describeCaseEvent(e, lookup) },
      },
    })),
  ].sort((a, b) => comparePositions(a.position, b.position));

  const page = merged.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map((p) => p.item),
    nextCursor: merged.length > options.limit && last ? encodeCursor(last.position) : null,
    conversationIds,
  };
}

export function toNoteItem(note: { id: string; body: string; createdAt: Date; author: { name: string } }): TTimelineItem {
  return { type: 'note', key: `note:${note.id}`, at: note.createdAt.toISOString(), note: { id: note.id, body: note.body, author: note.author.name } };
}

/** Names for the ids the summaries mention, read once per page. */
async function summaryLookup(ctx: ServerContext, complaintId: string, events: { after: unknown; before: unknown }[]) {
  const ids = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value)) ids.add(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  events.forEach((e) => {
    collect(e.before);
    collect(e.after);
  });
  const staff = await ctx.prisma.staffUser.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  const categories = await ctx.prisma.category.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  const remedies = await ctx.prisma.remedy.findMany({ where: { complaintId }, select: { id: true, description: true } });
  const actions = await ctx.prisma.outstandingAction.findMany({ where: { complaintId }, select: { id: true, description: true } });
  const staffNames = new Map(staff.map((s) => [s.id, s.name]));
  const categoryNames = new Map(categories.map((c) => [c.id, c.name]));
  const items = new Map([...remedies, ...actions].map((i) => [i.id, i.description]));
  return {
    staffName: (id: string) => staffNames.get(id),
    categoryName: (id: string) => categoryNames.get(id),
    itemDescription: (id: string) => items.get(id),
  };
}
