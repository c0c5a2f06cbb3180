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
 * the rows: per label and per type one file, or a few when a column first
 * appears after rows were written (the columns are those of the first 1,000
 * rows, and a new one starts a new file with a wider header). Nodes are
 * `id:ID(Entity)` then their properties, and get `Entity:<kind>` from the
 * importer argument (`--nodes=Entity:Person=nodes-Person-1.csv`);
 * relationships are `:START_ID(Entity)`,`:END_ID(Entity)` then their
 * properties (`--relationships=OWNS=relationships-OWNS-1.csv`). Numbers are
 * doubles (as the driver sends them), lists are joined by `|`. Shared by
 * `npm run import` and the benchmark's graph generator.
 */
export async function writeBulkCsv(
  dir: string,
  nodes: RowSource<BulkNode>,
  relationships: RowSource<BulkRelationship>,
): Promise<BulkFiles & { nodes: number; relationships: number }> {
  await mkdir(dir, { recursive: true });
  const { files: nodeFiles, count: nodeCount } = await writeKinds(
    nodes,
    (row) => row.label,
    (label) => {
      if (!isEntityLabel(label)) throw new Error(`invariant: ${String(label)} is not a model label`);
      return new KindCsvFiles(join(dir, `nodes-${label}`), ['id:ID(Entity)'], new Set(['id']));
    },
    (file, row) => {
      file.add(csv(row.props['id']), row.props);
    },
  );
  const { files: relationshipFiles, count: relationshipCount } = await writeKinds(
    relationships,
    (row) => row.type,
    (type) => {
      if (!isRelationshipType(type)) throw new Error(`invariant: ${String(type)} is not a model relationship type`);
      return new KindCsvFiles(join(dir, `relationships-${type}`), [':START_ID(Entity)', ':END_ID(Entity)'], new Set());
    },
    (file, row) => {
      file.add(`${csv(row.from)},${csv(row.to)}`, row.props);
    },
  );
  const files: string[] = [];
  const multilineFiles: string[] = [];
  const close = async (argument: string, file: KindCsvFiles): Promise<void> => {
    for (const part of await file.close()) {
      files.push(`${argument}${part.path}`);
      if (part.multiline) multilineFiles.push(part.path);
    }
  };
  for (const [label, file] of nodeFiles) await close(`--nodes=${ENTITY_LABEL}:${label}=`, file);
  for (const [type, file] of relationshipFiles) await close(`--relationships=${type}=`, file);
  return { files, multilineFiles, nodes: nodeCount, relationships: relationshipCount };
}

/** Every row into its kind's files, opened on first use; the streams are waited for once per batch. */
async function writeKinds<R, K extends string>(
  batches: RowSource<R>,
  kindOf: (row: R) => K,
  open: (kind: K) => KindCsvFiles,
  write: (file: KindCsvFiles, row: R) => void,
): Promise<{ files: Map<K, KindCsvFiles>; count: number }> {
  const files = new Map<K, KindCsvFiles>();
  let count = 0;
  for (const batch of batches) {
    for (const row of batch) {
      const kind = kindOf(row);
      let file = files.get(kind);
      if (!file) {
        file = open(kind);
        files.set(kind, file);
      }
      write(file, row);
    }
    count += batch.length;
    for (const file of files.values()) await file.drained();
  }
  return { files, count };
}

/** Rows held back before a file's first part is opened, so that its header already has the columns they use. */
const HELD_ROWS = 1_000;

/**
 * One label's or type's rows, as one or more CSV files (`<base>-1.csv` ...)
 * with their own header each: a row with a column no header had yet starts
 * the next file, since the importer needs every field of a row present.
 * Rows are encoded into chunks handed to the current file's stream.
 */
class KindCsvFiles {
  private readonly columns = new Map<string, { index: number; type: string }>();
  private held: { start: string; props: Readonly<Record<string, Value>> }[] | undefined = [];
  private readonly parts: { path: string; multiline: boolean }[] = [];
  private out: WriteStream | undefined;
  private readonly closing: Promise<unknown>[] = [];
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  /** Set while the current stream holds more than its high-water mark. */
  private backlog: Promise<void> | undefined;

  constructor(
    private readonly base: string,
    private readonly leading: readonly string[],
    private readonly skip: ReadonlySet<string>,
  ) {}

  /** Appends a row: `start` (its leading fields, already CSV) and its properties by column. */
  add(start: string, props: Readonly<Record<string, Value>>): void {
    const grew = this.note(props);
    if (this.held) {
      this.held.push({ start, props });
      if (this.held.length >= HELD_ROWS) this.writeHeld();
      return;
    }
    if (grew) this.openPart();
    this.write(start, props);
  }

  /** Resolves once the stream has taken the chunks handed to it (awaited once per batch of rows). */
  drained(): Promise<void> {
    return this.backlog ?? Promise.resolve();
  }

  /** Writes the rest of the rows; returns the files and whether each has a value across lines. */
  async close(): Promise<readonly { path: string; multiline: boolean }[]> {
    this.writeHeld();
    this.endPart();
    await Promise.all(this.closing);
    return this.parts;
  }

  /** Records the columns and CSV types of `props`; true when a column is new. */
  private note(props: Readonly<Record<string, Value>>): boolean {
    let grew = false;
    for (const name in props) {
      if (this.skip.has(name)) continue;
      const type = csvType(props[name]!);
      const column = this.columns.get(name);
      if (!column) {
        this.columns.set(name, { index: this.columns.size, type });
        grew = true;
      } else if (column.type !== type) throw new Error(`invariant: ${this.base}.${name} is both ${column.type} and ${type}`);
    }
    return grew;
  }

  private writeHeld(): void {
    if (!this.held) return;
    const held = this.held;
    this.held = undefined;
    if (held.length === 0) return;
    this.openPart();
    for (const row of held) this.write(row.start, row.props);
  }

  /** Ends the current file and starts the next, with a header of every column so far. */
  private openPart(): void {
    this.endPart();
    const path = `${this.base}-${this.parts.length + 1}.csv`;
    this.parts.push({ path, multiline: false });
    this.out = createWriteStream(path);
    const names = [...this.columns].map(([name, { type }]) => (type === 'string' ? name : `${name}:${type}`));
    this.append(`${[...this.leading, ...names].join(',')}\n`);
  }

  private endPart(): void {
    this.flush();
    const out = this.out;
    if (out) this.closing.push(new Promise((resolve) => out.end(resolve)));
    this.out = undefined;
    // An ending stream emits no 'drain': its end, awaited in `close`, stands for it.
    this.backlog = undefined;
  }

  private write(start: string, props: Readonly<Record<string, Value>>): void {
    // Every column of the header gets a field; the ones the row lacks stay empty (no property).
    const fields = new Array<string>(this.columns.size).fill('');
    for (const name in props) {
      if (this.skip.has(name)) continue;
      const field = csv(props[name]);
      if (/[\r\n]/.test(field)) this.parts[this.parts.length - 1]!.multiline = true;
      fields[this.columns.get(name)!.index] = field;
    }
    this.append(fields.length === 0 ? `${start}\n` : `${start},${fields.join(',')}\n`);
  }

  private append(line: string): void {
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    if (this.used + line.length * 3 > this.chunk.length) {
      this.flush();
      if (line.length * 3 > this.chunk.length) this.chunk = Buffer.allocUnsafe(line.length * 3);
    }
    this.used += this.chunk.write(line, this.used);
  }

  /** Hands the filled part of the chunk to the stream (which keeps it) and starts a new chunk. */
  private flush(): void {
    if (this.used === 0 || !this.out) return;
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
