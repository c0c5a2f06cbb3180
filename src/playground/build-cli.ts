/** `npm run build:playground` (also run by `npm start` and the test setup): builds dist/playground/. */
import { parseCliArgs } from '../cli/cli-args.js';
import { runCli } from '../cli/run-cli.js';
import { buildPlayground } from './build-playground.js';
import { PLAYGROUND_DIST } from './playground-manifest.js';

const CLI = {
  command: 'npm run build:playground',
  help: "Splits yoga's GraphiQL bundle into content-hashed, precompressed files in dist/playground (skipped when they are current); `npm start` runs it first.",
  options: {},
} as const;

await runCli(CLI.command, async () => {
  parseCliArgs(CLI);
  const started = performance.now();
  const { built } = await buildPlayground();
  console.log(built ? `Built the playground into ${PLAYGROUND_DIST} in ${Math.round(performance.now() - started)} ms` : `The playground in ${PLAYGROUND_DIST} is current.`);
});
