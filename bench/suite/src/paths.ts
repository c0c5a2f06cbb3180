import { fileURLToPath } from 'node:url';

/** The project root (holding src/, cypher/, .neo4j/). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** bench/suite, this package. */
export const SUITE_ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Git-ignored output: databases per size, plugins, raw results, quick-mode reports. */
export const BENCH_OUT = fileURLToPath(new URL('../../out/', import.meta.url));
/** The committed report of the last full run. */
export const RESULTS_FILE = fileURLToPath(new URL('../../RESULTS.md', import.meta.url));
