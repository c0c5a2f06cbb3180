/**
 * Bulk-load throughput of a synthetic graph (#17): writes the size's graph as
 * import CSV files once (`writeBulkCsv`, as `npm run import` and the bench do),
 * then runs Neo4j's importer on them `--runs` times into a scratch database
 * folder, and prints relationships per second over each importer run (its JVM
 * start included), the median, and the load average around each run, since
 * a busy machine shows up in these figures directly.
 *
 *   npm run bench:import -- [--size=1m] [--runs=3]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { runBulkImport, writeBulkCsv } from '../../../src/import/bulk-csv.js';
import { readDocuments } from './generate/prepare-graph.js';
import { generateNodes, generateRelationships, planGraph, type SizeName } from './generate/synthetic-graph.js';
import { BENCH_OUT, PROJECT_ROOT } from './paths.js';
import { valueOption } from './cli-options.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string): string => valueOption(argv, name, fallback);
const size = option('size', '1m') as SizeName;
const runs = Number(option('runs', '3'));
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, not "${option('runs', '')}"`);

const BATCH_SIZE = 10_000;
const load = (): string => loadavg()[0]!.toFixed(1);
const home = await mkdtemp(join(BENCH_OUT, `import-rate-${size}-`));
try {
  const plan = planGraph(size, 20161215);
  const documents = await readDocuments();
  let started = performance.now();
  const files = await writeBulkCsv(join(home, 'import'), generateNodes(plan, documents, BATCH_SIZE), generateRelationships(plan, documents, BATCH_SIZE));
  const writeSeconds = (performance.now() - started) / 1000;
  console.log(`${size}: ${files.nodes} nodes, ${files.relationships} relationships written as CSV in ${writeSeconds.toFixed(1)} s (load ${load()})`);
  const rates: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const before = load();
    started = performance.now();
    const seconds = await runBulkImport(PROJECT_ROOT, home, files, () => {});
    const rate = files.relationships / seconds;
    rates.push(rate);
    console.log(`run ${run}/${runs}: importer ${seconds.toFixed(1)} s = ${Math.round(rate)} relationships/s (load ${before} → ${load()})`);
  }
  const median = [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)]!;
  const endToEnd = files.relationships / (writeSeconds + files.relationships / median);
  console.log(`median: ${Math.round(median)} relationships/s over the importer's whole run; with the CSV writing: ${Math.round(endToEnd)} relationships/s`);
} finally {
  await rm(home, { recursive: true, force: true });
}
