/** The drawn graph: the union of the subgraphs loaded for a view. */
import type { EntitySummary, PathView, RelationshipView, Subgraph } from './api.js';

/** Merges subgraphs: one node per key, one edge per id, and only edges whose both ends are present. */
export function mergeSubgraphs(parts: readonly Subgraph[]): Subgraph {
  const nodes = new Map<string, EntitySummary>();
  const edges = new Map<string, RelationshipView>();
  for (const part of parts) for (const node of part.nodes) if (!nodes.has(node.key)) nodes.set(node.key, node);
  for (const part of parts) {
    for (const edge of part.edges) if (!edges.has(edge.id) && nodes.has(edge.from) && nodes.has(edge.to)) edges.set(edge.id, edge);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** The entities and relationships of some paths, as a subgraph. */
export function pathsSubgraph(paths: readonly PathView[]): Subgraph {
  return { nodes: paths.flatMap((p) => p.nodes), edges: paths.flatMap((p) => p.hops.map((h) => h.relationship)) };
}

/** The keys and relationship ids on some paths (what gets highlighted). */
export function pathElements(paths: readonly PathView[]): { nodes: Set<string>; edges: Set<string> } {
  return {
    nodes: new Set(paths.flatMap((p) => p.nodes.map((n) => n.key))),
    edges: new Set(paths.flatMap((p) => p.hops.map((h) => h.relationship.id))),
  };
}
