// The corpus files: one JSON object per line, {"text","label","source"}.

import { readFileSync, writeFileSync } from 'node:fs';
import { isLabel, type Label } from '../../src/detector/labels.ts';

export interface Example {
  text: string;
  label: Label;
  /** "hand" or "template:<family>:<pattern>"; the split and CV folds keep a template's messages together. */
  source: string;
}

export function readJsonl(path: string): Example[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const row = JSON.parse(line) as Partial<Example>;
      if (typeof row.text !== 'string' || !isLabel(row.label)) throw new Error(`${path}:${i + 1}: bad row`);
      return { text: row.text, label: row.label, source: row.source ?? 'hand' };
    });
}

export function writeJsonl(path: string, rows: readonly Example[]): void {
  writeFileSync(path, rows.map((r) => JSON.stringify({ text: r.text, label: r.label, source: r.source })).join('\n') + '\n');
}
