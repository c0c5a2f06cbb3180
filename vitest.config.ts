import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql 16 ships CJS (main) and ESM (module) builds; Node loads the CJS one for
  // our dependencies, so tests must too, or two copies of graphql meet.
  resolve: { alias: { graphql: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/neo4j-global-setup.ts', 'tests/setup/explorer-build-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Two cores: integration files share one Neo4j; keep file parallelism modest.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
