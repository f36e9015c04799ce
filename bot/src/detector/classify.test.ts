import { describe, expect, it } from 'vitest';
import { classify, LABELS } from './index.ts';

const MUST_COMPLAIN = [
  'still waiting for the third time',
  'great, another week without heating',
  'this is a joke, nobody came AGAIN',
  "my mum's been without hot water for 3 weeks and no one has called back",
  'not happy with the repair',
  'the operative was rude and left a mess',
  'thanks for fixing the door but the window is still broken after 2 months',
  'brilliant service… not',
  'thanks for nothing',
  'I want to make a complaint',
  'sooooo fed up with u lot, 3rd time no1 has turned up',
  'I reported the leak 6 weeks ago and nobody has been out',
  "I'm writing on behalf of my mum, she has had no heating since October and nobody has called back",
  'the damp is back AGAIN 😡',
  'You closed my repair as complete but nobody came',
  "I'm going to the ombudsman",
];

const MUST_NOT_COMPLAIN: Array<[string, readonly string[]]> = [
  ['my boiler is broken, please fix it', ['service_request']],
  ['can I pay my rent by card', ['other', 'service_request']],
  ['thank you the plumber was brilliant', ['compliment']],
  ['hi', ['other']],
  ['ok', ['other']],
  ['yes', ['other']],
  ['STOP', ['other']],
  ['pls can u send sum1 2 fix my shower', ['service_request']],
  ["What's my rent balance?", ['other', 'service_request']],
  ['Thank you so much for sorting the heating so quickly 😊', ['compliment']],
];

describe('classify', () => {
  it.each(MUST_COMPLAIN)('complaint: %s', (text) => {
    const r = classify(text);
    expect(r.label, JSON.stringify(r)).toBe('complaint');
  });

  it.each(MUST_NOT_COMPLAIN)('not a complaint: %s', (text, allowed) => {
    const r = classify(text);
    expect(allowed, JSON.stringify(r)).toContain(r.label);
  });

  it('explains itself with the cues that fired', () => {
    const r = classify('still waiting for the third time');
    expect(r.reasons.some((x) => x.startsWith('persistence'))).toBe(true);
    expect(r.reasons.some((x) => x.includes('third time'))).toBe(true);
  });

  it('a plain service request is not flagged by negative words alone', () => {
    const r = classify('my boiler is broken, please fix it');
    expect(r.reasons.some((x) => x.startsWith('asks for something'))).toBe(true);
  });

  it('returns a label, a confidence in 0..1 and at least one reason for any input', () => {
    for (const text of ['', '   ', '?', '😡', 'a'.repeat(10_000), 'still '.repeat(2000), '\u0000\uffff', 'HELLO!!!!!']) {
      const r = classify(text);
      expect(LABELS).toContain(r.label);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      expect(r.reasons.length).toBeGreaterThan(0);
    }
  });

  it('is deterministic and does not leak state between calls', () => {
    const first = classify('the engineer never turned up again');
    classify('thank you so much, brilliant job');
    classify('x '.repeat(5000));
    expect(classify('the engineer never turned up again')).toEqual(first);
  });
});
