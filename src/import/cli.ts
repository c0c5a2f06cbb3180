/**
 * `npm run import`: loads a graph the user brings, as node and relationship
 * CSV files in our model, after checking every row. Into an empty local
 * database with Neo4j's bulk importer; into a running one through the driver.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../bootstrap.js';
import { parseCliArgs, UsageError } from '../cli/cli-args.js';
import { connectForCli } from '../cli/connect-cli.js';
import { CliError, runCli } from '../cli/run-cli.js';
import { loadConfig, type Config } from '../config.js';
import { localNeo4jHome } from '../neo4j-local/local-neo4j.js';
import { findRunningNeo4j } from '../neo4j-local/running-neo4j.js';
import { runBulkImport, writeBulkCsv } from './bulk-csv.js';
import { parseCsv } from './csv-records.js';
import { existingKinds, writeOnline } from './online-import.js';
import { checkGraph, ImportProblems, readNodeRecords, readRelationshipRecords, type ReadNodes, type ReadRelationships } from './read-import-csv.js';

const CLI = {
  command: 'npm run import',
  help: `Imports nodes and relationships from CSV files in the project's model (README, "Bring your own graph").
Every row is checked first: kinds and relationship types from the model, properties and their values, the
kinds each relationship type may connect, and a citation on every row. Any problem: each is printed as
file:line: column N (name): what is wrong, and nothing is written.

  --nodes <a.csv,b.csv>          node files: id:ID(Entity),name,citations:string[],...,:LABEL
  --relationships <r.csv,...>    relationship files: :START_ID(Entity),:END_ID(Entity),id,citations:string[],...,:TYPE
  --mode auto|bulk|online        bulk: Neo4j's bulk importer into an empty, stopped local database (fastest);
                                 online: batched MERGE through the driver into a running database (NEO4J_URI,
                                 or the local one), keeping what is there; auto (default): bulk when it can
  --check                        only check the files (the database is still read, for the ends of relationships
                                 that point at entities already there, unless the import would be bulk)

Lists inside a cell (citations, aliases, items ...) are separated by "|". The local database is
NEO4J_LOCAL_DATA_DIR (default data) under .neo4j/: for your own graph alone, bulk-import into a new
folder (NEO4J_LOCAL_DATA_DIR=mine npm run import -- ...), then NEO4J_LOCAL_DATA_DIR=mine npm start
(the seed is loaded only into an empty graph).`,
  options: {
    nodes: { type: 'string' },
    relationships: { type: 'string' },
    mode: { type: 'string' },
    check: { type: 'boolean' },
  },
} as const;

const MODES = ['auto', 'bulk', 'online'] as const;
type Mode = (typeof MODES)[number];
/** How many problems to print before summing up the rest. */
const SHOWN_PROBLEMS = 30;

/** Files of a kind from a comma-separated flag. */
function fileList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((f) => f.trim()).filter((f) => f !== '');
}

async function readRecords(file: string) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`${CLI.command}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  try {
    return parseCsv(text, file);
  } catch (error) {
    throw new CliError(`${CLI.command}: ${(error as Error).message}.`);
  }
}

function failWith(problems: ImportProblems): void {
  if (problems.lines.length === 0) return;
  const shown = problems.lines.slice(0, SHOWN_PROBLEMS);
  const more = problems.lines.length - shown.length;
  throw new CliError(
    [...shown, `The import has ${problems.lines.length} problem${problems.lines.length === 1 ? '' : 's'}${more > 0 ? ` (${more} more not shown)` : ''}; nothing was written.`].join('\n'),
  );
}

/** Why the bulk importer cannot be used here, or undefined when it can. */
async function whyNotBulk(config: Config, home: string): Promise<string | undefined> {
  if (config.neo4jUri !== undefined) return `NEO4J_URI is set (${config.neo4jUri}): the bulk importer writes only the local database's files`;
  const running = await findRunningNeo4j(home);
  if (running) return `the local Neo4j is running on ${home} (pid ${running.pid}); stop it, or import online`;
  if (existsSync(join(home, 'data', 'databases', 'neo4j'))) return `the local database in ${home} is not empty; the bulk importer only fills an empty one (set NEO4J_LOCAL_DATA_DIR to a new folder name, or import online)`;
  return undefined;
}

