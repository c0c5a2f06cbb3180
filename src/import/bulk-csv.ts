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
 * Separates the items of array values in the CSV files the importer reads
 * (`--array-delimiter`); a value containing it is refused.
 */
export const ARRAY_DELIMITER = '|';

/** What the importer is given: its `--nodes=` / `--relationships=` arguments and the files whose values span lines. */
export interface BulkFiles {
  readonly files: readonly string[];
  readonly multilineFiles: readonly string[];
}

/** Batches of rows, read once. */
export type RowSource<T> = Iterable<readonly T[]>;

/**
 * Rows are encoded straight into a chunk of this size, handed to the file
 * stream when full: backpressure is awaited once per chunk, not per row, and
 * no row text outlives its row (buffering the text instead spent half the
 * writer's time in the garbage collector).
 */
const CHUNK_BYTES = 256 * 1024;

/**
 * Writes nodes and relationships as CSV files in the layout of Neo4j's bulk
 * importer (`neo4j-admin database import full`) into `dir`, in one pass over
 * the rows: per label and per type a body file and a header file written last,
 * so columns are added as they first appear (an earlier row simply ends before
 * them: the importer sets no property for a missing trailing field). Nodes are
 * `id:ID(Entity)` then their properties, and get `Entity:<kind>` from the
 * importer argument (`--nodes=Entity:Person=header,body`); relationships are
 * `:START_ID(Entity)`,`:END_ID(Entity)` then their properties
 * (`--relationships=OWNS=header,body`). Numbers are doubles (as the driver
 * sends them), lists are joined by `|`. Shared by `npm run import` and the
 * benchmark's graph generator.
 */
export async function writeBulkCsv(
  dir: string,
  nodes: RowSource<BulkNode>,
  relationships: RowSource<BulkRelationship>,
): Promise<BulkFiles & { nodes: number; relationships: number }> {
  await mkdir(dir, { recursive: true });
  const nodeFiles = new Map<EntityLabel, CsvFile>();
  let nodeCount = 0;
  for (const batch of nodes) {
    for (const row of batch) {
      let file = nodeFiles.get(row.label);
      if (!file) {
        if (!isEntityLabel(row.label)) throw new Error(`invariant: ${String(row.label)} is not a model label`);
        file = new CsvFile(join(dir, `nodes-${row.label}`), ['id:ID(Entity)'], new Set(['id']));
        nodeFiles.set(row.label, file);
      }
      file.add(csv(row.props['id']), row.props);
    }
    nodeCount += batch.length;
    for (const file of nodeFiles.values()) await file.drained();
  }
  const relationshipFiles = new Map<RelationshipType, CsvFile>();
  let relationshipCount = 0;
  for (const batch of relationships) {
    for (const row of batch) {
      let file = relationshipFiles.get(row.type);
      if (!file) {
        if (!isRelationshipType(row.type)) throw new Error(`invariant: ${String(row.type)} is not a model relationship type`);
        file = new CsvFile(join(dir, `relationships-${row.type}`), [':START_ID(Entity)', ':END_ID(Entity)'], new Set());
        relationshipFiles.set(row.type, file);
      }
      file.add(`${csv(row.from)},${csv(row.to)}`, row.props);
    }
    relationshipCount += batch.length;
    for (const file of relationshipFiles.values()) await file.drained();
  }
  const files: string[] = [];
  const multilineFiles: string[] = [];
  const close = async (argument: string, file: CsvFile): Promise<void> => {
    const paths = await file.close();
    files.push(`${argument}${paths.header},${paths.body}`);
    if (file.multiline) multilineFiles.push(paths.body);
  };
  for (const [label, file] of nodeFiles) await close(`--nodes=${ENTITY_LABEL}:${label}=`, file);
  for (const [type, file] of relationshipFiles) await close(`--relationships=${type}=`, file);
  return { files, multilineFiles, nodes: nodeCount, relationships: relationshipCount };
}

/**
 * One label's or type's CSV: rows buffered into chunks for `<base>.csv`, the
 * columns in order of first appearance for `<base>.header.csv`.
 */
