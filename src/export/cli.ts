/**
 * `npm run export -- --format graphml --out graph.graphml [filters]`: writes an
 * export to a file (or to stdout with `--out -`), streaming from Neo4j, with
 * progress on stderr. The filters are the HTTP route's query parameters as
 * flags. Uses NEO4J_URI, the local Neo4j the running server uses, or starts it.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseCliArgs, UsageError } from '../cli/cli-args.js';
import { connectForCli } from '../cli/connect-cli.js';
import { isClosedPipe, runCli } from '../cli/run-cli.js';
import { loadConfig } from '../config.js';
import { countExport } from '../db/export-stream.js';
import { EXPORT_FORMATS } from './export-formats.js';
import { ExportRequestError, parseExportRequest } from './export-request.js';
import { runExport } from './run-export.js';

const CLI = {
  command: 'npm run export',
  help: `Writes the graph, or a selection of it, in a format for network analysis (the same file as GET /export/<format>).

  --format <${EXPORT_FORMATS.join('|')}>   required
  --out <file|->                 required; - writes to stdout
  --types A,B                    entity types (Person,Country ...)
  --relationship-types T,U       relationship types (HOLDS_OFFICE ...)
  --from YYYY[-MM[-DD]]          date window start
  --to YYYY[-MM[-DD]]            date window end
  --id key [--depth n]           ego network around one entity
  --metrics                      add degree, betweenness, PageRank, Louvain community
  --dynamic                      GEXF: time intervals for Gephi's timeline
  --projection full|actors|layers:actors,context   which layers of the graph to export
  --directed true|false          directed or undirected edges
  --undated include|exclude      keep or drop undated entities and relationships in a date window
  --origin seed|curated          only facts from the seed files, or only facts added through curation
  --parallel merge|keep          parallel ties as one edge with all their citations (default for gexf, graphml) or one edge each
  --include-retracted            also retracted facts, marked retracted (with who, when and why)

With \`npm start\` running, it uses that server's Neo4j; otherwise NEO4J_URI, or it starts the local Neo4j itself.`,
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    types: { type: 'string' },
    'relationship-types': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    id: { type: 'string' },
    depth: { type: 'string' },
    metrics: { type: 'boolean' },
    dynamic: { type: 'boolean' },
    projection: { type: 'string' },
    directed: { type: 'string' },
    undated: { type: 'string' },
    origin: { type: 'string' },
    parallel: { type: 'string' },
    'include-retracted': { type: 'boolean' },
  },
} as const;

await runCli(CLI.command, async () => {
  const values = parseCliArgs(CLI);
  if (values.format === undefined) throw new UsageError(`${CLI.command}: --format is required (one of ${EXPORT_FORMATS.join(', ')}).`);
  if (values.out === undefined) throw new UsageError(`${CLI.command}: --out is required (a file name, or - for stdout).`);
  const out = values.out;

  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  const params = new Map<string, string>();
  const set = (name: string, value: string | boolean | undefined): void => {
    if (value !== undefined) params.set(name, String(value));
  };
  set('types', values.types);
  set('relationshipTypes', values['relationship-types']);
  set('from', values.from);
  set('to', values.to);
  set('id', values.id);
  set('depth', values.depth);
  set('metrics', values.metrics);
  set('dynamic', values.dynamic);
  set('projection', values.projection);
  set('directed', values.directed);
  set('undated', values.undated);
  set('origin', values.origin);
  set('parallel', values.parallel);
  set('includeRetracted', values['include-retracted']);

  let request;
  try {
    request = parseExportRequest(values.format, params, config.limits.maxNeighborhoodDepth);
  } catch (error) {
    if (error instanceof ExportRequestError) throw new UsageError(`${CLI.command}: --${error.parameter}: ${error.message}`);
    throw error;
  }

  const runtime = await connectForCli(config, (line) => {
    console.error(line);
  });
  try {
    const total = await countExport(runtime.db, request.selection);
    const started = Date.now();
    let last = 0;
    const onProgress = ({ nodes, edges }: { nodes: number; edges: number }): void => {
      if (Date.now() - last < 250 && nodes !== total.nodes && edges !== total.edges) return;
      last = Date.now();
      process.stderr.write(`\rnodes ${nodes.toLocaleString('en')} / ${total.nodes.toLocaleString('en')}, ` +
        `edges ${edges.toLocaleString('en')} / ${total.edges.toLocaleString('en')}   `);
    };
    // The CLI runs on the user's own machine: metrics are not capped here, only announced.
    if (request.metrics) console.error(`Metrics: reading ${total.nodes} nodes and ${total.edges} edges into memory first.`);
    const chunks = runExport(runtime.db, request, { onProgress, metricsMaxEdges: Number.POSITIVE_INFINITY });
    const sink = out === '-' ? process.stdout : createWriteStream(out);
    try {
      await pipeline(Readable.from(chunks), sink, out === '-' ? { end: false } : {});
    } catch (error) {
      // `--out - | head`: the reader has what it wanted.
      if (isClosedPipe(error)) {
        process.stderr.write('\nstdout was closed by its reader; stopped.\n');
        return;
      }
      throw error;
    }
    process.stderr.write(`\nWrote ${out === '-' ? 'stdout' : out} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  } finally {
    await runtime.close();
  }
});