await runCli(CLI.command, async () => {
  const values = parseCliArgs(CLI);
  const nodeFiles = fileList(values.nodes);
  const relationshipFiles = fileList(values.relationships);
  if (nodeFiles.length === 0 && relationshipFiles.length === 0) throw new UsageError(`${CLI.command}: give --nodes and/or --relationships (CSV files, comma-separated).`);
  const mode = (values.mode ?? 'auto') as Mode;
  if (!MODES.includes(mode)) throw new UsageError(`${CLI.command}: --mode must be one of ${MODES.join(', ')}, not "${values.mode ?? ''}".`);
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  const started = performance.now();

  // Every file is read and checked before anything is written.
  const problems = new ImportProblems();
  const nodes: ReadNodes = { nodes: [], origins: [] };
  for (const file of nodeFiles) {
    const read = readNodeRecords(file, await readRecords(file), problems);
    nodes.nodes.push(...read.nodes);
    nodes.origins.push(...read.origins);
  }
  const relationships: ReadRelationships = { relationships: [], origins: [] };
  for (const file of relationshipFiles) {
    const read = readRelationshipRecords(file, await readRecords(file), problems);
    relationships.relationships.push(...read.relationships);
    relationships.origins.push(...read.origins);
  }
  failWith(problems);

  const home = localNeo4jHome(PROJECT_ROOT, config.localDataDir);
  const notBulk = mode === 'online' ? 'online was asked for' : await whyNotBulk(config, home);
  if (mode === 'bulk' && notBulk) throw new CliError(`${CLI.command}: cannot import in bulk: ${notBulk}.`);
  const counts = `${nodes.nodes.length} nodes and ${relationships.relationships.length} relationships`;

  if (notBulk === undefined) {
    checkGraph(nodes, relationships, new Map(), problems);
    failWith(problems);
    if (values.check) {
      console.log(`${counts} checked: no problems (an import now would be bulk, into ${home}).`);
      return;
    }
    console.log(`Importing ${counts} with Neo4j's bulk importer into ${home} ...`);
    const dir = join(home, 'import');
    const written = await writeBulkCsv(dir, [nodes.nodes], [relationships.relationships]);
    try {
      const seconds = await runBulkImport(PROJECT_ROOT, home, written, (line) => {
        console.error(line);
      });
      report('bulk', counts, relationships.relationships.length, seconds, started);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return;
  }

  const runtime = await connectForCli(config, (line) => {
    console.error(line);
  });
  try {
    const ids = new Set<string>(nodes.nodes.map((n) => String(n.props['id'])));
    for (const r of relationships.relationships) ids.add(r.from).add(r.to);
    checkGraph(nodes, relationships, await existingKinds(runtime.db, [...ids]), problems);
    failWith(problems);
    if (values.check) {
      console.log(`${counts} checked against the database: no problems.`);
      return;
    }
    if (mode === 'auto') console.log(`Importing online, since ${notBulk} ...`);
    const writeStart = performance.now();
    await writeOnline(runtime.db, nodes.nodes, relationships.relationships, (line) => {
      if (process.stdout.isTTY) process.stdout.write(`\r${line.padEnd(60)}`);
    });
    if (process.stdout.isTTY) process.stdout.write('\n');
    report('online', counts, relationships.relationships.length, (performance.now() - writeStart) / 1000, started);
  } finally {
    await runtime.close();
  }
});

function report(how: 'bulk' | 'online', counts: string, relationships: number, writeSeconds: number, started: number): void {
  const total = (performance.now() - started) / 1000;
  const rate = writeSeconds > 0 ? Math.round(relationships / writeSeconds) : 0;
  console.log(`Imported ${counts} (${how}) in ${total.toFixed(1)} s; writing took ${writeSeconds.toFixed(1)} s (${rate} relationships/s).`);
}
