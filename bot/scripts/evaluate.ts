// Scores the detector on a labelled JSONL file (one {"text", "label"} per line) and writes a
// JSON summary next to it as <name>.metrics.json.
//
//   node --import tsx scripts/evaluate.ts ../bot/corpus-holdout/holdout-2026-11.jsonl
//   node --import tsx scripts/evaluate.ts <file.jsonl> --show-errors
//
// Misclassified messages are NOT printed unless --show-errors is given: a hold-out set must
// not be used for tuning, and reading its errors is the first step towards doing that.
// Metrics are computed here rather than with src/detector/metrics.ts so the figures are an
// independent check on the ones the training script reports.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify, LABELS } from '../src/detector/index.ts';
import type { Label } from '../src/detector/index.ts';

interface Example {
  line: number;
  text: string;
  label: Label;
}

interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
  predicted: number;
}

function isLabel(x: unknown): x is Label {
  return typeof x === 'string' && (LABELS as readonly string[]).includes(x);
}

function readExamples(file: string): Example[] {
  const examples: Example[] = [];
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      let row: unknown;
      try {
        row = JSON.parse(raw);
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
      const { text, label } = (row ?? {}) as { text?: unknown; label?: unknown };
      if (typeof text !== 'string') throw new Error(`${file}:${i + 1}: "text" must be a string`);
      if (!isLabel(label)) throw new Error(`${file}:${i + 1}: "label" must be one of ${LABELS.join(', ')}`);
      examples.push({ line: i + 1, text, label });
    });
  return examples;
}

const round = (x: number) => Math.round(x * 10000) / 10000;
const fmt = (x: number) => x.toFixed(3);

function main(): void {
  const args = process.argv.slice(2);
  const showErrors = args.includes('--show-errors');
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--show-errors');
  if (files.length !== 1 || unknown.length > 0) {
    console.error('usage: node --import tsx scripts/evaluate.ts <file.jsonl> [--show-errors]');
    process.exitCode = 2;
    return;
  }
  const input = resolve(files[0] as string);
  const examples = readExamples(input);
  if (examples.length === 0) throw new Error(`${input}: no examples`);

  const K = LABELS.length;
  const index = (l: Label) => LABELS.indexOf(l);
  // confusion[actual][predicted], in LABELS order.
  const confusion = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  const errors: { line: number; actual: Label; predicted: Label; confidence: number; text: string }[] = [];
  for (const ex of examples) {
    const { label: predicted, confidence } = classify(ex.text);
    const row = confusion[index(ex.label)] as number[];
    row[index(predicted)] = (row[index(predicted)] ?? 0) + 1;
    if (predicted !== ex.label) errors.push({ line: ex.line, actual: ex.label, predicted, confidence, text: ex.text });
  }

  const perClass = {} as Record<Label, ClassScores>;
  let correct = 0;
  let f1Sum = 0;
  LABELS.forEach((label, k) => {
    const tp = confusion[k]?.[k] ?? 0;
    const support = (confusion[k] as number[]).reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((a, row) => a + (row[k] ?? 0), 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[label] = { precision, recall, f1, support, predicted };
    correct += tp;
    f1Sum += f1;
  });
  const n = examples.length;
  const accuracy = correct / n;
  const macroF1 = f1Sum / K;
  const complaint = perClass.complaint;

  // Which model was scored: the weights file's hash identifies it across retrains.
  const weightsPath = join(dirname(fileURLToPath(import.meta.url)), '../src/detector/weights.json');
  const weightsSha256 = createHash('sha256').update(readFileSync(weightsPath)).digest('hex');

  console.log(`file: ${input}`);
  console.log(`examples: ${n}   weights sha256: ${weightsSha256.slice(0, 16)}`);
  console.log('');
  console.log(`${'label'.padEnd(16)}${['precision', 'recall', 'f1', 'support'].map((h) => h.padStart(11)).join('')}`);
  for (const label of LABELS) {
    const s = perClass[label];
    const cells = [fmt(s.precision), fmt(s.recall), fmt(s.f1), String(s.support)];
    console.log(`${label.padEnd(16)}${cells.map((c) => c.padStart(11)).join('')}`);
  }
  console.log('');
  console.log(`macro-F1 (4 classes):  ${fmt(macroF1)}`);
  console.log(`complaint recall:      ${fmt(complaint.recall)}`);
  console.log(`complaint precision:   ${fmt(complaint.precision)}`);
  console.log(`accuracy:              ${fmt(accuracy)}  (${correct}/${n})`);
  console.log('');
  console.log('confusion matrix (rows = actual, columns = predicted)');
  const short: Record<Label, string> = {
    complaint: 'complaint',
    service_request: 'service_req',
    compliment: 'compliment',
    other: 'other',
  };
  console.log(`${''.padEnd(14)}${LABELS.map((l) => short[l].padStart(13)).join('')}`);
  LABELS.forEach((l, k) => {
    console.log(`${short[l].padEnd(14)}${(confusion[k] as number[]).map((v) => String(v).padStart(13)).join('')}`);
  });

  const summary = {
    file: basename(input),
    evaluatedAt: new Date().toISOString(),
    weightsSha256,
    n,
    accuracy: round(accuracy),
    macroF1: round(macroF1),
    complaintRecall: round(complaint.recall),
    complaintPrecision: round(complaint.precision),
    perClass: Object.fromEntries(
      LABELS.map((l) => {
        const s = perClass[l];
        return [l, { precision: round(s.precision), recall: round(s.recall), f1: round(s.f1), support: s.support, predicted: s.predicted }];
      }),
    ),
    labels: LABELS,
    confusion,
    errors: errors.length,
  };
  const out = join(dirname(input), `${basename(input).replace(/\.jsonl?$/i, '')}.metrics.json`);
  writeFileSync(out, JSON.stringify(summary, null, 2) + '\n');
  console.log('');
  console.log(`summary written to ${out}`);

  if (showErrors) {
    console.log('');
    console.log(`misclassified (${errors.length}):`);
    for (const e of errors) {
      console.log(`  line ${e.line}: actual=${e.actual} predicted=${e.predicted} (${e.confidence})  ${e.text}`);
    }
  }
}

try {
  main();
} catch (err: unknown) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
