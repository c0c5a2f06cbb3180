import type { Database } from '../db/database.js';
import { countExport, streamExportEdges, streamExportNodes, type ExportStreamOptions } from '../db/export-stream.js';
import { EDGE_ATTRIBUTES, nodeAttributes, type ExportEdge, type ExportGraph, type ExportNode } from './attribute-schema.js';
import { chunked } from './chunked.js';
import { describeRequest, ExportRequestError, type ExportRequest } from './export-request.js';
import { FORMATS } from './export-formats.js';
import { toExportEdge, toExportNode } from './export-elements.js';
import { computeMetrics, withMetrics } from './graph-metrics.js';

/** Metrics hold the whole selection in memory and betweenness costs nodes × edges: the API caps them. */
export const METRICS_MAX_EDGES = 50_000;

export interface RunExportOptions extends ExportStreamOptions {
  /** Largest selection (in relationships) that metrics are computed for; default METRICS_MAX_EDGES. */
  readonly metricsMaxEdges?: number;
  /** Called as elements pass, about every thousand, and once at the end of each phase. */
  readonly onProgress?: (progress: { nodes: number; edges: number }) => void;
  /** ISO day for file metadata; today by default. */
  readonly today?: string;
}

/**
 * Runs one export as a stream of text chunks: nodes straight from Neo4j to the
 * writer, then edges. Without metrics nothing is held beyond one chunk; with
 * metrics the selection is first read into memory (and refused above the cap).
 */
export async function* runExport(db: Database, request: ExportRequest, options: RunExportOptions = {}): AsyncGenerator<string> {
  const progress = { nodes: 0, edges: 0 };
  const report = (force: boolean): void => {
    if (force || (progress.nodes + progress.edges) % 1000 === 0) options.onProgress?.({ ...progress });
  };
  const nodes: AsyncIterable<ExportNode> = {
    async *[Symbol.asyncIterator]() {
      for await (const entity of streamExportNodes(db, request.selection, options)) {
        progress.nodes += 1;
        report(false);
        yield toExportNode(entity);
      }
      report(true);
    },
  };
  const edges: AsyncIterable<ExportEdge> = {
    async *[Symbol.asyncIterator]() {
      for await (const relationship of streamExportEdges(db, request.selection, options)) {
        progress.edges += 1;
        report(false);
        yield toExportEdge(relationship);
      }
      report(true);
    },
  };
  const graph: ExportGraph = {
    nodeAttributes: nodeAttributes(request.metrics),
    edgeAttributes: EDGE_ATTRIBUTES,
    nodes,
    edges,
    description: describeRequest(request),
  };
  const writerOptions = { dynamic: request.dynamic, today: options.today ?? new Date().toISOString().slice(0, 10) };
  const write = FORMATS[request.format].write;
  yield* chunked(write(request.metrics ? await withGraphMetrics(db, request, graph, options) : graph, writerOptions));
}

/** Reads the selection into memory, computes the metrics and replays it with them. */
async function withGraphMetrics(db: Database, request: ExportRequest, graph: ExportGraph, options: RunExportOptions): Promise<ExportGraph> {
  const limit = options.metricsMaxEdges ?? METRICS_MAX_EDGES;
  const size = await countExport(db, request.selection, options);
  if (size.edges > limit) {
    throw new ExportRequestError(
      'metrics',
      `metrics need the whole selection in memory; this one has ${size.edges} relationships, the limit is ${limit}. Narrow the selection or leave metrics out.`,
    );
  }
  const nodes: ExportNode[] = [];
  for await (const node of graph.nodes) nodes.push(node);
  const edges: ExportEdge[] = [];
  for await (const edge of graph.edges) edges.push(edge);
  const metrics = computeMetrics(nodes, edges);
  return { ...graph, nodes: toAsync(nodes.map((n) => withMetrics(n, metrics.get(n.id)))), edges: toAsync(edges) };
}

async function* toAsync<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}
