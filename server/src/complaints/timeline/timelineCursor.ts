// Keyset paging over four tables at once (messages, letters, notes, audit events), newest first.
// An item's position is (time, source rank, id); a page asks every source for the items after
// the cursor in that order, so items that share a timestamp (an operation writes its audit row and
// its letter at the same instant) are never skipped or repeated across pages.
import { AppError, AppErrorCode } from '../../http/appError.ts';

export const SOURCES = ['event', 'letter', 'note', 'message'] as const;
export type Source = (typeof SOURCES)[number];

export interface Position {
  at: Date;
  source: Source;
  /** bigint for messages (seq) and audit events (id); uuid text for letters and notes. */
  id: bigint | string;
}

const rank = (source: Source) => SOURCES.indexOf(source);

/** Newest first: later time, then higher source rank, then higher id. */
export function comparePositions(a: Position, b: Position): number {
  if (a.at.getTime() !== b.at.getTime()) return b.at.getTime() - a.at.getTime();
  if (a.source !== b.source) return rank(b.source) - rank(a.source);
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

export function encodeCursor(p: Position): string {
  return Buffer.from(JSON.stringify([p.at.toISOString(), p.source, String(p.id)])).toString('base64url');
}

const invalid = () => new AppError(AppErrorCode.InvalidRequest, 'before: Use the nextCursor from the previous page of the timeline');

export function decodeCursor(value: string): Position {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid();
  const [at, source, id] = parsed as unknown[];
  const date = new Date(String(at));
  if (Number.isNaN(date.getTime()) || !(SOURCES as readonly unknown[]).includes(source) || typeof id !== 'string') throw invalid();
  const numeric = source === 'event' || source === 'message';
  if (numeric && !/^\d{1,20}$/.test(id)) throw invalid();
  if (!numeric && !/^[0-9a-f-]{36}$/.test(id)) throw invalid();
  return { at: date, source: source as Source, id: numeric ? BigInt(id) : id };
}

/**
 * The Prisma condition "after the cursor" for one source, given its time and id columns:
 * a lower-ranked source may share the cursor's instant, a higher-ranked one may not.
 */
export function afterCursor(cursor: Position | undefined, source: Source, timeField: string, idField: string): Record<string, unknown> {
  if (!cursor) return {};
  if (rank(source) < rank(cursor.source)) return { [timeField]: { lte: cursor.at } };
  if (rank(source) > rank(cursor.source)) return { [timeField]: { lt: cursor.at } };
  return { OR: [{ [timeField]: { lt: cursor.at } }, { [timeField]: cursor.at, [idField]: { lt: cursor.id } }] };
}
