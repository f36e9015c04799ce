import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en.json' with { type: 'json' };
import { createMessages } from './catalogue.ts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'detector' ? [] : sources(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

function has(catalogue: unknown, key: string): boolean {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return node !== undefined;
}

describe('message catalogue', () => {
  const used = new Set<string>();
  for (const file of sources(SRC)) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\b(?:t|words|ask)\(\s*[\w.]+\s*,\s*'([\w.]+)'/g)) used.add(m[1]!);
    for (const m of code.matchAll(/'(retry\w+)'/g)) used.add(m[1]!);
  }

  it('finds the keys the code uses', () => {
    expect(used.size).toBeGreaterThan(40);
  });

  it.each([...used].sort())('en.json has %s', (key) => {
    expect(has(en, key)).toBe(true);
  });

  it('a landlord can reword a sentence or add a language without code', () => {
    const messages = createMessages({ en: { thanks: 'Cheers.' }, pl: { thanks: 'Dziękuję.' } });
    expect(messages.forLanguage('en')('thanks')).toBe('Cheers.');
    expect(messages.forLanguage('pl')('thanks')).toBe('Dziękuję.');
    // Missing sentences fall back to English.
    expect(messages.forLanguage('pl')('help')).toBe(en.help);
  });
});
