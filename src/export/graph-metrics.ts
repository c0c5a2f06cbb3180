import { DirectedGraph, MultiDirectedGraph, MultiUndirectedGraph, UndirectedGraph } from 'graphology';
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
 * be in memory: callers cap its size. The graph is directed or undirected as
 * asked (projected ties have no direction of their own) and keeps parallel
 * edges, unweighted; Louvain runs from a fixed seed, so the same selection
 * always gets the same community numbers, in every format. On an undirected
 * graph in- and out-degree equal the degree.
 */
export function computeMetrics(nodes: readonly ExportNode[], edges: readonly ExportEdge[], directed = true): Map<string, NodeMetrics> {
  const graph = directed ? new MultiDirectedGraph() : new MultiUndirectedGraph();
  for (const node of nodes) graph.addNode(node.id);
  for (const edge of edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.addEdgeWithKey(edge.id, edge.source, edge.target);
  }
  if (graph.order === 0) return new Map();
  // Betweenness counts shortest paths between nodes, not between parallel edges (as NetworkX
  // and igraph do): on a multigraph graphology would count each parallel edge as another path.
  const between = betweenness(simpleCopy(graph, directed), { normalized: true });
  const rank = graph.size === 0 ? {} : pagerank(graph, { getEdgeWeight: null, alpha: 0.85 });
  const communities = louvain(graph, { rng: seededRandom(20161215) });
  const out = new Map<string, NodeMetrics>();
  graph.forEachNode((id) => {
    out.set(id, {
      degree: graph.degree(id),
      inDegree: directed ? graph.inDegree(id) : graph.degree(id),
      outDegree: directed ? graph.outDegree(id) : graph.degree(id),
      betweenness: between[id] ?? 0,
      pagerank: rank[id] ?? 1 / graph.order,
      community: communities[id] ?? 0,
    });
  });
  return out;
}

/** The graph with parallel edges merged into one. */
function simpleCopy(graph: MultiDirectedGraph | MultiUndirectedGraph, directed: boolean): DirectedGraph | UndirectedGraph {
  const simple = directed ? new DirectedGraph() : new UndirectedGraph();
  graph.forEachNode((id) => simple.addNode(id));
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (!simple.hasEdge(source, target)) simple.addEdge(source, target);
  });
  return simple;
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
