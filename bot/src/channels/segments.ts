// SMS segment arithmetic. A message that fits the GSM 03.38 alphabet is sent as GSM-7 (160
// septets alone, 153 per part once split, because the concatenation header takes 7); anything
// else goes as UCS-2 (70 UTF-16 units alone, 67 per part). Characters from the GSM-7 extension
// table take an escape plus the character, so they count double. Residents pay per part and long
// messages arrive out of order on some handsets, so bot messages aim for at most two parts.
export type SmsEncoding = 'GSM-7' | 'UCS-2';

const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM7_EXTENSION = new Set('^{}\\[~]|€\f');

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

export interface SegmentCount {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

export function smsEncoding(text: string): SmsEncoding {
  for (const char of text) if (!GSM7_BASIC.has(char) && !GSM7_EXTENSION.has(char)) return 'UCS-2';
  return 'GSM-7';
}

/** The cost of each character in the given encoding; characters are never split across parts. */
function unitCosts(text: string, encoding: SmsEncoding): number[] {
  return Array.from(text, (char) => (encoding === 'GSM-7' ? (GSM7_EXTENSION.has(char) ? 2 : 1) : char.length));
}

export function countSegments(text: string): SegmentCount {
  const encoding = smsEncoding(text);
  const costs = unitCosts(text, encoding);
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const { single, part } = LIMITS[encoding];
  if (units <= single) return { encoding, units, segments: units === 0 ? 0 : 1 };
  // Pack greedily: an escape pair or a surrogate pair that does not fit moves to the next part.
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > part) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { encoding, units, segments };
}

export function fitsInSegments(text: string, maxSegments: number): boolean {
  return countSegments(text).segments <= maxSegments;
}

/**
 * Splits text into messages that each satisfy `fits`, preferring sentence ends, then line ends,
 * then spaces; a single word too long for one message is cut by characters as a last resort.
 */
export function splitMessage(text: string, fits: (chunk: string) => boolean): string[] {
  const trimmed = text.trim();
  if (trimmed === '' || fits(trimmed)) return trimmed === '' ? [] : [trimmed];
  const sentences = trimmed.split(/(?<=[.!?…])\s+|\n+/).filter((s) => s.trim() !== '');
  return pack(sentences, ' ', fits, (sentence) => {
    const words = sentence.split(/\s+/).filter((w) => w !== '');
    return pack(words, ' ', fits, (word) => pack(Array.from(word), '', fits, (char) => [char]));
  });
}

function pack(pieces: string[], joiner: string, fits: (chunk: string) => boolean, breakUp: (piece: string) => string[]): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const candidate = current === '' ? piece : current + joiner + piece;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current !== '') chunks.push(current);
    current = '';
    if (fits(piece)) {
      current = piece;
    } else {
      const parts = breakUp(piece);
      // The last part may still take the following pieces.
      chunks.push(...parts.slice(0, -1));
      current = parts.at(-1) ?? '';
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** SMS bodies of at most `maxSegments` parts each (two by default). */
export function splitForSms(text: string, maxSegments = 2): string[] {
  return splitMessage(text, (chunk) => fitsInSegments(chunk, maxSegments));
}
