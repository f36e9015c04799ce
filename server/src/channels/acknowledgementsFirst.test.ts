import { describe, expect, it } from 'vitest';
import { acknowledgementsFirst } from './acknowledgementsFirst.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('acknowledgementsFirst', () => {
  it('lets background work go at once when nothing is being acknowledged', async () => {
    const gate = acknowledgementsFirst({ maxWaitMs: 10_000 });
    await gate.turn();
  });

  it('holds background work while an acknowledgement is in flight, and releases it once things are quiet', async () => {
    const gate = acknowledgementsFirst({ quietMs: 5, maxWaitMs: 10_000 });
    let finish!: () => void;
    const acknowledgement = gate.track(() => new Promise<string>((resolve) => (finish = () => resolve('stored'))));
    let ran = false;
    const background = gate.turn().then(() => (ran = true));
    await tick();
    expect(ran).toBe(false);
    finish();
    expect(await acknowledgement).toBe('stored');
    await background;
    expect(ran).toBe(true);
  });

  it('never holds background work longer than maxWaitMs, so a storm that never ends still gets replies', async () => {
    const gate = acknowledgementsFirst({ maxWaitMs: 20 });
    void gate.track(() => new Promise(() => {}));
    const started = performance.now();
    await gate.turn();
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
  });

  it('keeps holding background work while acknowledgements follow each other closely', async () => {
    const gate = acknowledgementsFirst({ quietMs: 30, maxWaitMs: 10_000 });
    await gate.track(async () => 'first');
    let ran = false;
    const background = gate.turn().then(() => (ran = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await gate.track(async () => 'second, within the quiet period');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toBe(false);
    await background;
    expect(ran).toBe(true);
  });

  it('releases background work after a failed acknowledgement too', async () => {
    const gate = acknowledgementsFirst({ quietMs: 1, maxWaitMs: 10_000 });
    const failed = gate.track(() => Promise.reject(new Error('database down')));
    const background = gate.turn();
    await expect(failed).rejects.toThrow('database down');
    await background;
  });
});
