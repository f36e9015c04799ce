// Reads one message per line on stdin and writes one JSON classification per line on stdout,
// so output line N always belongs to input line N (an empty line is classified too, as
// "other"). Nothing else is written to stdout; errors go to stderr.
//
//   printf 'still waiting\nthanks!\n' | npm run -s classify

import { createInterface } from 'node:readline';
import { classify } from '../src/detector/index.ts';

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let buffer: string[] = [];
  const flush = async () => {
    if (buffer.length === 0) return;
    const chunk = buffer.join('');
    buffer = [];
    if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  };
  for await (const line of lines) {
    const { label, confidence, reasons } = classify(line);
    buffer.push(JSON.stringify({ label, confidence, reasons }) + '\n');
    // Batching writes keeps large inputs fast; awaiting drain keeps memory flat when piped.
    if (buffer.length >= 512) await flush();
  }
  await flush();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
