import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { ENTITY_LABEL, isEntityLabel, isRelationshipType } from '../../../../src/model/graph-model.js';
import { ensureNeo4jJars } from '../../../../src/neo4j-local/fetch-jars.js';
import { javaCommand, runTool } from '../../../../src/neo4j-local/java-tools.js';
import { PROJECT_ROOT } from '../paths.js';
import type { LoadStats } from './load-graph.js';
import { generateNodes, generateRelationships, type GraphPlan, type SourceDocument, type Value } from './synthetic-graph.js';

const BATCH_SIZE = 10_000;
/** Separates the items of array values and of `:LABEL` in the CSV files; no generated value contains it. */
const ARRAY_DELIMITER = '|';

type Column = { readonly name: string; readonly type: string };

/**
 * Loads a generated graph into an empty database folder with Neo4j's bulk
 * importer (`neo4j-admin database import full`, from the jars we already
 * fetch), before Neo4j starts: node and relationship CSV files in our model
 * (one file per label and per type), written from the same generator as the
 * Cypher loader, so the graph is the same. Numbers are stored as floats, as the
 * driver sends them. The caller applies the schema (constraints, indexes) once
 * Neo4j is up. Measured against `UNWIND … CALL { } IN TRANSACTIONS` in
 * bench/RESULTS.md.
 */
export async function importGraph(home: string, plan: GraphPlan, documents: readonly SourceDocument[], log: (line: string) => void): Promise<LoadStats> {
  const dir = join(home, 'import');
  await mkdir(dir, { recursive: true });
  const started = performance.now();
  // Pass 1: the columns of each file (the generator is seeded, so pass 2 sees the same rows).
  const nodeColumns = new Map<string, Map<string, string>>();
  for (const batch of generateNodes(plan, documents, BATCH_SIZE)) for (const row of batch) note(nodeColumns, row.label, row.props);
  const relColumns = new Map<string, Map<string, string>>();
  for (const batch of generateRelationships(plan, documents, BATCH_SIZE)) for (const row of batch) note(relColumns, row.type, row.props);

  const files: string[] = [];
  const writers = new Map<string, { out: WriteStream; columns: Column[] }>();
  const open = (kind: 'nodes' | 'relationships', key: string, header: string[], columns: Column[]): void => {
    const file = join(dir, `${kind}-${key}.csv`);
    const out = createWriteStream(file);
    out.write(`${header.join(',')}\n`);
    files.push(`--${kind}=${file}`);
    writers.set(`${kind}:${key}`, { out, columns });
  };
  for (const [label, columns] of nodeColumns) {
    if (!isEntityLabel(label)) throw new Error(`invariant: ${label} is not a model label`);
    const cols = [...columns].filter(([name]) => name !== 'id').map(([name, type]) => ({ name, type }));
    open('nodes', label, ['id:ID(Entity)', ...cols.map(headerOf), ':LABEL'], cols);
  }
  for (const [type, columns] of relColumns) {
    if (!isRelationshipType(type)) throw new Error(`invariant: ${type} is not a model relationship type`);
    const cols = [...columns].map(([name, t]) => ({ name, type: t }));
    open('relationships', type, [':START_ID(Entity)', ':END_ID(Entity)', ...cols.map(headerOf), ':TYPE'], cols);
  }
  let nodes = 0;
  for (const batch of generateNodes(plan, documents, BATCH_SIZE)) {
    for (const row of batch) {
      const w = writers.get(`nodes:${row.label}`)!;
      if (!w.out.write(`${[csv(row.props['id']), ...w.columns.map((c) => csv(row.props[c.name])), `${ENTITY_LABEL}${ARRAY_DELIMITER}${row.label}`].join(',')}\n`)) await once(w.out, 'drain');
    }
    nodes += batch.length;
  }
  let relationships = 0;
  for (const batch of generateRelationships(plan, documents, BATCH_SIZE)) {
    for (const row of batch) {
      const w = writers.get(`relationships:${row.type}`)!;
      if (!w.out.write(`${[csv(row.from), csv(row.to), ...w.columns.map((c) => csv(row.props[c.name])), row.type].join(',')}\n`)) await once(w.out, 'drain');
    }
    relationships += batch.length;
  }
  await Promise.all([...writers.values()].map(({ out }) => new Promise((resolve) => out.end(resolve))));
  const written = performance.now();
  log(`  CSV files written in ${((written - started) / 1000).toFixed(1)} s; importing...`);

  const lib = await ensureNeo4jJars(PROJECT_ROOT, log);
  const conf = join(home, 'conf');
  await mkdir(conf, { recursive: true });
  await writeFile(join(conf, 'neo4j.conf'), '');
  const importStart = performance.now();
  await runTool(
    javaCommand(),
    [
      '-Xmx2g',
      '-cp',
      join(lib, '*'),
      'org.neo4j.cli.AdminTool',
      'database',
      'import',
      'full',
      ...files,
      `--array-delimiter=${ARRAY_DELIMITER}`,
      '--multiline-fields=true',
      '--overwrite-destination',
      `--report-file=${join(home, 'import.report')}`,
      'neo4j',
    ],
    { env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf }, maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = (performance.now() - importStart) / 1000;
  await rm(dir, { recursive: true, force: true });
  // The importer does nodes and relationships in one run: both rates are over its whole time.
  return {
    nodes,
    relationships,
    nodeSeconds: seconds,
    relationshipSeconds: seconds,
    nodesPerSecond: nodes / seconds,
    relationshipsPerSecond: relationships / seconds,
  };
}

/** Records each property's CSV type for the file `key`, checking that it never changes. */
function note(files: Map<string, Map<string, string>>, key: string, props: Record<string, Value>): void {
  const columns = files.get(key) ?? new Map<string, string>();
  for (const [name, value] of Object.entries(props)) {
    const type = Array.isArray(value) ? 'string[]' : typeof value === 'number' ? 'double' : typeof value === 'boolean' ? 'boolean' : 'string';
    const seen = columns.get(name);
    if (seen !== undefined && seen !== type) throw new Error(`invariant: ${key}.${name} is both ${seen} and ${type}`);
    columns.set(name, type);
  }
  files.set(key, columns);
}

function headerOf(column: Column): string {
  return column.type === 'string' ? column.name : `${column.name}:${column.type}`;
}

/** One CSV field: absent values empty (the importer then sets no property), text quoted. */
function csv(value: Value | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) {
    if (value.some((v) => v.includes(ARRAY_DELIMITER))) throw new Error(`invariant: a generated value contains "${ARRAY_DELIMITER}"`);
    return quote(value.join(ARRAY_DELIMITER));
  }
  if (typeof value === 'string') return quote(value);
  return String(value);
}

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
