import type { Database } from '../db/database.js';
import { countExport, streamExportEdges, streamExportNodes, type ExportStreamOptions } from '../db/export-stream.js';
import { NetworkTooLargeError, readNetwork } from '../db/network-store.js';
import { RELATIONSHIP_TYPES } from '../model/graph-model.js';
import type { Layer } from '../model/layers.js';
import { shapeNetwork } from '../network/network-view.js';
import { EDGE_ATTRIBUTES, nodeAttributes, RETRACTION_ATTRIBUTES, TIE_ATTRIBUTES, type ExportEdge, type ExportGraph, type ExportNode } from './attribute-schema.js';
import { chunked } from './chunked.js';
import { describeRequest, ExportRequestError, ExportTooLargeError, isDirected, type ExportRequest } from './export-request.js';
import { FORMATS } from './export-formats.js';
import { toExportEdge, toExportNode, toTieEdge } from './export-elements.js';
import { computeMetrics, withMetrics } from './graph-metrics.js';
import { mergedEdgeAttributes, mergeParallelEdges } from './parallel-ties.js';

/** Metrics hold the whole selection in memory and betweenness costs nodes × edges: the API caps them. */
export const METRICS_MAX_EDGES = 50_000;

export interface RunExportOptions extends ExportStreamOptions {
  /** Largest selection (in relationships) that metrics are computed for; default METRICS_MAX_EDGES. */
  readonly metricsMaxEdges?: number;
  /** Most entities an ego network may reach before a projection export is refused (NETWORK_TOO_LARGE); default PROJECTION_MAX_NODES. */
  readonly projectionMaxNodes?: number;
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
  const writerOptions = { dynamic: request.dynamic, today: options.today ?? new Date().toISOString().slice(0, 10) };
  if (request.projection?.kind === 'layers') {
    const projected = await projectedGraph(db, request, request.projection.layers, options);
    yield* chunked(FORMATS[request.format].write(withParallelTies(projected, request, false), writerOptions));
    return;
  }
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
  // The retraction columns are declared only when asked for, so the default files keep their columns.
  const retraction = request.selection.includeRetracted ? RETRACTION_ATTRIBUTES : [];
  const graph: ExportGraph = {
    nodeAttributes: [...nodeAttributes(request.metrics), ...retraction],
    edgeAttributes: [...EDGE_ATTRIBUTES, ...retraction],
    nodes,
    edges,
    description: describeRequest(request),
  };
  const write = FORMATS[request.format].write;
  const complete = request.metrics ? await withGraphMetrics(db, request, graph, options) : graph;
  // The stream (and the metrics' replay of it) comes start node by start node; retracted ties, when
  // asked for, follow the live ones in a second pass, so then the merge holds every edge until the end.
  const groupedBySource = request.selection.includeRetracted !== true;
  yield* chunked(write(withParallelTies(complete, request, groupedBySource), writerOptions));
}

/**
 * The graph as written: with parallel=merge, each group of parallel edges folded
 * into one (src/export/parallel-ties.ts). Metrics were computed before, on every
 * tie, so they are the same in every format and with either setting.
 */
function withParallelTies(graph: ExportGraph, request: ExportRequest, groupedBySource: boolean): ExportGraph {
  if (request.parallel !== 'merge') return graph;
  const edgeAttributes = mergedEdgeAttributes(graph.edgeAttributes);
  const key = { byKind: request.format !== 'graphml', directed: graph.directed !== false, groupedBySource };
  return { ...graph, edgeAttributes, edges: { [Symbol.asyncIterator]: () => mergeParallelEdges(graph.edges, edgeAttributes, key) } };
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
  const directed = isDirected(request);
  const metrics = computeMetrics(nodes, edges, directed);
  return {
    ...graph,
    nodeAttributes: nodeAttributes(true, directed),
    nodes: toAsync(nodes.map((n) => withMetrics(n, metrics.get(n.id)))),
    edges: toAsync(edges),
  };
}

/**
 * A network view of the chosen layers as an export: the shown entities and their
 * direct and derived ties (src/network/), read into memory in one round trip,
 * windowed like the `network` query, with metrics computed on it when asked.
 */
async function projectedGraph(db: Database, request: ExportRequest, layers: readonly Layer[], options: RunExportOptions): Promise<ExportGraph> {
  const { selection } = request;
  const maxNodes = options.projectionMaxNodes ?? PROJECTION_MAX_NODES;
  const network = await readNetwork(
    db,
    { layers, types: selection.types, relationshipTypes: selection.relationshipTypes ?? RELATIONSHIP_TYPES },
    selection.ego ? { kind: 'ball', centres: [selection.ego.key], radius: selection.ego.depth, maxNodes } : { kind: 'all' },
  ).catch((error: unknown) => {
    if (!(error instanceof NetworkTooLargeError) || !selection.ego) throw error;
    const { key, depth } = selection.ego;
    throw new ExportTooLargeError(
      'depth',
      `The network within ${depth} step${depth === 1 ? '' : 's'} of "${key}" reaches more than ${error.limit} entities (MAX_NETWORK_NODES): ` +
        'lower `depth`, or narrow `projection`, `types` or `relationshipTypes`.',
      error.limit,
    );
  });
  const view = shapeNetwork(
    network.nodes.map((n) => n.entity),
    network.ties,
    { from: selection.from, to: selection.to, undated: request.undated ?? 'include', minWeight: 1, limit: Number.POSITIVE_INFINITY, dropIsolates: false },
  );
  const limit = options.metricsMaxEdges ?? METRICS_MAX_EDGES;
  if (request.metrics && view.ties.length > limit) {
    throw new ExportRequestError('metrics', `metrics need the whole projection in memory; this one has ${view.ties.length} ties, the limit is ${limit}.`);
  }
  const nodes = view.nodes.map(toExportNode);
  const edges = view.ties.map(toTieEdge);
  options.onProgress?.({ nodes: nodes.length, edges: edges.length });
  const directed = isDirected(request);
  const metrics = request.metrics ? computeMetrics(nodes, edges, directed) : null;
  return {
    nodeAttributes: nodeAttributes(request.metrics, directed),
    edgeAttributes: [...EDGE_ATTRIBUTES, ...TIE_ATTRIBUTES],
    nodes: toAsync(metrics ? nodes.map((n) => withMetrics(n, metrics.get(n.id))) : nodes),
    edges: toAsync(edges),
    description: describeRequest(request),
    directed,
  };
}

/** Largest ego network a projection export reads around its centre, unless the caller says (the API passes MAX_NETWORK_NODES). */
const PROJECTION_MAX_NODES = 100_000;

async function* toAsync<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}
