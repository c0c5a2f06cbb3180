import { buildExplorer } from '../../explorer/build.js';

/** Builds the graph explorer's assets once per test run, so tests never meet a stale or missing build. */
export default async function setup(): Promise<void> {
  await buildExplorer();
}
