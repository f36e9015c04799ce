// Turns a message into the sparse feature vector the softmax model reads: one binary feature
// per named cue, a few dense shape features, and hashed word unigrams and bigrams. Hashing
// keeps the vocabulary open (new spellings cost nothing) and the weights file a fixed size.
// encode() writes into module-level buffers that are reused by the next call, so a caller must
// finish with one Encoded before encoding again; the classifier and the trainer both do.

import { CUES, CUE_IDS, DISSATISFACTION_MASK, EXPLICIT_COMPLAINT_RE } from './cues.ts';
import { LEXICON } from './lexicon.ts';
import { normalise, type Normalised } from './normalise.ts';

export const HASH_BITS = 14;
export const HASH_SIZE = 1 << HASH_BITS;
const HASH_MASK = HASH_SIZE - 1;

export const DENSE_NAMES = ['lexicon_positive', 'lexicon_negative', 'question', 'very_short', 'long'] as const;

export const CUE_OFFSET = 0;
export const DENSE_OFFSET = CUE_OFFSET + CUES.length;
export const HASH_OFFSET = DENSE_OFFSET + DENSE_NAMES.length;
export const FEATURE_COUNT = HASH_OFFSET + HASH_SIZE;
export { CUE_IDS };

export interface Encoded {
  normalised: Normalised;
  /** Reasons from the cues that fired, in cue order. */
  reasons: string[];
  /** The resident asked in so many words to complain. */
  explicitComplaint: boolean;
  /** At least one dissatisfaction cue fired (gates the complaint bias). */
  dissatisfied: boolean;
  /** Number of valid entries in indices/values (shared buffers, see above). */
  size: number;
  indices: Int32Array;
  values: Float64Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const START_HASH = 0x5bd1e995;

export function fnv1a(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

function bigramBucket(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= h >>> 13;
  return (h >>> 0) & HASH_MASK;
}

const LEXICON_BY_HASH = new Map<number, number>();
for (const [word, score] of LEXICON) LEXICON_BY_HASH.set(fnv1a(word), score);

let indices = new Int32Array(512);
let values = new Float64Array(512);
let size = 0;

function push(index: number, value: number): void {
  if (size === indices.length) {
    const grownI = new Int32Array(indices.length * 2);
    grownI.set(indices);
    indices = grownI;
    const grownV = new Float64Array(values.length * 2);
    grownV.set(values);
    values = grownV;
  }
  indices[size] = index;
  values[size] = value;
  size++;
}

function isTokenChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39 || c === 58;
}

export function encode(text: string): Encoded {
  const n = normalise(text);
  size = 0;
  const reasons: string[] = [];
  let dissatisfied = false;
  for (let i = 0; i < CUES.length; i++) {
    const reason = (CUES[i] as (typeof CUES)[number]).detect(n);
    if (reason !== null) {
      reasons.push(reason);
      push(CUE_OFFSET + i, 1);
      if (DISSATISFACTION_MASK[i] === true) dissatisfied = true;
    }
  }

  // Tokens are hashed straight from the string's char codes, so no substrings are created.
  const t = n.text;
  let tokens = 0;
  let positive = 0;
  let negative = 0;
  let prev = START_HASH;
  let h = FNV_OFFSET;
  let inToken = false;
  for (let i = 0; i <= t.length; i++) {
    const c = i < t.length ? t.charCodeAt(i) : 32;
    if (isTokenChar(c)) {
      h = Math.imul(h ^ c, FNV_PRIME);
      inToken = true;
      continue;
    }
    if (!inToken) continue;
    const word = h >>> 0;
    push(HASH_OFFSET + (word & HASH_MASK), 1);
    push(HASH_OFFSET + bigramBucket(prev, word), 1);
    const score = LEXICON_BY_HASH.get(word);
    if (score !== undefined) {
      if (score > 0) positive += score;
      else negative -= score;
    }
    prev = word;
    tokens++;
    h = FNV_OFFSET;
    inToken = false;
  }

  if (positive > 0) push(DENSE_OFFSET, Math.min(positive, 6) / 6);
  if (negative > 0) push(DENSE_OFFSET + 1, Math.min(negative, 6) / 6);
  if (n.questions > 0) push(DENSE_OFFSET + 2, 1);
  if (tokens <= 2) push(DENSE_OFFSET + 3, 1);
  if (tokens >= 25) push(DENSE_OFFSET + 4, 1);

  return {
    normalised: n,
    reasons,
    explicitComplaint: EXPLICIT_COMPLAINT_RE.test(t),
    dissatisfied,
    size,
    indices,
    values,
  };
}
