import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { RequestHandler } from 'express';

// Acknowledgements come before background work. A webhook only has to store its message and
// answer; the bot turn and the reply can wait, because the message is already safe in the
// database. Turns and outbox sends cost many times what storing costs, so in a storm they would
// otherwise take most of the process and slow every acknowledgement (Twilio gives up after 15 s,
// and does not retry an SMS webhook).
//
// So a step of background work (one turn, one send) starts once no acknowledgement has been in
// flight for `quietMs` (by default: none in flight once the event loop has read what arrived).
// A longer quiet period starves turns under steady traffic that leaves the process mostly idle
// — 150 webhooks a second arrive every 7 ms — and residents would wait minutes for an answer
// the machine had time to give. Nor do acknowledgements in flight hold background work back
// while the process has time to spare: only when the event loop was busier than `busyAbove`
// over the last `sampleMs` (a storm the process can barely keep up with) do steps wait.
// In a storm that never lets up, one step at a time still gets a slot, so
// replies keep coming: the next slot opens `share` times the last step's duration after it
// ended (at least `minGapMs`), which keeps background work to about 1 / (1 + share) of the time
// whatever a step costs (a turn on embedded PGlite costs far more than on PostgreSQL).
export interface AcknowledgementsFirst {
  /** Around storing one inbound message. */
  track<T>(acknowledgement: () => Promise<T>): Promise<T>;
  /**
   * Express middleware counting a webhook as in flight from its arrival to its answer, not only
   * while its message is stored: parsing the body and checking the signature come first, and a
   * request waiting for those must hold background work back too.
   */
  requests: RequestHandler;
  /** Runs one step of background work when acknowledgements allow. */
  background<T>(step: () => Promise<T>): Promise<T>;
}

export interface AcknowledgementsFirstOptions {
  quietMs?: number;
  share?: number;
  minGapMs?: number;
  /** Event loop utilisation (0–1) above which acknowledgements in flight hold steps back; 0: always. */
  busyAbove?: number;
  sampleMs?: number;
}

export function acknowledgementsFirst(options: AcknowledgementsFirstOptions = {}): AcknowledgementsFirst {
  const quietMs = options.quietMs ?? 0;
  const busyAbove = options.busyAbove ?? 0.75;
  const sampleMs = options.sampleMs ?? 100;
  // A tenth: a turn also costs the database several times what storing a message does, so in a
  // storm that saturates the machine a fifth (share 4) held acknowledgements to about 40% of a
  // bare INSERT's rate; the backlog drains once the storm eases.
  const share = options.share ?? 9;
  const minGapMs = options.minGapMs ?? 10;
  let inFlight = 0;
  /** Acknowledgements begun so far: tells whether one came and went during the quiet period. */
  let started = 0;
  let quiet = true;
  let quietTimer: NodeJS.Timeout | undefined;
  // When a step may run despite acknowledgements in flight.
  let nextSlot = 0;
  let slotTimer: NodeJS.Timeout | undefined;
  const waiting: (() => void)[] = [];
  let sampledAt = performance.now();
  let sample: EventLoopUtilization = performance.eventLoopUtilization();
  let busy = busyAbove <= 0;

  /** Whether the event loop was busier than busyAbove over the last sample (taken at most every sampleMs). */
  function isBusy(): boolean {
    if (busyAbove <= 0) return true;
    const now = performance.now();
    if (now - sampledAt >= sampleMs) {
      const current = performance.eventLoopUtilization();
      busy = performance.eventLoopUtilization(current, sample).utilization > busyAbove;
      sample = current;
      sampledAt = now;
    }
    return busy;
  }

  /** Steps may start now, as many as are waiting. */
  const open = () => quiet || !isBusy();

  function wake(): void {
    clearTimeout(slotTimer);
    slotTimer = undefined;
    if (waiting.length === 0) return;
    if (open()) {
      for (const start of waiting.splice(0)) start();
      return;
    }
    const wait = nextSlot - Date.now();
    if (wait <= 0) {
      // One step per slot; the slot after it is set when that step ends.
      nextSlot = Infinity;
      waiting.shift()!();
    }
    // Looked at again at the next slot, or sooner if the storm eases.
    if (waiting.length > 0) slotTimer = setTimeout(wake, Math.max(1, Math.min(sampleMs, Number.isFinite(wait) && wait > 0 ? wait : sampleMs)));
  }

  function begin(): void {
    started++;
    inFlight++;
    quiet = false;
    clearTimeout(quietTimer);
  }

  function end(): void {
    if (--inFlight > 0) return;
    const last = started;
    quietTimer = setTimeout(() => {
      // Timers run before the event loop polls for I/O: after a long stretch of background work
      // the quiet period has "passed" while webhooks sit unread in their sockets. Look once more
      // after the poll (setImmediate), when any that arrived meanwhile have begun.
      setImmediate(() => {
        if (started !== last) return;
        quiet = true;
        wake();
      });
    }, quietMs);
  }

  return {
    async track(acknowledgement) {
      begin();
      try {
        return await acknowledgement();
      } finally {
        end();
      }
    },
    requests(_req, res, next) {
      begin();
      // 'close' follows 'finish', and also comes alone when the client goes away mid-request.
      res.once('close', end);
      next();
    },
    async background(step) {
      if (!open() || waiting.length > 0) {
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          wake();
        });
      }
      // Each step on a turn of the event loop of its own. On embedded PGlite every statement
      // resolves without I/O, so steps started back to back (a backlog draining while nothing
      // is being acknowledged) would be one unbroken run of microtasks: no webhook, socket ping
      // or timer would get in until the whole backlog had gone.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const started = Date.now();
      try {
        return await step();
      } finally {
        const ended = Date.now();
        nextSlot = ended + Math.max(minGapMs, share * (ended - started));
        wake();
      }
    },
  };
}
