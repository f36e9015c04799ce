// Acknowledgements come before background work. A webhook only has to store its message and
// answer; the bot turn and the reply can wait, because the message is already safe in the
// database. Turns and outbox sends cost many times what storing costs, so in a storm they would
// otherwise take most of the process and slow every acknowledgement (Twilio gives up after 15 s,
// and does not retry an SMS webhook). Background work therefore waits until no acknowledgement
// has been in flight for `quietMs` — but never longer than `maxWaitMs` per step, so replies
// still make progress during a storm that never lets up.
export interface AcknowledgementsFirst {
  /** Around storing one inbound message. */
  track<T>(acknowledgement: () => Promise<T>): Promise<T>;
  /** Before one step of background work: resolves when no acknowledgement is in flight, or after maxWaitMs. */
  turn(): Promise<void>;
}

export function acknowledgementsFirst(options: { quietMs?: number; maxWaitMs?: number } = {}): AcknowledgementsFirst {
  const quietMs = options.quietMs ?? 10;
  const maxWaitMs = options.maxWaitMs ?? 250;
  let inFlight = 0;
  let quietTimer: NodeJS.Timeout | undefined;
  let waiting: (() => void)[] = [];
  const release = () => {
    const ready = waiting;
    waiting = [];
    for (const resolve of ready) resolve();
  };
  return {
    async track(acknowledgement) {
      inFlight++;
      clearTimeout(quietTimer);
      quietTimer = undefined;
      try {
        return await acknowledgement();
      } finally {
        if (--inFlight === 0) quietTimer = setTimeout(() => ((quietTimer = undefined), release()), quietMs);
      }
    },
    turn() {
      if (inFlight === 0 && quietTimer === undefined) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting = waiting.filter((w) => w !== done);
          resolve();
        }, maxWaitMs);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        waiting.push(done);
      });
    },
  };
}
