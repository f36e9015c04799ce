// The README's column table for the case list CSV ("The case list CSV") is the contract people
// build spreadsheets and imports on: it must name the same columns as the export, in the same
// order. The table writes the two stages once, as stageN_… (and the pair
// `stage1_started_on` / `stage2_requested_on`), with a note that they appear for stage 1 then
// stage 2; this expands that exactly as the note says.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CASE_LIST_COLUMNS } from '../domain/reports/caseListCsv.ts';

const README = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');

function csvSection(markdown: string): string {
  const start = markdown.indexOf('\n### The case list CSV\n');
  if (start < 0) throw new Error('README.md has no "### The case list CSV" section');
  const end = markdown.slice(start + 1).search(/\n#{2,3} /);
  return end < 0 ? markdown.slice(start) : markdown.slice(start, start + 1 + end);
}

/** The documented columns, in order, from the section's table. */
function documentedColumns(section: string): string[] {
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => [...(line.split('|')[1] ?? '').matchAll(/`([A-Za-z0-9_]+)`/g)].map((m) => m[1] as string));
  const before: string[] = [];
  const stage1: string[] = [];
  const stage2: string[] = [];
  const after: string[] = [];
  for (const names of rows) {
    const isStageRow = names.some((n) => n.startsWith('stageN_') || n === 'stage1_started_on');
    if (isStageRow) {
      if (after.length > 0) throw new Error('the stage columns must be listed together');
      for (const name of names) {
        if (name.startsWith('stageN_')) {
          stage1.push(name.replace('stageN_', 'stage1_'));
          stage2.push(name.replace('stageN_', 'stage2_'));
        } else if (name.startsWith('stage1_')) stage1.push(name);
        else if (name.startsWith('stage2_')) stage2.push(name);
        else throw new Error(`${name} is in a stage row but is not a stage column`);
      }
    } else (stage1.length === 0 ? before : after).push(...names);
  }
  return [...before, ...stage1, ...stage2, ...after];
}

describe('the README documents the case list CSV columns', () => {
  const section = csvSection(README);

  it('says how the stage rows expand, and that columns are only ever added at the end', () => {
    const prose = section.replace(/\s+/g, ' ');
    expect(prose).toContain('(The stage columns appear for stage 1 then stage 2, eleven each, in the order listed.)');
    expect(prose).toContain('new columns are only ever added at the end');
  });

  it('lists the same columns as the export, in the same order', () => {
    expect(documentedColumns(section)).toEqual([...CASE_LIST_COLUMNS]);
  });

  it('the reader notices a renamed, moved or missing column', () => {
    const table = section.slice(section.indexOf('| Column |'));
    expect(documentedColumns(table.replace('`channel`', '`channel_code`'))).not.toEqual([...CASE_LIST_COLUMNS]);
    expect(documentedColumns(table.replace('| `closed_on` | London date closed |\n', ''))).not.toEqual([...CASE_LIST_COLUMNS]);
    const [received, channel] = ['| `received_on` | London date received |', table.split('\n').find((l) => l.startsWith('| `channel`')) as string];
    const swapped = documentedColumns(table.replace(received, '\u0000').replace(channel, received).replace('\u0000', channel));
    expect(swapped.slice(0, 3)).toEqual(['reference', 'channel', 'received_on']);
  });
});
