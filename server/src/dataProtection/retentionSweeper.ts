// Runs the retention sweep in the background: a minute after start, then hourly, one batch at a
// time until nothing is due. Failures are logged and retried on the next run.
import type { ServerContext } from '../context.ts';
import { runRetentionSweep } from './runRetentionSweep.ts';

export interface RetentionSweeper {
  runNow(): Promise<number>;
  stop(): Promise<void>;
}

export const RETENTION_SWEEP_INTERVAL_MS = 60 * 60 * 1000;
const FIRST_RUN_DELAY_MS = 60 * 1000;

export function startRetentionSweeper(ctx: ServerContext, intervalMs = RETENTION_SWEEP_INTERVAL_MS): RetentionSweeper {
  let running: Promise<number> | undefined;
  let stopped = false;
  const runNow = () =>
    (running ??= (async () => {
      let total = 0;
      try {
        for (;;) {
          const batch = await runRetentionSweep(ctx);
          total += batch.anonymised;
          if (!batch.more || stopped) break;
        }
        if (total > 0) ctx.logger.info({ anonymised: total }, 'retention sweep anonymised residents');
      } catch (error) {
        ctx.logger.error({ err: error }, 'retention sweep failed; it will run again later');
      } finally {
        running = undefined;
      }
      return total;
    })());
  const first = setTimeout(() => void runNow(), FIRST_RUN_DELAY_MS);
  const timer = setInterval(() => void runNow(), intervalMs);
  first.unref();
  timer.unref();
  return {
    runNow,
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
