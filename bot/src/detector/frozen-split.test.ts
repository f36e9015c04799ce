// The frozen test split through the public classify(): if a change to the cues, the normaliser
// or the weights makes the detector miss more complaints, this fails.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify, LABELS } from './index.ts';
import { evaluate } from './metrics.ts';

const testSplit = new URL('../../corpus/test.jsonl', import.meta.url);

describe('frozen test split', () => {
  const rows = readFileSync(testSplit, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { text: string; label: (typeof LABELS)[number] });
  const m = evaluate(
    rows.map((r) => LABELS.indexOf(r.label)),
    rows.map((r) => LABELS.indexOf(classify(r.text).label)),
  );

  it('is a real split', () => {
    expect(rows.length).toBeGreaterThanOrEqual(180);
  });

  it('complaint recall >= 0.95 with precision >= 0.90', () => {
    expect(m.complaintRecall).toBeGreaterThanOrEqual(0.95);
    expect(m.complaintPrecision).toBeGreaterThanOrEqual(0.9);
  });

  it('macro-F1 >= 0.85', () => {
    expect(m.macroF1).toBeGreaterThanOrEqual(0.85);
  });

  it('agrees with corpus/metrics.json written by the training script', () => {
    const recorded = JSON.parse(readFileSync(new URL('../../corpus/metrics.json', import.meta.url), 'utf8')) as {
      complaintRecall: number;
      macroF1: number;
    };
    expect(m.complaintRecall).toBeCloseTo(recorded.complaintRecall, 4);
    expect(m.macroF1).toBeCloseTo(recorded.macroF1, 4);
  });
});
