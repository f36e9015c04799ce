import { describe, expect, it } from 'vitest';
import { lastSeq, mergeMessages, newClientId, restoreOutbox, type StoredMessage } from './conversation.ts';

const message = (seq: number, author: StoredMessage['author'] = 'bot'): StoredMessage => ({ seq, author, text: `message ${seq}`, createdAt: '2026-03-02T10:00:00.000Z' });

describe('mergeMessages', () => {
  it('orders by seq and keeps each message once, whichever way it arrived', () => {
    const live = mergeMessages([], [message(5), message(3, 'resident')]);
    expect(live.log.map((m) => m.seq)).toEqual([3, 5]);
    // A replay after a reconnect repeats what the page already has and fills the gap.
    const replayed = mergeMessages(live.log, [message(3, 'resident'), message(4), message(5), message(6)]);
    expect(replayed.log.map((m) => m.seq)).toEqual([3, 4, 5, 6]);
    expect(replayed.added.map((m) => m.seq)).toEqual([4, 6]);
    expect(lastSeq(replayed.log)).toBe(6);
  });

  it('returns the same log when nothing is new', () => {
    const { log } = mergeMessages([], [message(1)]);
    expect(mergeMessages(log, [message(1)]).log).toBe(log);
    expect(lastSeq([])).toBe(0);
  });
});

describe('restoreOutbox', () => {
  it('keeps well-formed messages, resends one whose sending was cut short, keeps a refusal', () => {
    const restored = restoreOutbox([
      { clientId: 'a', text: 'one', createdAt: 'x', state: 'sending' },
      { clientId: 'b', text: 'two', createdAt: 'x', state: 'failed', error: 'Too long' },
      { clientId: 'c', text: 3, createdAt: 'x', state: 'waiting' },
      null,
    ]);
    expect(restored).toEqual([
      { clientId: 'a', text: 'one', createdAt: 'x', state: 'waiting' },
      { clientId: 'b', text: 'two', createdAt: 'x', state: 'failed', error: 'Too long' },
    ]);
    expect(restoreOutbox({ not: 'a list' })).toEqual([]);
  });
});

describe('newClientId', () => {
  it('makes version 4 UUIDs the server accepts, without crypto.randomUUID', () => {
    expect(newClientId((bytes) => bytes.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(newClientId((bytes) => bytes.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
    expect(newClientId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
