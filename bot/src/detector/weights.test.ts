import { describe, expect, it } from 'vitest';
import { CUE_IDS } from './cues.ts';
import { DENSE_NAMES, FEATURE_COUNT, HASH_BITS, HASH_SIZE } from './features.ts';
import { LABELS } from './labels.ts';
import weights from './weights.json' with { type: 'json' };

describe('weights.json', () => {
  it('matches the features the code produces (retrain after changing cues or hashing)', () => {
    expect(weights.featureCount).toBe(FEATURE_COUNT);
    expect(weights.featureCount).toBe(CUE_IDS.length + DENSE_NAMES.length + HASH_SIZE);
    expect(weights.cueIds).toEqual([...CUE_IDS]);
    expect(weights.dense).toEqual([...DENSE_NAMES]);
    expect(weights.hashBits).toBe(HASH_BITS);
    expect(weights.labels).toEqual([...LABELS]);
  });

  it('has one row of per-label weights for every cue and dense feature, and valid hashed rows', () => {
    expect(weights.bias).toHaveLength(LABELS.length);
    expect(weights.weights.cues).toHaveLength(CUE_IDS.length);
    expect(weights.weights.dense).toHaveLength(DENSE_NAMES.length);
    for (const row of [...weights.weights.cues, ...weights.weights.dense]) expect(row).toHaveLength(LABELS.length);
    for (const row of weights.weights.hashed) {
      expect(row).toHaveLength(LABELS.length + 1);
      const bucket = row[0] as number;
      expect(Number.isInteger(bucket) && bucket >= 0 && bucket < HASH_SIZE).toBe(true);
    }
    expect(weights.complaintBias.withCue).toBeGreaterThanOrEqual(0);
    expect(weights.complaintBias.withoutCue).toBeGreaterThanOrEqual(0);
  });
});
