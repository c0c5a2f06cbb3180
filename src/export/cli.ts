/**
 * `npm run export -- --format graphml --out graph.graphml [filters]`: writes an
 * export to a file (or to stdout with `--out -`), streaming from Neo4j, with
 * progress on stderr. The filters are the HTTP route's query parameters as
 * flags: --types Person,Country --relationship-types HOLDS_OFFICE --from 2014
 * --to 2018 --id shinzo-abe --depth 2 --metrics --dynamic. Uses NEO4J_URI, or
 * the local Neo4j.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { connect } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { countExport } from '../db/export-stream.js';
import { EXPORT_FORMATS } from './export-formats.js';
import { ExportRequestError, parseExportRequest } from './export-request.js';
import { runExport } from './run-export.js';

const USAGE = `usage: npm run export -- --format <${EXPORT_FORMATS.join('|')}> --out <file|-> [--types A,B] [--relationship-types T,U]
       [--from YYYY[-MM[-DD]]] [--to YYYY[-MM[-DD]]] [--id key [--depth n]] [--metrics] [--dynamic]
       [--projection full|actors|layers:actors,context] [--directed true|false] [--undated include|exclude]`;

const { values } = parseArgs({
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
    help: { type: 'boolean' },
  },
  strict: true,
});

if (values.help === true || values.format === undefined || values.out === undefined) {
  console.error(USAGE);
  process.exit(values.help === true ? 0 : 2);
}

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

let request;
try {
  request = parseExportRequest(values.format, params, config.limits.maxNeighborhoodDepth);
} catch (error) {
  console.error(error instanceof ExportRequestError ? `--${error.parameter}: ${error.message}` : error);
  process.exit(2);
}

const runtime = await connect(config, (line) => {
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
  const sink = values.out === '-' ? process.stdout : createWriteStream(values.out);
  await pipeline(Readable.from(chunks), sink);
  process.stderr.write(`\nWrote ${values.out === '-' ? 'stdout' : values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
} catch (error) {
  console.error(error instanceof ExportRequestError ? `\n--${error.parameter}: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await runtime.close();
}
