import { describe, expect, it } from 'vitest';
import { countSegments, fitsInSegments, smsEncoding, splitForSms } from './segments.ts';

describe('SMS encoding and segments', () => {
  it('counts plain GSM-7 text: 160 in one part, 153 per part after that', () => {
    expect(countSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments('a'.repeat(161)).segments).toBe(2);
    expect(countSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension-table characters double', () => {
    for (const char of ['€', '[', ']', '{', '}', '~', '|', '^', '\\']) {
      expect(smsEncoding(char)).toBe('GSM-7');
      expect(countSegments(char).units).toBe(2);
    }
    expect(countSegments('€'.repeat(80)).segments).toBe(1);
    expect(countSegments('€'.repeat(81)).segments).toBe(2);
  });

  it('never splits an escape pair across parts', () => {
    // 152 plain characters then a euro sign: the pair starts part two.
    const text = 'a'.repeat(152) + '€' + 'a'.repeat(10);
    expect(countSegments(text)).toMatchObject({ units: 164, segments: 2 });
    expect(countSegments('a'.repeat(152) + '€'.repeat(77)).segments).toBe(3);
  });

  it('treats £ and accented GSM letters as GSM-7, but emoji and curly quotes as UCS-2', () => {
    expect(smsEncoding('Rent £5 é à ñ')).toBe('GSM-7');
    expect(smsEncoding('It’s damp')).toBe('UCS-2');
    expect(countSegments('😀').units).toBe(2);
    expect(countSegments('ü'.repeat(160) + 'ł').encoding).toBe('UCS-2');
  });

  it('counts UCS-2: 70 in one part, 67 per part after that', () => {
    expect(countSegments('ł'.repeat(70)).segments).toBe(1);
    expect(countSegments('ł'.repeat(71)).segments).toBe(2);
    expect(countSegments('ł'.repeat(134)).segments).toBe(2);
    expect(countSegments('ł'.repeat(135)).segments).toBe(3);
  });
});

describe('splitForSms', () => {
  const sentence = (n: number) => `This is sentence number ${n} about the damp in the back bedroom.`;

  it('leaves a message that fits in two parts alone', () => {
    const text = [1, 2, 3, 4].map(sentence).join(' ');
    expect(fitsInSegments(text, 2)).toBe(true);
    expect(splitForSms(text)).toEqual([text]);
  });

  it('splits long text at sentence ends, every part within two segments', () => {
    const sentences = Array.from({ length: 12 }, (_, i) => sentence(i + 1));
    const parts = splitForSms(sentences.join(' '));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(countSegments(part).segments).toBeLessThanOrEqual(2);
      expect(part).toMatch(/\.$/);
    }
    expect(parts.join(' ')).toBe(sentences.join(' '));
  });

  it('falls back to word boundaries for one very long sentence', () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`);
    const parts = splitForSms(words.join(' '));
    for (const part of parts) expect(countSegments(part).segments).toBeLessThanOrEqual(2);
    expect(parts.join(' ')).toBe(words.join(' '));
  });

  it('cuts a word longer than two segments by characters as a last resort', () => {
    const parts = splitForSms('x'.repeat(700));
    expect(parts.map((p) => p.length)).toEqual([306, 306, 88]);
  });

  it('sizes UCS-2 parts by UCS-2 limits', () => {
    const text = Array.from({ length: 10 }, (_, i) => `Zdanie ${i} o wilgoci w łazience.`).join(' ');
    const parts = splitForSms(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(countSegments(part)).toMatchObject({ encoding: 'UCS-2', segments: expect.any(Number) });
    for (const part of parts) expect(countSegments(part).segments).toBeLessThanOrEqual(2);
  });

  it('returns nothing for empty text', () => {
    expect(splitForSms('   ')).toEqual([]);
  });
});
