// BotState.saveChanges writes with eTag '*' (last writer wins), so two turns of one conversation
// running at once would lose an answer. Turns for one key run one at a time, in arrival order.
// In-process only: across server processes the server's turn runner holds a database lock per
// conversation for each turn (server/src/channels/turnRunner.ts).
export interface TurnSerialiser {
  run<T>(key: string, turn: () => Promise<T>): Promise<T>;
  /** Keys with a turn queued or running (for tests and health checks). */
  pending(): number;
}

export function createTurnSerialiser(): TurnSerialiser {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, turn: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(turn, turn);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    pending: () => tails.size,
  };
}
