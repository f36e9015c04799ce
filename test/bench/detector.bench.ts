// Throughput of the dissatisfaction detector's classify() on one core, against baselines
// measured in the same run, so the ratio is comparable across machines.
//
//   node --import tsx test/bench/detector.bench.ts
//
// The corpus (bot/corpus/messages.jsonl) is repeated to ~200k messages. Baselines:
//   split     - lower-case and split on whitespace (the least any text handling costs)
//   normalise - the detector's own normalisation step only
// Each is run after a warm-up pass; the best of three timed passes is reported.

import { readFileSync } from 'node:fs';
import { classify } from '../../bot/src/detector/index.ts';
import { normalise } from '../../bot/src/detector/normalise.ts';

const TARGET = 200_000;
const corpus = readFileSync(new URL('../../bot/corpus/messages.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => (JSON.parse(l) as { text: string }).text);
const messages: string[] = [];
while (messages.length < TARGET) messages.push(...corpus);
messages.length = TARGET;

function time(name: string, fn: (text: string) => number): number {
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += fn(messages[i] as string);
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < messages.length; i++) sink += fn(messages[i] as string);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.min(best, seconds);
  }
  const rate = messages.length / best;
  console.log(`${name.padEnd(10)} ${Math.round(rate).toLocaleString('en-GB').padStart(12)} messages/s  (${(best * 1000).toFixed(0)} ms for ${messages.length.toLocaleString('en-GB')}; checksum ${sink % 997})`);
  return rate;
}

console.log(`detector benchmark: ${corpus.length} corpus messages repeated to ${messages.length.toLocaleString('en-GB')}, node ${process.version}, one core`);
const split = time('split', (t) => t.toLowerCase().split(/\s+/).length);
const norm = time('normalise', (t) => normalise(t).text.length);
const full = time('classify', (t) => classify(t).label.length);
console.log('');
console.log(`classify costs ${(split / full).toFixed(1)}x lower-case+split and ${(norm / full).toFixed(1)}x normalise alone`);
console.log(`target >= 20,000 messages/s: ${full >= 20_000 ? 'met' : 'NOT met'} (${Math.round(full).toLocaleString('en-GB')})`);
