import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runBulkImport, writeBulkCsv } from '../../../../src/import/bulk-csv.js';
import { PROJECT_ROOT } from '../paths.js';
import type { LoadStats } from './load-graph.js';
import { generateNodes, generateRelationships, type GraphPlan, type SourceDocument } from './synthetic-graph.js';

const BATCH_SIZE = 10_000;

/**
 * Loads a generated graph into an empty database folder with Neo4j's bulk
 * importer, before Neo4j starts: node and relationship CSV files in our model
 * in the layout `npm run import` also writes (src/import/bulk-csv.ts), from the
 * same generator as the Cypher loader, so the graph is the same. The
 * caller applies the schema (constraints, indexes) once Neo4j is up. Measured
 * against `UNWIND … CALL { } IN TRANSACTIONS` in bench/RESULTS.md.
 */
export async function importGraph(home: string, plan: GraphPlan, documents: readonly SourceDocument[], log: (line: string) => void): Promise<LoadStats> {
  const dir = join(home, 'import');
  const started = performance.now();
  const written = await writeBulkCsv(
    dir,
    generateNodes(plan, documents, BATCH_SIZE),
    generateRelationships(plan, documents, BATCH_SIZE),
  );
  log(`  CSV files written in ${((performance.now() - started) / 1000).toFixed(1)} s; importing...`);
  const seconds = await runBulkImport(PROJECT_ROOT, home, written, log);
  await rm(dir, { recursive: true, force: true });
  // The importer does nodes and relationships in one run: both rates are over its whole time.
  return {
    nodes: written.nodes,
    relationships: written.relationships,
    nodeSeconds: seconds,
    relationshipSeconds: seconds,
    nodesPerSecond: written.nodes / seconds,
    relationshipsPerSecond: written.relationships / seconds,
  };
}
