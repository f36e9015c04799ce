import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { acknowledgementsFirst } from './acknowledgementsFirst.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('acknowledgementsFirst', () => {
  it('runs background work at once when nothing is being acknowledged', async () => {
    const gate = acknowledgementsFirst();
    expect(await gate.background(async () => 'turn')).toBe('turn');
  });

  it('holds background work while an acknowledgement is in flight, and runs it once things are quiet', async () => {
    const gate = acknowledgementsFirst({ busyAbove: 0, quietMs: 5, minGapMs: 10_000 });
    await gate.background(async () => undefined); // uses up the storm slot
    let finish!: () => void;
    const acknowledgement = gate.track(() => new Promise<string>((resolve) => (finish = () => resolve('stored'))));
    let ran = false;
    const background = gate.background(async () => (ran = true));
    await sleep(20);
    expect(ran).toBe(false);
    finish();
    expect(await acknowledgement).toBe('stored');
    await background;
    expect(ran).toBe(true);
  });

  it('keeps holding background work while acknowledgements follow each other closely', async () => {
    const gate = acknowledgementsFirst({ busyAbove: 0, quietMs: 30, minGapMs: 10_000 });
    await gate.background(async () => undefined);
    await gate.track(async () => 'first');
    let ran = false;
    const background = gate.background(async () => (ran = true));
    await sleep(10);
    await gate.track(async () => 'second, within the quiet period');
    await sleep(20);
    expect(ran).toBe(false);
    await background;
    expect(ran).toBe(true);
  });

  it('in a storm that never ends, gives background work one slot at a time, share times the last step apart', async () => {
    const gate = acknowledgementsFirst({ busyAbove: 0, quietMs: 5, share: 4, minGapMs: 1 });
    void gate.track(() => new Promise(() => {}));
    const starts: number[] = [];
    const step = () => gate.background(async () => {
      starts.push(Date.now());
      await sleep(20);
    });
    const t0 = Date.now();
    await Promise.all([step(), step(), step()]);
    // First at once, then each about 4 x 20 ms after the previous one ended.
    expect(starts[0]! - t0).toBeLessThan(15);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(95);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(95);
  });

  it('releases background work after a failed acknowledgement too', async () => {
    const gate = acknowledgementsFirst({ busyAbove: 0, quietMs: 1, minGapMs: 10_000 });
    await gate.background(async () => undefined);
    const failed = gate.track(() => Promise.reject(new Error('database down')));
    const background = gate.background(async () => 'ran');
    await expect(failed).rejects.toThrow('database down');
    expect(await background).toBe('ran');
  });

  it('counts a webhook as in flight from its arrival until its answer, before its message is stored', async () => {
    const gate = acknowledgementsFirst({ busyAbove: 0, quietMs: 5, minGapMs: 10_000 });
    await gate.background(async () => undefined);
    const response = new EventEmitter();
    let passedOn = false;
    gate.requests({} as Request, response as unknown as Response, () => (passedOn = true));
    expect(passedOn).toBe(true);
    let ran = false;
    const background = gate.background(async () => (ran = true));
    await sleep(30);
    expect(ran).toBe(false);
    response.emit('close');
    await background;
    expect(ran).toBe(true);
  });

  it('does not call it quiet when the event loop was busy past the quiet period while a webhook waited unread', async () => {
    const gate = acknowledgementsFirst({ busyAbove: 0, quietMs: 5, minGapMs: 10_000 });
    const server = createServer((req, res) => gate.requests(req as Request, res as unknown as Response, () => undefined));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await new Promise((resolve) => client.once('connect', resolve));
    try {
      await gate.background(async () => undefined);
      await gate.track(async () => 'stored');
      let ran = false;
      const background = gate.background(async () => (ran = true));
      // The webhook reaches the socket while this thread is busy past the quiet period: when the
      // loop comes round, the expired quiet timer runs before the request is read.
      client.write('POST /twilio/sms HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n');
      const busyUntil = Date.now() + 30;
      while (Date.now() < busyUntil);
      await sleep(30);
      expect(ran).toBe(false);
      client.destroy(); // the request goes away: its 'close' ends it
      await background;
      expect(ran).toBe(true);
    } finally {
      client.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('lets background work run beside acknowledgements in flight while the event loop has time to spare', async () => {
    const gate = acknowledgementsFirst({ sampleMs: 20 });
    void gate.track(() => new Promise(() => {}));
    await sleep(30); // an idle stretch: the next sample finds the loop mostly idle
    const started = Date.now();
    expect(await gate.background(async () => 'turn')).toBe('turn');
    expect(Date.now() - started).toBeLessThan(15);
  });

  it('holds background work back to its share once the event loop is busy with acknowledgements in flight', async () => {
    const gate = acknowledgementsFirst({ sampleMs: 20, busyAbove: 0.5, share: 4, minGapMs: 1 });
    void gate.track(() => new Promise(() => {}));
    const spin = (ms: number) => {
      const until = Date.now() + ms;
      while (Date.now() < until);
    };
    // A storm the process can barely keep up with: the loop busy nine tenths of the time.
    const storm = setInterval(() => spin(9), 10);
    try {
      await sleep(40);
      const starts: number[] = [];
      const step = () =>
        gate.background(async () => {
          starts.push(Date.now());
          await sleep(20);
        });
      await Promise.all([step(), step()]);
      // One slot at a time: the second about 4 x 20 ms after the first ended.
      expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(95);
    } finally {
      clearInterval(storm);
    }
  });
});
