/** `npm run build:explorer` (also run by `npm start` and the test setup): builds explorer/dist/. */
import { parseCliArgs } from '../src/cli/cli-args.js';
import { runCli } from '../src/cli/run-cli.js';
import { EXPLORER_DIST } from '../src/http/explorer-route.js';
import { buildExplorer } from './build.js';

const CLI = {
  command: 'npm run build:explorer',
  help: 'Bundles the graph explorer (explorer/src) into explorer/dist with esbuild; `npm start` runs it first.',
  options: {},
} as const;

await runCli(CLI.command, async () => {
  parseCliArgs(CLI);
  const started = performance.now();
  await buildExplorer();
  console.log(`Built the graph explorer into ${EXPLORER_DIST} in ${Math.round(performance.now() - started)} ms`);
});
