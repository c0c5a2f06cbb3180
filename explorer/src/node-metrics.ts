/**
 * What sizes an entity on the map: its degree, betweenness or PageRank on
 * the ties shown (undirected, one tie per pair: derived ties have no
 * direction, and a stored one's follows the sentence, not a flow), computed
 * with graphology in the page, scaled 0..1 by the largest.
 */
import { UndirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import type { SizeMetric } from './view-state.js';

// CommonJS modules whose typings say `export default` (see src/export/graph-metrics.ts).
const betweenness = betweennessModule as unknown as typeof betweennessModule.default;
const pagerank = pagerankModule as unknown as typeof pagerankModule.default;

/** Each shown entity's score under `metric`, divided by the largest (all 0 for 'none' or an empty graph). */
export function relativeScores(nodes: readonly string[], ties: readonly { from: string; to: string }[], metric: SizeMetric): Map<string, number> {
  const scores = new Map<string, number>(nodes.map((key) => [key, 0]));
  if (metric === 'none' || nodes.length === 0) return scores;
  const graph = new UndirectedGraph();
  for (const key of nodes) graph.addNode(key);
  for (const tie of ties) {
    if (tie.from !== tie.to && graph.hasNode(tie.from) && graph.hasNode(tie.to) && !graph.hasEdge(tie.from, tie.to)) graph.addEdge(tie.from, tie.to);
  }
  let raw: Record<string, number>;
  if (metric === 'degree') raw = Object.fromEntries(graph.mapNodes((key) => [key, graph.degree(key)]));
  else if (graph.size === 0) raw = {};
  else if (metric === 'betweenness') raw = betweenness(graph, { normalized: true });
  else raw = pagerank(graph, { getEdgeWeight: null, alpha: 0.85 });
  const max = Math.max(0, ...Object.values(raw));
  for (const key of nodes) scores.set(key, max > 0 ? (raw[key] ?? 0) / max : 0);
  return scores;
}
