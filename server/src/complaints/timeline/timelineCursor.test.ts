import { describe, expect, it } from 'vitest';
import { afterCursor, comparePositions, decodeCursor, encodeCursor, type Position } from './timelineCursor.ts';

const at = new Date('2026-04-01T09:00:00.000Z');

describe('timeline cursors', () => {
  it('round-trip numeric and uuid ids', () => {
    const numeric: Position = { at, source: 'event', id: 12345678901234n };
    const uuid: Position = { at, source: 'letter', id: '0b1c2d3e-0000-4000-8000-00000000000a' };
    expect(decodeCursor(encodeCursor(numeric))).toEqual(numeric);
    expect(decodeCursor(encodeCursor(uuid))).toEqual(uuid);
  });

  it('refuse anything the server did not write', () => {
    for (const bad of ['x', Buffer.from('[1,2]').toString('base64url'), Buffer.from(JSON.stringify([at.toISOString(), 'event', 'abc'])).toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow('before: Use the nextCursor from the previous page of the timeline');
    }
  });

  it('order newest first, then by source and id, and ask each source only for what comes after', () => {
    const later: Position = { at: new Date(at.getTime() + 1), source: 'event', id: 1n };
    const message: Position = { at, source: 'message', id: 9n };
    const event: Position = { at, source: 'event', id: 10n };
    expect([event, message, later].sort(comparePositions)).toEqual([later, message, event]);
    expect(afterCursor(message, 'event', 'occurredAt', 'id')).toEqual({ occurredAt: { lte: at } });
    expect(afterCursor(event, 'message', 'createdAt', 'seq')).toEqual({ createdAt: { lt: at } });
    expect(afterCursor(event, 'event', 'occurredAt', 'id')).toEqual({ OR: [{ occurredAt: { lt: at } }, { occurredAt: at, id: { lt: 10n } }] });
    expect(afterCursor(undefined, 'note', 'createdAt', 'id')).toEqual({});
  });
});
