import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applySchema, splitCypher } from '../../../../src/db/apply-schema.js';
import { createDriver, Database } from '../../../../src/db/database.js';
import { BENCH_OUT, PROJECT_ROOT } from '../paths.js';
import { startBenchNeo4j, type BenchNeo4j } from '../neo4j/bench-neo4j.js';
import { importGraph } from './import-graph.js';
import { loadGraph, type LoadStats } from './load-graph.js';
import { GENERATOR_VERSION, planGraph, type GraphPlan, type SizeName, type SourceDocument } from './synthetic-graph.js';

export interface DegreeStats {
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly maxKey: string;
}

/** What a benchmark database holds; written beside it, so a later run can reuse it. */
export interface GraphInfo {
  readonly generatorVersion: number;
  readonly plan: GraphPlan;
  readonly nodes: number;
  readonly relationships: number;
  readonly load: LoadStats;
  readonly loadedAt: string;
  readonly degrees: DegreeStats;
  readonly storeMiB: number;
}

export interface PreparedGraph {
  readonly neo4j: BenchNeo4j;
  readonly info: GraphInfo;
  /** True when this run generated and loaded the graph (false: reused from an earlier run). */
  readonly fresh: boolean;
}

export interface PrepareOptions {
  readonly size: SizeName;
  readonly seed: number;
  readonly reload: boolean;
  readonly heapMiB: number;
  readonly pageCacheMiB: number;
  readonly log: (line: string) => void;
  /** How a fresh graph is loaded: Neo4j's bulk importer before start (default), or Cypher batches after. */
  readonly loader?: 'import' | 'cypher';
}

/**
 * Starts Neo4j on the size's own data folder (bench/out/data-<size>) and makes
 * sure it holds the generated graph: reused when its info file says it was
 * built by this generator version and seed, otherwise wiped and loaded afresh
 * (bulk-imported before Neo4j starts, or with `loader: 'cypher'` written in
 * batches after the constraints), then the schema applied (cypher/schema.cypher,
 * as the product does) and its indexes awaited.
 */
export async function prepareGraph(options: PrepareOptions): Promise<PreparedGraph> {
  const plan = planGraph(options.size, options.seed);
  const home = join(BENCH_OUT, `data-${options.size}`);
  const infoFile = join(home, 'graph-info.json');
  const previous = !options.reload && existsSync(infoFile) ? (JSON.parse(await readFile(infoFile, 'utf8')) as GraphInfo) : undefined;
  const reusable = previous?.generatorVersion === GENERATOR_VERSION && previous.plan.seed === plan.seed && previous.plan.relationships === plan.relationships;
  if (!reusable) {
    await rm(home, { recursive: true, force: true });
    await mkdir(home, { recursive: true });
  }
  const imported = !reusable && options.loader !== 'cypher';
  let load: LoadStats | undefined;
  if (imported) {
    options.log(`Generating the ${options.size} graph and bulk-importing it: ${plan.nodes} nodes, ${plan.relationships} relationships (seed ${plan.seed})...`);
    load = await importGraph(home, plan, await readDocuments(), options.log);
    options.log(`  imported: ${Math.round(load.nodesPerSecond)} nodes/s, ${Math.round(load.relationshipsPerSecond)} relationships/s (over the importer's whole run)`);
  }
  const neo4j = await startBenchNeo4j({ home, heapMiB: options.heapMiB, pageCacheMiB: options.pageCacheMiB, log: options.log });
  const db = new Database(createDriver(neo4j.uri, 'neo4j', ''), { database: 'neo4j', queryTimeoutMs: 600_000 });
  const schemaFile = join(PROJECT_ROOT, 'cypher', 'schema.cypher');
  try {
    if (reusable) {
      await applySchema(db, schemaFile);
      options.log(`Reusing the ${options.size} graph loaded ${previous.loadedAt} (${previous.nodes} nodes, ${previous.relationships} relationships).`);
      return { neo4j, info: previous, fresh: false };
    }
    if (!load) {
      // Constraints first (relationships find their ends through the id index);
      // the other indexes are built once over the loaded graph, which is far
      // faster than keeping the synchronous fulltext index up to date per batch.
      for (const statement of splitCypher(await readFile(schemaFile, 'utf8')).filter((s) => /\bCONSTRAINT\b/.test(s))) {
        await db.write('bench-constraints', (tx) => tx.run(statement));
      }
      options.log(`Generating and loading the ${options.size} graph: ${plan.nodes} nodes, ${plan.relationships} relationships (seed ${plan.seed})...`);
      load = await loadGraph(db, plan, await readDocuments(), options.log);
      options.log(`  loaded: ${Math.round(load.nodesPerSecond)} nodes/s, ${Math.round(load.relationshipsPerSecond)} relationships/s`);
    }
    const indexStart = performance.now();
    await applySchema(db, schemaFile);
    await db.write('await-indexes', (tx) => tx.run('CALL db.awaitIndexes(1800)'));
    options.log(`  indexes online after ${((performance.now() - indexStart) / 1000).toFixed(1)} s`);
    const info: GraphInfo = {
      generatorVersion: GENERATOR_VERSION,
      plan,
      nodes: load.nodes,
      relationships: load.relationships,
      load,
      loadedAt: new Date().toISOString(),
      degrees: await degreeStats(db),
      storeMiB: await folderMiB(join(home, 'data')),
    };
    await writeFile(infoFile, JSON.stringify(info, null, 2));
    return { neo4j, info, fresh: true };
  } catch (error) {
    await neo4j.stop();
    throw error;
  } finally {
    await db.close();
  }
}

async function degreeStats(db: Database): Promise<DegreeStats> {
  const rows = await db.read(
    'bench-degrees',
    `MATCH (n:Entity) WITH n, COUNT { (n)--() } AS d
     WITH collect([d, n.id]) AS all, avg(d) AS mean, percentileDisc(d, 0.5) AS p50, percentileDisc(d, 0.9) AS p90, percentileDisc(d, 0.99) AS p99
     WITH mean, p50, p90, p99, reduce(top = [0, ''], x IN all | CASE WHEN x[0] > top[0] THEN x ELSE top END) AS top
     RETURN mean, p50, p90, p99, top[0] AS max, top[1] AS maxKey`,
  );
  const row = rows[0] ?? {};
  return {
    mean: Number(row['mean']),
    p50: Number(row['p50']),
    p90: Number(row['p90']),
    p99: Number(row['p99']),
    max: Number(row['max']),
    maxKey: String(row['maxKey']),
  };
}

/** Size of the database files on disk, in MiB. */
async function folderMiB(folder: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return Math.round(bytes / 1024 / 1024);
}

/** The seed documents' names and line counts, which the synthetic citations point into. */
export async function readDocuments(): Promise<SourceDocument[]> {
  const manifest = JSON.parse(await readFile(join(PROJECT_ROOT, 'seed', 'documents.json'), 'utf8')) as { fileName: string; lines: number }[];
  return manifest.map(({ fileName, lines }) => ({ fileName, lines }));
}
