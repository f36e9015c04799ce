import { describe, expect, it } from 'vitest';
import { createTurnSerialiser } from './serialiseTurns.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createTurnSerialiser', () => {
  it('runs turns for one conversation one at a time, in arrival order', async () => {
    const serialiser = createTurnSerialiser();
    const log: string[] = [];
    const turn = (name: string, ms: number) => () =>
      (async () => {
        log.push(`start ${name}`);
        await sleep(ms);
        log.push(`end ${name}`);
        return name;
      })();
    const results = await Promise.all([serialiser.run('a', turn('1', 30)), serialiser.run('a', turn('2', 5)), serialiser.run('a', turn('3', 1))]);
    expect(results).toEqual(['1', '2', '3']);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(serialiser.pending()).toBe(0);
  });

  it('lets different conversations run at the same time', async () => {
    const serialiser = createTurnSerialiser();
    const log: string[] = [];
    const slow = serialiser.run('a', async () => {
      log.push('a start');
      await sleep(20);
      log.push('a end');
    });
    const fast = serialiser.run('b', async () => {
      log.push('b');
    });
    await Promise.all([slow, fast]);
    expect(log).toEqual(['a start', 'b', 'a end']);
  });

  it('a failing turn rejects its caller but does not block the next turn', async () => {
    const serialiser = createTurnSerialiser();
    const failed = serialiser.run('a', async () => {
      throw new Error('boom');
    });
    const next = serialiser.run('a', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });
});
