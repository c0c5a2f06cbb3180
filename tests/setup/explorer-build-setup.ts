import { buildExplorer } from '../../explorer/build.js';
import { buildPlayground } from '../../src/playground/build-playground.js';

/**
 * Builds the graph explorer's assets once per test run, so tests never meet a
 * stale or missing build, and the playground's assets when they are not
 * current (they only change with yoga's GraphiQL bundle; a build takes ~20 s).
 */
export default async function setup(): Promise<void> {
  await buildExplorer();
  await buildPlayground();
}
