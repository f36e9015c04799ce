// The resident web chat's download size against baselines measured in the same run:
//
//   node --import tsx test/bench/chatBundle.bench.ts
//
//   chat           - everything /chat loads (console/dist, rebuilt first), gzipped
//   chat + React   - the same chat built with React 19 + react-dom instead of Preact compat
//   botframework   - Microsoft's botframework-webchat minimal bundle (dist/webchat-minimal.js),
//                    fetched with `npm pack` into a temporary folder (not a dependency)
//
// All gzipped at zlib's default level, as the server's compression sends them. Target: the chat
// at most 60 KB, at least 8 times smaller than botframework-webchat's minimal bundle.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { chatBuild } from '../../console/vite.chat.config.ts';
import { CHAT_BUDGET_BYTES, chatBundle, gzippedSize, kilobytes } from '../support/chatBundle.ts';
import { repoRoot } from '../support/serverProcess.ts';

// The figure the issue quotes, for when the registry cannot be reached.
const PUBLISHED_BOTFRAMEWORK_MINIMAL = 480 * 1024;

const temp = mkdtempSync(path.join(tmpdir(), 'chat-bundle-bench-'));
try {
  execFileSync('npm', ['run', 'build', '-w', '@complaints/console'], { cwd: repoRoot, stdio: 'ignore' });
  const chat = chatBundle();

  await build({ configFile: false, logLevel: 'silent', ...chatBuild({ preact: false, outDir: path.join(temp, 'react') }) });
  const withReact = chatBundle(path.join(temp, 'react'));

  let baseline: { bytes: number; label: string };
  try {
    execFileSync('npm', ['pack', 'botframework-webchat', '--silent', '--pack-destination', temp], { cwd: temp, stdio: ['ignore', 'pipe', 'ignore'], timeout: 120_000 });
    const tarball = readdirSync(temp).find((name) => name.startsWith('botframework-webchat-') && name.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack produced no tarball');
    execFileSync('tar', ['-xzf', tarball, 'package/dist/webchat-minimal.js', 'package/package.json'], { cwd: temp });
    const version = (JSON.parse(readFileSync(path.join(temp, 'package', 'package.json'), 'utf8')) as { version: string }).version;
    baseline = { bytes: gzippedSize(readFileSync(path.join(temp, 'package', 'dist', 'webchat-minimal.js'))), label: `botframework-webchat ${version} webchat-minimal.js (npm pack, this run)` };
  } catch (error) {
    baseline = { bytes: PUBLISHED_BOTFRAMEWORK_MINIMAL, label: `botframework-webchat minimal, published figure (npm pack failed: ${(error as Error).message.split('\n')[0]})` };
  }

  console.log(`chat bundle benchmark, gzipped at zlib's default level, node ${process.version}`);
  for (const file of chat.files) console.log(`  ${file.file.padEnd(32)} ${kilobytes(file.gzipBytes).padStart(9)}  (${kilobytes(file.bytes)} raw)`);
  console.log(`chat (Preact compat)   ${kilobytes(chat.gzipBytes).padStart(9)}`);
  console.log(`chat with React 19     ${kilobytes(withReact.gzipBytes).padStart(9)}`);
  console.log(`${baseline.label}: ${kilobytes(baseline.bytes)}`);
  console.log('');
  const ratio = baseline.bytes / chat.gzipBytes;
  console.log(`the chat is ${ratio.toFixed(1)}x smaller than botframework-webchat's minimal bundle`);
  console.log(`target <= 60 KB: ${chat.gzipBytes <= CHAT_BUDGET_BYTES ? 'met' : 'NOT met'} (${kilobytes(chat.gzipBytes)}); target >= 8x smaller: ${ratio >= 8 ? 'met' : 'NOT met'}`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
