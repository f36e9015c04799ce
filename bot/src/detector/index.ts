// The dissatisfaction detector: classifies a resident's message as a complaint, a service
// request, a compliment or something else, with a confidence and the cues that fired, so the
// bot can offer to log a complaint (Code 1.2–1.5) and staff can see why it did.

import { CUE_IDS } from './cues.ts';
import { DENSE_NAMES, encode } from './features.ts';
import { LABELS, type Label } from './labels.ts';
import { decide, K, logits, modelFromWeights, type WeightsFile } from './model.ts';
import weights from './weights.json' with { type: 'json' };

export type { Label } from './labels.ts';
export { LABELS } from './labels.ts';

export interface Classification {
  label: Label;
  confidence: number;
  reasons: string[];
}

const model = modelFromWeights(weights as WeightsFile, CUE_IDS.length, DENSE_NAMES.length);
const scratch = new Float64Array(K);

export function classify(text: string): Classification {
  if (text.trim() === '') return { label: 'other', confidence: 1, reasons: ['empty message'] };
  const e = encode(text);
  logits(model, e, scratch);
  const d = decide(scratch, model.complaintBias, e);
  const reasons = e.reasons;
  if (d.byRule) reasons.unshift('asked to make a complaint');
  if (reasons.length === 0) reasons.push('no specific cue: decided by the word model');
  return { label: LABELS[d.label] as Label, confidence: Math.round(d.confidence * 1000) / 1000, reasons };
}
