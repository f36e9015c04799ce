// Acknowledgements come before background work. A webhook only has to store its message and
// answer; the bot turn and the reply can wait, because the message is already safe in the
// database. Turns and outbox sends cost many times what storing costs, so in a storm they would
// otherwise take most of the process and slow every acknowledgement (Twilio gives up after 15 s,
// and does not retry an SMS webhook).
//
// So a step of background work (one turn, one send) starts once no acknowledgement has been in
// flight for `quietMs`. In a storm that never lets up, one step at a time still gets a slot, so
// replies keep coming: the next slot opens `share` times the last step's duration after it
// ended (at least `minGapMs`), which keeps background work to about 1 / (1 + share) of the time
// whatever a step costs (a turn on embedded PGlite costs far more than on PostgreSQL).
export interface AcknowledgementsFirst {
  /** Around storing one inbound message. */
  track<T>(acknowledgement: () => Promise<T>): Promise<T>;
  /** Runs one step of background work when acknowledgements allow. */
  background<T>(step: () => Promise<T>): Promise<T>;
}

export function acknowledgementsFirst(options: { quietMs?: number; share?: number; minGapMs?: number } = {}): AcknowledgementsFirst {
  const quietMs = options.quietMs ?? 10;
  const share = options.share ?? 4;
  const minGapMs = options.minGapMs ?? 50;
  let inFlight = 0;
  let quiet = true;
  let quietTimer: NodeJS.Timeout | undefined;
  // When a step may run despite acknowledgements in flight.
  let nextSlot = 0;
  let slotTimer: NodeJS.Timeout | undefined;
  const waiting: (() => void)[] = [];

  function wake(): void {
    clearTimeout(slotTimer);
    slotTimer = undefined;
    if (quiet) {
      for (const start of waiting.splice(0)) start();
      return;
    }
    if (waiting.length === 0) return;
    const wait = nextSlot - Date.now();
    if (wait <= 0) {
      // One step per slot; the slot after it is set when that step ends.
      nextSlot = Infinity;
      waiting.shift()!();
    } else if (Number.isFinite(wait)) slotTimer = setTimeout(wake, wait);
  }

  return {
    async track(acknowledgement) {
      inFlight++;
      quiet = false;
      clearTimeout(quietTimer);
      try {
        return await acknowledgement();
      } finally {
        if (--inFlight === 0)
          quietTimer = setTimeout(() => {
            quiet = true;
            wake();
          }, quietMs);
      }
    },
    async background(step) {
      if (!quiet || waiting.length > 0) {
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          wake();
        });
      }
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
