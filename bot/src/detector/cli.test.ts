import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LABELS } from './index.ts';

const botDir = fileURLToPath(new URL('../..', import.meta.url));

describe('classify CLI', () => {
  it('prints exactly one JSON object per input line and nothing else', () => {
    const input = 'still waiting for the third time\n\nthank you the plumber was brilliant\n';
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/classify.ts'], {
      cwd: botDir,
      input,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(3);
    const out = lines.map((l) => JSON.parse(l) as { label: string; confidence: number; reasons: string[] });
    for (const o of out) {
      expect(Object.keys(o)).toEqual(['label', 'confidence', 'reasons']);
      expect(LABELS).toContain(o.label);
    }
    expect(out.map((o) => o.label)).toEqual(['complaint', 'other', 'compliment']);
  });
});
