// Writes a new migration from the difference between the committed schema (git HEAD) and the
// working schema.prisma: `npm run migrate:new -w @complaints/db -- add_something`.
// `prisma migrate dev` cannot run offline here (see README), and the CLI never exits while a
// PGlite instance is open, so this runs `migrate diff` into a file and stops the CLI once the
// file is complete.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run migrate:new -w @complaints/db -- <name_in_snake_case>');
  process.exit(2);
}
const prismaFolder = path.resolve(import.meta.dirname, '..');
const migrations = path.join(prismaFolder, 'migrations');
const work = path.join(tmpdir(), `migration-${process.pid}`);
mkdirSync(work, { recursive: true });
const output = path.join(work, 'migration.sql');

let from = ['--from-empty'];
try {
  const committed = execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { cwd: prismaFolder, encoding: 'utf8' });
  writeFileSync(path.join(work, 'schema.prisma'), committed);
  from = ['--from-schema-datamodel', path.join(work, 'schema.prisma')];
} catch {
  // No commit yet: the first migration starts from an empty database.
}

const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const child = spawn(
  process.execPath,
  [cli, 'migrate', 'diff', ...from, '--to-schema-datamodel', 'schema.prisma', '--script', '--output', output],
  { cwd: prismaFolder, env: { ...process.env, PRISMA_IN_MEMORY: '1', CHECKPOINT_DISABLE: '1' }, stdio: 'inherit' },
);
let exited = false;
child.on('exit', () => (exited = true));
let lastSize = -1;
for (let waited = 0; waited < 120_000; waited += 250) {
  await sleep(250);
  if (!existsSync(output)) {
    if (exited) break;
    continue;
  }
  // The CLI creates the file before it writes it: an empty file is not an answer yet (even "no
  // changes" is written out as a comment), so wait until it has content that stopped growing.
  const size = statSync(output).size;
  if (size > 0 && size === lastSize) break;
  if (size === 0 && exited) break;
  lastSize = size;
}
if (!exited) child.kill();
if (!existsSync(output)) {
  console.error('prisma migrate diff produced no script');
  process.exit(1);
}
const script = readFileSync(output, 'utf8');
rmSync(work, { recursive: true, force: true });
if (!script.trim() || /^-- This is an empty migration/m.test(script)) {
  console.error('schema.prisma has no changes since HEAD: nothing to migrate');
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const folder = path.join(migrations, `${stamp}_${name}`);
mkdirSync(folder);
writeFileSync(path.join(folder, 'migration.sql'), script);
console.log(`wrote ${path.relative(process.cwd(), folder)}/migration.sql`);
