// Child processes for the benchmark: the baseline app and the product, each in its own Node
// process (as in production), logging to a file, with an IPC channel for progress questions.
import { fork, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import path from 'node:path';
import type { ProductReply, ProductRequest } from './productServer.ts';

export interface Child {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startChild(script: 'baselineApp.ts' | 'productServer.ts', options: { env: Record<string, string>; logFile: string; nodeArgs?: string[] }): Promise<Child> {
  const log = openSync(options.logFile, 'a');
  const child = fork(path.join(import.meta.dirname, script), [], {
    execArgv: ['--import', 'tsx', ...(options.nodeArgs ?? [])],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    stdio: ['ignore', log, log, 'ipc'],
  });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within 120 s; see ${options.logFile}`)), 120_000);
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.url!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} while starting; see ${options.logFile}`));
    });
  });
  return {
    url,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Asks a child a question over IPC (the baseline answers only "cpu"). */
export function ask<T extends ProductReply['type']>(child: Child, type: T): Promise<Extract<ProductReply, { type: T }>> {
  const id = ++askCounter;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the product did not answer "${type}" within 60 s`)), 60_000);
    const onMessage = (message: ProductReply) => {
      if (message.id !== id) return;
      clearTimeout(timer);
      child.process.off('message', onMessage);
      resolve(message as Extract<ProductReply, { type: T }>);
    };
    child.process.on('message', onMessage);
    child.process.send({ id, type } satisfies ProductRequest);
  });
}
let askCounter = 0;
