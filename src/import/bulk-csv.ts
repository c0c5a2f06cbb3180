import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { ENTITY_LABEL, isEntityLabel, isRelationshipType, type EntityLabel, type RelationshipType } from '../model/graph-model.js';
import { ensureNeo4jJars } from '../neo4j-local/fetch-jars.js';
import { javaCommand, runTool } from '../neo4j-local/java-tools.js';

/** A stored property value (Neo4j properties cannot hold maps). */
export type Value = string | number | boolean | readonly string[];

/** An entity in its stored form: the kind label and every property (`id`, `name`, `citations` ...). */
export interface BulkNode {
  readonly label: EntityLabel;
  readonly props: Readonly<Record<string, Value>>;
}

/** A relationship in its stored form, between two entity ids. */
export interface BulkRelationship {
  readonly type: RelationshipType;
  readonly from: string;
  readonly to: string;
  readonly props: Readonly<Record<string, Value>>;
}

/**
 * Separates the items of array values and of `:LABEL` in the CSV files the
 * importer reads (`--array-delimiter`); a value containing it is refused.
 */
export const ARRAY_DELIMITER = '|';

type Column = { readonly name: string; readonly type: string };

/** Batches of rows; called twice (columns first, then the rows), so it must give the same rows each time. */
export type RowSource<T> = () => Iterable<readonly T[]>;

/**
 * Writes nodes and relationships as CSV files in the layout of Neo4j's bulk
 * importer (`neo4j-admin database import full`) into `dir`: one file per label
 * and per type, `id:ID(Entity)` … `:LABEL` (`Entity|<kind>`) and
 * `:START_ID(Entity)`,`:END_ID(Entity)` … `:TYPE`, numbers as doubles (as the
 * driver sends them), lists joined by `|`. Returns the importer's `--nodes=` /
 * `--relationships=` arguments and the counts. Shared by `npm run import` and
 * the benchmark's graph generator.
 */
export async function writeBulkCsv(
  dir: string,
  nodes: RowSource<BulkNode>,
  relationships: RowSource<BulkRelationship>,
): Promise<{ files: string[]; nodes: number; relationships: number }> {
  await mkdir(dir, { recursive: true });
  // Pass 1: the columns of each file.
  const nodeColumns = new Map<string, Map<string, string>>();
  for (const batch of nodes()) for (const row of batch) note(nodeColumns, row.label, row.props);
  const relColumns = new Map<string, Map<string, string>>();
  for (const batch of relationships()) for (const row of batch) note(relColumns, row.type, row.props);

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
  let nodeCount = 0;
  for (const batch of nodes()) {
    for (const row of batch) {
      const w = writers.get(`nodes:${row.label}`)!;
      if (!w.out.write(`${[csv(row.props['id']), ...w.columns.map((c) => csv(row.props[c.name])), `${ENTITY_LABEL}${ARRAY_DELIMITER}${row.label}`].join(',')}\n`)) await once(w.out, 'drain');
    }
    nodeCount += batch.length;
  }
  let relCount = 0;
  for (const batch of relationships()) {
    for (const row of batch) {
      const w = writers.get(`relationships:${row.type}`)!;
      if (!w.out.write(`${[csv(row.from), csv(row.to), ...w.columns.map((c) => csv(row.props[c.name])), row.type].join(',')}\n`)) await once(w.out, 'drain');
    }
    relCount += batch.length;
  }
  await Promise.all([...writers.values()].map(({ out }) => new Promise((resolve) => out.end(resolve))));
  return { files, nodes: nodeCount, relationships: relCount };
}

/**
 * Runs Neo4j's bulk importer on the files `writeBulkCsv` wrote, into the
 * (empty, stopped) database `neo4j` of the local Neo4j home `home`, with the
 * jars we already fetch. Returns the importer's time in seconds. Constraints and
 * indexes are applied when Neo4j next starts (src/bootstrap.ts).
 */
export async function runBulkImport(projectRoot: string, home: string, files: readonly string[], log: (line: string) => void): Promise<number> {
  const lib = await ensureNeo4jJars(projectRoot, log);
  const conf = join(home, 'conf');
  await mkdir(conf, { recursive: true });
  await writeFile(join(conf, 'neo4j.conf'), '');
  const started = performance.now();
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
  return (performance.now() - started) / 1000;
}

/** Records each property's CSV type for the file `key`, checking that it never changes. */
function note(files: Map<string, Map<string, string>>, key: string, props: Readonly<Record<string, Value>>): void {
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
    const items = value as readonly string[];
    if (items.some((v) => v.includes(ARRAY_DELIMITER))) throw new Error(`invariant: a list value contains "${ARRAY_DELIMITER}"`);
    return quote(items.join(ARRAY_DELIMITER));
  }
  if (typeof value === 'string') return quote(value);
  return String(value);
}

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
