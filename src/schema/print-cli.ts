/**
 * `npm run schema:print` writes schema/schema.graphql; `-- --check` fails if
 * the committed file is stale (CI runs that).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseCliArgs } from '../cli/cli-args.js';
import { runCli } from '../cli/run-cli.js';
import { printSortedSchema } from './index.js';

const CLI = {
  command: 'npm run schema:print',
  help: `Prints the GraphQL schema (sorted) into schema/schema.graphql.

  --check   write nothing; exit 1 if the committed file differs from the schema (CI runs this)`,
  options: { check: { type: 'boolean' } },
} as const;

await runCli(CLI.command, async () => {
  const values = parseCliArgs(CLI);
  const target = new URL('../../schema/schema.graphql', import.meta.url);
  const sdl = `${printSortedSchema()}\n`;
  if (values.check === true) {
    const committed = await readFile(target, 'utf8').catch(() => '');
    if (committed !== sdl) {
      console.error('schema/schema.graphql is stale: run `npm run schema:print` and commit it.');
      process.exitCode = 1;
    } else console.log('schema/schema.graphql is current.');
  } else {
    await writeFile(target, sdl);
    console.log('Wrote schema/schema.graphql');
  }
});
