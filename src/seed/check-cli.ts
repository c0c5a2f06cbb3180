/**
 * `npm run seed:check`: validates the seed against the model and, where the
 * source documents are present, checks every citation against them.
 */
import { resolve } from 'node:path';
import { lineCountsOf, readDocumentLines, readDocumentManifest } from './documents.js';
import { checkProvenance } from './provenance.js';
import { readSeedFiles } from './read-seed-files.js';
import { formatProblem } from './seed-graph.js';
import { validateSeed } from './validate-seed.js';

const seedDirectory = resolve(process.env['SEED_DIR'] ?? 'seed');
const documentsDirectory = resolve(process.env['SEED_DOCUMENTS_DIR'] ?? '../shared/seeds');

const manifest = await readDocumentManifest(seedDirectory);
const { graph, problems } = validateSeed(await readSeedFiles(seedDirectory), lineCountsOf(manifest));
const documents = new Map<string, string[]>();
for (const { fileName } of manifest) documents.set(fileName, await readDocumentLines(documentsDirectory, fileName));
const all = [...problems, ...checkProvenance(graph, documents)];

for (const problem of all) console.error(formatProblem(problem));
console.log(`${graph.entities.length} entities, ${graph.relationships.length} relationships, ${all.length} problems`);
process.exitCode = all.length === 0 ? 0 : 1;
