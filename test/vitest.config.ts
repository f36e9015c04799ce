import { defineConfig } from 'vitest/config';

// Start-up and browser tests each run real server processes; give them room but keep files
// in parallel (each has its own port and data folder).
export default defineConfig({
  test: {
    include: ['start/**/*.test.ts', 'browser/**/*.test.ts', 'integration/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
