/**
 * `npm run seed:report`: prints the data-quality report of the seed (counts per kind and
 * type, undated events, generic ties, isolated nodes, likely duplicates, citation spread).
 * `--json` prints the same as JSON. It only reports; `npm run seed:check` is the gate.
 */
import { parseCliArgs } from '../cli/cli-args.js';
import { runCli } from '../cli/run-cli.js';
import { lineCountsOf, readDocumentManifest } from './documents.js';
import { readSeedFiles } from './read-seed-files.js';
import { assertFolder, seedDirectoryFrom } from './seed-folders.js';
import { buildSeedReport, formatSeedReport } from './seed-report.js';
import { validateSeed } from './validate-seed.js';

const CLI = {
  command: 'npm run seed:report',
  help: `Prints the seed's data-quality report: counts per kind and type, undated events, generic ties,
isolated nodes, likely duplicates, citation spread. It only reports; \`npm run seed:check\` is the gate.

  --json   the same report as JSON

The seed folder is SEED_DIR (default: seed/). Needs no Neo4j.`,
  options: { json: { type: 'boolean' } },
} as const;

await runCli(CLI.command, async () => {
  const values = parseCliArgs(CLI);
  const seedDirectory = seedDirectoryFrom();
  await assertFolder(seedDirectory, 'seed', 'SEED_DIR');
  const files = await readSeedFiles(seedDirectory);
  const { graph, problems } = validateSeed(files, lineCountsOf(await readDocumentManifest(seedDirectory)));
  const report = buildSeedReport(graph, files);
  if (values.json === true) console.log(JSON.stringify({ ...report, problems: problems.length }, null, 2));
  else console.log(`${formatSeedReport(report)}\n\n(validation: ${problems.length} problem(s); see npm run seed:check)`);
});
