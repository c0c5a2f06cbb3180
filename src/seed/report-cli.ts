/**
 * `npm run seed:report`: prints the data-quality report of the seed (counts per kind and
 * type, undated events, generic ties, isolated nodes, likely duplicates, citation spread).
 * `--json` prints the same as JSON. It only reports; `npm run seed:check` is the gate.
 */
import { resolve } from 'node:path';
import { lineCountsOf, readDocumentManifest } from './documents.js';
import { readSeedFiles } from './read-seed-files.js';
import { buildSeedReport, formatSeedReport } from './seed-report.js';
import { validateSeed } from './validate-seed.js';

const seedDirectory = resolve(process.env['SEED_DIR'] ?? 'seed');
const files = await readSeedFiles(seedDirectory);
const { graph, problems } = validateSeed(files, lineCountsOf(await readDocumentManifest(seedDirectory)));
const report = buildSeedReport(graph, files);
if (process.argv.includes('--json')) console.log(JSON.stringify({ ...report, problems: problems.length }, null, 2));
else console.log(`${formatSeedReport(report)}\n\n(validation: ${problems.length} problem(s); see npm run seed:check)`);
