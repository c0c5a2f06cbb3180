import { MultiDirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import type { AttributeValue, ExportEdge, ExportNode } from './attribute-schema.js';

// These are CommonJS modules (`module.exports = fn`) whose typings say `export default`:
// under NodeNext TypeScript types the default import as the module object, while Node
// hands over `module.exports`, the function itself.
const louvain = louvainModule as unknown as typeof louvainModule.default;
const betweenness = betweennessModule as unknown as typeof betweennessModule.default;
const pagerank = pagerankModule as unknown as typeof pagerankModule.default;

export type NodeMetrics = Readonly<Record<'degree' | 'inDegree' | 'outDegree' | 'betweenness' | 'pagerank' | 'community', number>>;

/**
 * Degree, in/out degree, betweenness, PageRank and a Louvain community for each
 * node, computed with graphology on the whole selection, which must therefore
 * be in memory: callers cap its size. The graph is directed and keeps parallel
 * edges; Louvain runs from a fixed seed, so the same selection always gets the
 * same community numbers, in every format.
 */
export function computeMetrics(nodes: readonly ExportNode[], edges: readonly ExportEdge[]): Map<string, NodeMetrics> {
  const graph = new MultiDirectedGraph();
  for (const node of nodes) graph.addNode(node.id);
  for (const edge of edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.addEdgeWithKey(edge.id, edge.source, edge.target);
  }
  if (graph.order === 0) return new Map();
  const between = betweenness(graph, { normalized: true });
  const rank = graph.size === 0 ? {} : pagerank(graph, { getEdgeWeight: null, alpha: 0.85 });
  const communities = louvain(graph, { rng: seededRandom(20161215) });
  const out = new Map<string, NodeMetrics>();
  graph.forEachNode((id) => {
    out.set(id, {
      degree: graph.degree(id),
      inDegree: graph.inDegree(id),
      outDegree: graph.outDegree(id),
      betweenness: between[id] ?? 0,
      pagerank: rank[id] ?? 1 / graph.order,
      community: communities[id] ?? 0,
    });
  });
  return out;
}

/** The node with its metrics added as attributes. */
export function withMetrics(node: ExportNode, metrics: NodeMetrics | undefined): ExportNode {
  if (!metrics) return node;
  const values: Record<string, AttributeValue | undefined> = { ...node.values, ...metrics };
  return { id: node.id, values };
}

/** mulberry32: a small deterministic PRNG, so Louvain's random walk is repeatable. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
