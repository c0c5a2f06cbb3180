/**
 * `npm run schema:print` writes schema/schema.graphql; `-- --check` fails if
 * the committed file is stale (CI runs that).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { printSortedSchema } from './index.js';

const target = new URL('../../schema/schema.graphql', import.meta.url);
const sdl = `${printSortedSchema()}\n`;

if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => '');
  if (committed !== sdl) {
    console.error('schema/schema.graphql is stale: run `npm run schema:print` and commit it.');
    process.exitCode = 1;
  } else console.log('schema/schema.graphql is current.');
} else {
  await writeFile(target, sdl);
  console.log('Wrote schema/schema.graphql');
}
