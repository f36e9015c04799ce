// The trained multinomial logistic regression (softmax) and the decision rule on top of it.
// Weights come from weights.json, written by scripts/train.ts; they are expanded once, at
// module load, into a feature-major Float64Array so scoring a message is one pass over its
// sparse features.

import { FEATURE_COUNT, type Encoded } from './features.ts';
import { COMPLAINT, LABELS } from './labels.ts';

export const K = LABELS.length;

/** Shape of weights.json. */
export interface WeightsFile {
  format: 1;
  labels: string[];
  cueIds: string[];
  dense: string[];
  hashBits: number;
  featureCount: number;
  bias: number[];
  /**
   * Added to the complaint logit before the argmax: a prior shift toward complaint, chosen by
   * cross-validation on the training split, because a missed complaint costs the resident the
   * choice the Code requires while a false one costs a "no thanks". The shift is larger when a
   * dissatisfaction cue fired than when none did, so "next week works for me" is not tipped.
   */
  complaintBias: ComplaintBias;
  weights: {
    cues: number[][];
    dense: number[][];
    /** Sparse: [bucket, w_complaint, w_service_request, w_compliment, w_other]. */
    hashed: number[][];
  };
  training: Record<string, unknown>;
}

export interface ComplaintBias {
  withCue: number;
  withoutCue: number;
}

export interface Model {
  w: Float64Array;
  bias: Float64Array;
  complaintBias: ComplaintBias;
}

export function modelFromWeights(file: WeightsFile, cueCount: number, denseCount: number): Model {
  if (file.featureCount !== FEATURE_COUNT) {
    throw new Error(`weights.json has ${file.featureCount} features, the code expects ${FEATURE_COUNT}: retrain`);
  }
  const w = new Float64Array(FEATURE_COUNT * K);
  const put = (feature: number, row: ArrayLike<number>, from: number) => {
    for (let k = 0; k < K; k++) w[feature * K + k] = row[from + k] ?? 0;
  };
  file.weights.cues.forEach((row, i) => put(i, row, 0));
  file.weights.dense.forEach((row, i) => put(cueCount + i, row, 0));
  for (const row of file.weights.hashed) put(cueCount + denseCount + (row[0] ?? 0), row, 1);
  return { w, bias: Float64Array.from(file.bias), complaintBias: file.complaintBias };
}

/** Raw logits (no complaint bias) into out. */
export function logits(model: Model, e: Pick<Encoded, 'size' | 'indices' | 'values'>, out: Float64Array): void {
  for (let k = 0; k < K; k++) out[k] = model.bias[k] ?? 0;
  const { w } = model;
  for (let j = 0; j < e.size; j++) {
    const base = (e.indices[j] as number) * K;
    const v = e.values[j] as number;
    for (let k = 0; k < K; k++) out[k] = (out[k] as number) + (w[base + k] as number) * v;
  }
}

/** Softmax in place. */
export function softmax(z: Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) if ((z[k] as number) > max) max = z[k] as number;
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    const e = Math.exp((z[k] as number) - max);
    z[k] = e;
    sum += e;
  }
  for (let k = 0; k < z.length; k++) z[k] = (z[k] as number) / sum;
}

export interface Decision {
  label: number;
  confidence: number;
  /** The explicit-complaint rule decided, not the model. */
  byRule: boolean;
}

/**
 * Shifts the complaint logit, takes the argmax and reports the shifted posterior of the
 * winner as the confidence. z is overwritten with the probabilities.
 */
export function decide(
  z: Float64Array,
  complaintBias: ComplaintBias,
  e: Pick<Encoded, 'explicitComplaint' | 'dissatisfied'>,
): Decision {
  const explicitComplaint = e.explicitComplaint;
  z[COMPLAINT] = (z[COMPLAINT] as number) + (e.dissatisfied ? complaintBias.withCue : complaintBias.withoutCue);
  softmax(z);
  let best = 0;
  for (let k = 1; k < z.length; k++) if ((z[k] as number) > (z[best] as number)) best = k;
  if (explicitComplaint && best !== COMPLAINT) {
    // Someone who says they want to complain is always offered the choice (Code 1.3).
    return { label: COMPLAINT, confidence: Math.max(z[COMPLAINT] as number, 0.9), byRule: true };
  }
  return { label: best, confidence: z[best] as number, byRule: false };
}
