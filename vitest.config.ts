import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/neo4j-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Two cores: integration files share one Neo4j; keep file parallelism modest.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
