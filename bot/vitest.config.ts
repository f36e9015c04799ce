import { defineConfig } from 'vitest/config';
import { testProjects } from '@complaints/db/vitest';

export default defineConfig({
  test: { projects: testProjects(), passWithNoTests: true },
});
