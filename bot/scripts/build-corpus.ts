// Builds bot/corpus/messages.jsonl from the hand-written messages (corpus/handwritten/*.txt,
// one per line, the file name is the label) and the template families (lib/templates.ts),
// then splits it into train.jsonl and the frozen test.jsonl.
//
//   node --import tsx scripts/build-corpus.ts            # refuses to change an existing test split
//   node --import tsx scripts/build-corpus.ts --refreeze # deliberately re-draw it (say so in the README)
//
// Split: a hand-written message goes to test when fnv1a("split:" + text) % 5 === 0; a template
// family+pattern goes to test as a whole, every fifth group of its label in fnv1a order. Both
// rules depend only on the message or group itself, so the assignment is reproducible.
// Messages in handwritten/train-only/ were added after the split was frozen and always train.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fnv1a } from '../src/detector/features.ts';
import { LABELS, type Label } from '../src/detector/labels.ts';
import { readJsonl, writeJsonl, type Example } from './lib/jsonl.ts';
import { mulberry32, pick, type Rng } from './lib/rng.ts';
import { FAMILIES, SHARED, type Family, type Noise } from './lib/templates.ts';

const SEED = 20240401;
// Hand-written after the test split was frozen, to widen coverage; never placed in test.
const TRAIN_ONLY = 'hand-train-only';
const corpusDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus');

function expand(rng: Rng, family: Family, template: string, depth = 0): string {
  if (depth > 5) return template;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const options = family.slots[name] ?? SHARED[name];
    if (options === undefined) throw new Error(`${family.id}: no slot {${name}}`);
    return expand(rng, family, pick(rng, options), depth + 1);
  });
}

const SMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\byou\b/gi, 'u'], [/\byour\b/gi, 'ur'], [/\bplease\b/gi, 'pls'], [/\bthanks\b/gi, 'thx'], [/\bsomeone\b/gi, 'some1'],
  [/\bno one\b/gi, 'no1'], [/\bbecause\b/gi, 'cos'], [/\btomorrow\b/gi, 'tmrw'], [/\bweeks\b/gi, 'wks'], [/\bare\b/gi, 'r'],
  [/\bthird\b/gi, '3rd'], [/\bsecond\b/gi, '2nd'], [/\bappointment\b/gi, 'appt'], [/\bmonths\b/gi, 'mnths'],
];

function smsify(rng: Rng, text: string): string {
  let s = text.toLowerCase();
  for (const [re, short] of SMS) if (rng() < 0.7) s = s.replace(re, short);
  if (rng() < 0.7) s = s.replace(/'/g, '');
  if (rng() < 0.6) s = s.replace(/[.,]+$/g, '').replace(/,/g, '');
  return s;
}

function typo(rng: Rng, text: string): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => (/^[a-z]{5,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const i = pick(rng, candidates);
  const w = words[i] as string;
  const j = 1 + Math.floor(rng() * (w.length - 2));
  words[i] = w.slice(0, j) + (w[j + 1] ?? '') + (w[j] ?? '') + w.slice(j + 2);
  return words.join(' ');
}

function addNoise(rng: Rng, noise: Noise, text: string): string {
  let s = text.trim().replace(/\s+/g, ' ').replace(/\.([!?])/g, '$1').replace(/(?<!\.)\.\.(?!\.)/g, '.');
  if (rng() < noise.sms) s = smsify(rng, s);
  else s = s.charAt(0).toUpperCase() + s.slice(1);
  if (rng() < noise.typo) s = typo(rng, s);
  if (rng() < noise.caps) s = s.toUpperCase();
  if (noise.emoji.length > 0 && rng() < noise.emojiRate) {
    const e = pick(rng, noise.emoji);
    s = `${s} ${e.repeat(1 + Math.floor(rng() * 2))}`;
  }
  return s;
}

function generate(): Example[] {
  const rng = mulberry32(SEED);
  const out: Example[] = [];
  for (const family of FAMILIES) {
    family.patterns.forEach((pattern, p) => {
      const seen = new Set<string>();
      for (let attempt = 0; seen.size < family.perPattern && attempt < family.perPattern * 20; attempt++) {
        const text = addNoise(rng, family.noise, expand(rng, family, pattern));
        const key = text.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ text, label: family.label, source: `template:${family.id}:${p}` });
      }
    });
  }
  return out;
}

function handwritten(folder: string, source: string): Example[] {
  const out: Example[] = [];
  for (const label of LABELS) {
    const lines = readFileSync(join(corpusDir, folder, `${label}.txt`), 'utf8').split('\n');
    for (const line of lines) if (line.trim() !== '') out.push({ text: line.trim(), label, source });
  }
  return out;
}

function split(rows: Example[]): { train: Example[]; test: Example[] } {
  const testGroups = new Set<string>();
  for (const label of LABELS) {
    const groups = [...new Set(rows.filter((r) => r.label === label && r.source.startsWith('template:')).map((r) => r.source))];
    groups.sort((a, b) => fnv1a(`split:${a}`) - fnv1a(`split:${b}`) || a.localeCompare(b));
    groups.forEach((g, i) => {
      if (i % 5 === 2) testGroups.add(g);
    });
  }
  const isTest = (r: Example) =>
    r.source === TRAIN_ONLY ? false : r.source === 'hand' ? fnv1a(`split:${r.text}`) % 5 === 0 : testGroups.has(r.source);
  return { train: rows.filter((r) => !isTest(r)), test: rows.filter(isTest) };
}

function main(): void {
  const refreeze = process.argv.includes('--refreeze');
  const all: Example[] = [];
  const seen = new Set<string>();
  // Train-only messages come last so that one repeating a test message is dropped, not leaked.
  for (const r of [...handwritten('handwritten', 'hand'), ...generate(), ...handwritten('handwritten/train-only', TRAIN_ONLY)]) {
    const key = r.text.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(r);
  }
  const { train, test } = split(all);
  const testPath = join(corpusDir, 'test.jsonl');
  if (existsSync(testPath) && !refreeze) {
    const frozen = readJsonl(testPath).map((r) => `${r.label}\t${r.text}`).sort();
    const fresh = test.map((r) => `${r.label}\t${r.text}`).sort();
    if (frozen.join('\n') !== fresh.join('\n')) {
      console.error('The corpus change would alter the frozen test split. Re-run with --refreeze only if you mean to re-draw it, and record it in corpus/README.md.');
      process.exit(1);
    }
  }
  writeJsonl(join(corpusDir, 'messages.jsonl'), all);
  writeJsonl(join(corpusDir, 'train.jsonl'), train);
  writeJsonl(testPath, test);

  const count = (rows: Example[], l: Label) => rows.filter((r) => r.label === l).length;
  const hand = all.filter((r) => r.source === 'hand' || r.source === TRAIN_ONLY).length;
  console.log(`messages ${all.length} (hand-written ${hand}), train ${train.length}, test ${test.length}`);
  for (const l of LABELS) console.log(`  ${l.padEnd(16)} all ${count(all, l)}  train ${count(train, l)}  test ${count(test, l)}`);
}

main();
