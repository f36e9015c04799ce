// The resident web chat's size budget (issue: Channels): everything /chat loads, gzipped, at
// most 60 KB. Reads the built console (turbo builds it before the tests).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHAT_BUDGET_BYTES, chatBundle, consoleDist, kilobytes } from '../support/chatBundle.ts';

describe('the chat bundle', () => {
  it('is at most 60 KB gzipped, HTML, scripts and styles together', () => {
    const bundle = chatBundle();
    const kinds = bundle.files.map((f) => f.file.split('.').pop());
    // The measurement found the page's script and stylesheet, not just the HTML.
    expect(kinds).toEqual(expect.arrayContaining(['html', 'js', 'css']));
    console.log(`chat bundle: ${kilobytes(bundle.gzipBytes)} gzipped (${kilobytes(bundle.bytes)} raw) in ${bundle.files.length} files`);
    expect(bundle.gzipBytes, bundle.files.map((f) => `${f.file} ${kilobytes(f.gzipBytes)}`).join(', ')).toBeLessThanOrEqual(CHAT_BUDGET_BYTES);
  });

  it('shares nothing with the staff console and carries no React (Preact compat stands in)', () => {
    const bundle = chatBundle();
    expect(bundle.files.some((f) => /assets\/index-/.test(f.file))).toBe(false);
    // React's production build links its errors to react.dev; Preact's compat layer does not.
    const scripts = bundle.files.filter((f) => f.file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(readFileSync(path.join(consoleDist, script.file), 'utf8')).not.toContain('react.dev/errors');
  });
});
