import { defineConfig } from 'vitest/config';
import { testProjects } from "./src/vitestProjects.js";

export default defineConfig({
  test: { projects: testProjects(), passWithNoTests: true },
});
