// Runs the retention sweep in the background: a minute after start, then hourly, one batch at a
// time until nothing is due. Failures are logged and retried on the next run. With several
// server processes on one database each run is taken by one process only (Database.runAlone: a
// session advisory lock); the others skip theirs. (Overlapping runs would still be safe — each
// resident is locked and re-checked — but would repeat the work.)
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
        const run = await ctx.database.runAlone('retention-sweep', async () => {
          for (;;) {
            const batch = await runRetentionSweep(ctx);
            total += batch.anonymised;
            if (!batch.more || stopped) break;
          }
        });
        if (!run.ran) ctx.logger.debug('retention sweep skipped: another server process is running it');
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