class CsvFile {
  private readonly out: WriteStream;
  private readonly columns = new Map<string, { index: number; type: string }>();
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  /** Set while the stream holds more than its high-water mark. */
  private backlog: Promise<void> | undefined;
  /** Whether some value holds a line break (the importer must then parse the file as multi-line). */
  multiline = false;

  constructor(
    private readonly base: string,
    private readonly leading: readonly string[],
    private readonly skip: ReadonlySet<string>,
  ) {
    this.out = createWriteStream(`${base}.csv`);
  }

  /** Appends a row: `start` (its leading fields, already CSV) and its properties by column. */
  add(start: string, props: Readonly<Record<string, Value>>): void {
    const fields: string[] = [];
    for (const name in props) {
      if (this.skip.has(name)) continue;
      const value = props[name]!;
      const type = csvType(value);
      let column = this.columns.get(name);
      if (!column) this.columns.set(name, (column = { index: this.columns.size, type }));
      else if (column.type !== type) throw new Error(`invariant: ${this.base}.${name} is both ${column.type} and ${type}`);
      const field = csv(value);
      if (!this.multiline && /[\r\n]/.test(field)) this.multiline = true;
      fields[column.index] = field;
    }
    // Holes (properties a row lacks) join as empty fields: no property.
    const line = fields.length === 0 ? `${start}\n` : `${start},${fields.join(',')}\n`;
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    if (this.used + line.length * 3 > this.chunk.length) {
      this.flush();
      if (line.length * 3 > this.chunk.length) this.chunk = Buffer.allocUnsafe(line.length * 3);
    }
    this.used += this.chunk.write(line, this.used);
  }

  /** Resolves once the stream has taken the chunks handed to it (awaited once per batch of rows). */
  drained(): Promise<void> {
    return this.backlog ?? Promise.resolve();
  }

  /** Writes the rest of the rows and the header; returns both files' paths. */
  async close(): Promise<{ header: string; body: string }> {
    this.flush();
    await this.drained();
    await new Promise((resolve) => this.out.end(resolve));
    const header = `${this.base}.header.csv`;
    const names = [...this.columns].map(([name, { type }]) => (type === 'string' ? name : `${name}:${type}`));
    await writeFile(header, `${[...this.leading, ...names].join(',')}\n`);
    return { header, body: `${this.base}.csv` };
  }

  /** Hands the filled part of the chunk to the stream (which keeps it) and starts a new chunk. */
  private flush(): void {
    if (this.used === 0) return;
    const full = this.chunk.subarray(0, this.used);
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    if (!this.out.write(full) && !this.backlog) {
      this.backlog = once(this.out, 'drain').then(() => {
        this.backlog = undefined;
      });
    }
  }
}

function csvType(value: Value): string {
  return Array.isArray(value) ? 'string[]' : typeof value === 'number' ? 'double' : typeof value === 'boolean' ? 'boolean' : 'string';
}

/**
 * Runs Neo4j's bulk importer on the files `writeBulkCsv` wrote, into the
 * (empty, stopped) database `neo4j` of the local Neo4j home `home`, with the
 * jars we already fetch. Returns the importer's time in seconds. Constraints and
 * indexes are applied when Neo4j next starts (src/bootstrap.ts).
 */
export async function runBulkImport(projectRoot: string, home: string, input: BulkFiles, log: (line: string) => void): Promise<number> {
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
      ...input.files,
      `--array-delimiter=${ARRAY_DELIMITER}`,
      // Parsing for line breaks inside values halves the importer's speed: only for the files that have them.
      ...(input.multilineFiles.length === 0 ? ['--multiline-fields=false'] : ['--multiline-fields-format=v2', `--multiline-fields=${input.multilineFiles.join(',')}`]),
      '--overwrite-destination',
      `--report-file=${join(home, 'import.report')}`,
      'neo4j',
    ],
    { env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf }, maxBuffer: 64 * 1024 * 1024 },
  );
  return (performance.now() - started) / 1000;
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
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}
