/** The drawn graph: the union of the subgraphs loaded for a view. */
import type { EntitySummary, PathView, RelationshipCount, RelationshipView, Subgraph } from './api.js';

/** Merges subgraphs: one node per key, one edge per id, and only edges whose both ends are present. */
export function mergeSubgraphs(parts: readonly Subgraph[]): Subgraph {
  const nodes = new Map<string, EntitySummary>();
  const edges = new Map<string, RelationshipView>();
  const totals = new Map<string, readonly RelationshipCount[]>();
  for (const part of parts) for (const [key, counts] of part.totals ?? []) totals.set(key, counts);
  for (const part of parts) for (const node of part.nodes) if (!nodes.has(node.key)) nodes.set(node.key, node);
  for (const part of parts) {
    for (const edge of part.edges) if (!edges.has(edge.id) && nodes.has(edge.from) && nodes.has(edge.to)) edges.set(edge.id, edge);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], totals };
}

/** A relationship type an entity has more of than the view has loaded. */
export interface HiddenTies {
  readonly type: string;
  readonly total: number;
  readonly loaded: number;
}

/**
 * What a capped neighbourhood left out: for an entity whose totals are
 * known, the relationship types with more relationships than are loaded,
 * most left out first. Empty when everything is loaded or totals are unknown.
 */
export function hiddenTies(graph: Subgraph, key: string): HiddenTies[] {
  const counts = graph.totals?.get(key);
  if (!counts) return [];
  const loaded = new Map<string, number>();
  for (const edge of graph.edges) if (edge.from === key || edge.to === key) loaded.set(edge.type, (loaded.get(edge.type) ?? 0) + 1);
  return counts
    .map((c) => ({ type: c.type, total: c.total, loaded: Math.min(loaded.get(c.type) ?? 0, c.total) }))
    .filter((c) => c.total > c.loaded)
    .sort((a, b) => b.total - b.loaded - (a.total - a.loaded) || a.type.localeCompare(b.type));
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
