// Retry delays for the outbox: exponential, capped, with jitter so that messages failed by one
// Twilio outage do not all retry in the same instant.
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  random?: () => number;
}

/** Delay before attempt `attempt + 1`, after `attempt` failed attempts (1-based). */
export function exponentialBackoff(options: BackoffOptions): (attempt: number) => number {
  const random = options.random ?? Math.random;
  return (attempt) => {
    const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
    // "Equal jitter": at least half the ceiling, so retries never bunch at zero.
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
  };
}
