// Vitest projects shared by every workspace (calcom's pattern): `*.test.ts` are unit tests;
// `*.integration.test.ts` run on a real database, PGlite always and PostgreSQL as well when
// TEST_DATABASE_URL is set. Each integration file gets its own fresh database (see testing.ts).
// Plain JavaScript: Node loads vitest configs' workspace imports without a TypeScript loader.

// Dates in the product are computed for Europe/London explicitly; running the tests in UTC
// proves nothing leans on the machine's time zone.
process.env.TZ = 'UTC';

/**
 * @param {string} [root] folder holding the tests
 * @param {{ setupFiles?: string[] }} [extra]
 * @returns {import('vitest/config').TestProjectInlineConfiguration[]}
 */
export function testProjects(root = 'src', extra = {}) {
  const unit = `${root}/**/*.test.{ts,tsx}`;
  const integration = `${root}/**/*.integration.test.{ts,tsx}`;
  const setupFiles = extra.setupFiles ?? [];
  // Each integration file opens its own database (PGlite start-up and migrations take seconds
  // when every workspace tests at once on two cores), so hooks get generous time.
  const slow = { testTimeout: 30_000, hookTimeout: 90_000 };
  /** @type {import('vitest/config').TestProjectInlineConfiguration[]} */
  const projects = [
    { extends: true, test: { name: 'unit', include: [unit], exclude: [integration, '**/node_modules/**'], setupFiles } },
    { extends: true, test: { name: 'integration:pglite', include: [integration], env: { TEST_DB: 'pglite' }, setupFiles, ...slow } },
  ];
  if (process.env.TEST_DATABASE_URL) {
    projects.push({
      extends: true,
      test: { name: 'integration:postgres', include: [integration], env: { TEST_DB: 'postgres' }, setupFiles, ...slow },
    });
  }
  return projects;
}
