// The resident web chat's size as a resident's phone downloads it: chat.html and every script,
// stylesheet and module it pulls in (followed through imports, dynamic ones included), each
// gzipped at zlib's default level — what the server's compression sends.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from './serverProcess.ts';

export const CHAT_BUDGET_BYTES = 60 * 1024;
export const consoleDist = path.join(repoRoot, 'console', 'dist');

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export const gzippedSize = (content: Buffer | string) => gzipSync(content).length;

// <script src>, <link href> (stylesheets, module preloads), CSS url(), and JS static and dynamic imports.
const HTML_REFERENCES = /(?:src|href)="([^"]+)"/g;
const CSS_REFERENCES = /url\(\s*["']?([^"')]+)["']?\s*\)/g;
const JS_REFERENCES = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+\.(?:js|css))["']/g;

export function chatBundle(dist = consoleDist): { files: BundleFile[]; bytes: number; gzipBytes: number } {
  const page = path.join(dist, 'chat.html');
  if (!existsSync(page)) throw new Error(`${page} is missing: build the console first (npm run build)`);
  const files: BundleFile[] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const content = readFileSync(file);
    files.push({ file: path.relative(dist, file), bytes: content.length, gzipBytes: gzippedSize(content) });
    const text = content.toString('utf8');
    const pattern = file.endsWith('.html') ? HTML_REFERENCES : file.endsWith('.css') ? CSS_REFERENCES : file.endsWith('.js') ? JS_REFERENCES : undefined;
    if (!pattern) return;
    for (const [, reference] of text.matchAll(pattern)) {
      if (!reference || /^(data:|[a-z]+:\/\/|#)/i.test(reference)) continue;
      const target = reference.startsWith('/') ? path.join(dist, reference) : path.resolve(path.dirname(file), reference);
      if (!existsSync(target)) throw new Error(`${path.relative(dist, file)} refers to ${reference}, which is not in ${dist}`);
      visit(target);
    }
  };
  visit(page);
  return { files, bytes: files.reduce((sum, f) => sum + f.bytes, 0), gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
