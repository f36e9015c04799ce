// Evaluation shared by the training script and the regression test on the frozen split.

import { COMPLAINT, LABELS, type Label } from './labels.ts';

export interface Metrics {
  n: number;
  accuracy: number;
  complaintRecall: number;
  complaintPrecision: number;
  macroF1: number;
  perLabel: Record<Label, { precision: number; recall: number; f1: number; support: number }>;
  /** confusion[actual][predicted], in LABELS order. */
  confusion: number[][];
}

export function evaluate(actual: readonly number[], predicted: readonly number[]): Metrics {
  const K = LABELS.length;
  const confusion = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  for (let i = 0; i < actual.length; i++) {
    const row = confusion[actual[i] as number] as number[];
    row[predicted[i] as number] = (row[predicted[i] as number] as number) + 1;
  }
  const perLabel = {} as Metrics['perLabel'];
  let f1Sum = 0;
  let correct = 0;
  for (let k = 0; k < K; k++) {
    const tp = confusion[k]?.[k] ?? 0;
    correct += tp;
    const support = (confusion[k] as number[]).reduce((a, b) => a + b, 0);
    const predictedK = confusion.reduce((a, row) => a + (row[k] ?? 0), 0);
    const precision = predictedK === 0 ? 0 : tp / predictedK;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perLabel[LABELS[k] as Label] = { precision, recall, f1, support };
    f1Sum += f1;
  }
  const c = perLabel[LABELS[COMPLAINT] as Label];
  return {
    n: actual.length,
    accuracy: actual.length === 0 ? 0 : correct / actual.length,
    complaintRecall: c.recall,
    complaintPrecision: c.precision,
    macroF1: f1Sum / K,
    perLabel,
    confusion,
  };
}

export function formatConfusion(confusion: number[][]): string {
  const short = ['complaint', 'service_req', 'compliment', 'other'];
  const pad = (s: string) => s.padStart(12);
  const lines = [`${'actual\\pred'.padEnd(12)}${short.map(pad).join('')}`];
  confusion.forEach((row, k) => lines.push(`${(short[k] ?? '').padEnd(12)}${row.map((v) => pad(String(v))).join('')}`));
  return lines.join('\n');
}
