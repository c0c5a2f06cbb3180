/**
 * `npm run seed:check`: validates the seed against the model and checks every
 * citation against the source documents. Needs no Neo4j.
 */
import { parseCliArgs } from '../cli/cli-args.js';
import { runCli } from '../cli/run-cli.js';
import { lineCountsOf, readDocumentLines, readDocumentManifest } from './documents.js';
import { checkProvenance } from './provenance.js';
import { readSeedFiles } from './read-seed-files.js';
import { assertFolder, documentsDirectoryFrom, seedDirectoryFrom } from './seed-folders.js';
import { formatProblem, type SeedProblem } from './seed-graph.js';
import { validateSeed } from './validate-seed.js';

const CLI = {
  command: 'npm run seed:check',
  help: `Checks the seed without loading it: every entity and relationship against the model (labels, types,
properties, dates, ids, references), and every citation against the source documents (the cited lines
must exist and mention what they are cited for). Prints every problem, one line each, and exits 1 if any.

The seed folder is SEED_DIR (default: seed/); the documents folder is SEED_DOCUMENTS_DIR (default:
../shared/seeds beside the project). Needs no Neo4j.`,
  options: {},
} as const;

await runCli(CLI.command, async () => {
  parseCliArgs(CLI);
  const seedDirectory = seedDirectoryFrom();
  const documentsDirectory = documentsDirectoryFrom();
  await assertFolder(seedDirectory, 'seed', 'SEED_DIR');
  await assertFolder(documentsDirectory, 'source documents', 'SEED_DOCUMENTS_DIR');

  const manifest = await readDocumentManifest(seedDirectory);
  const { graph, problems } = validateSeed(await readSeedFiles(seedDirectory), lineCountsOf(manifest));
  const documents = new Map<string, string[]>();
  const missing: SeedProblem[] = [];
  for (const { fileName } of manifest) {
    try {
      documents.set(fileName, await readDocumentLines(documentsDirectory, fileName));
    } catch {
      missing.push({ file: fileName, id: '-', message: `the document is missing from ${documentsDirectory}` });
    }
  }
  const all = [...problems, ...missing, ...checkProvenance(graph, documents)];

  for (const problem of all) console.error(formatProblem(problem));
  console.log(`Checked the seed in ${seedDirectory} against the documents in ${documentsDirectory}: ` +
    `${graph.entities.length} entities, ${graph.relationships.length} relationships, ${all.length} problem${all.length === 1 ? '' : 's'}.`);
  process.exitCode = all.length === 0 ? 0 : 1;
});
