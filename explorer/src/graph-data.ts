/** The drawn graph: the union of the subgraphs loaded for a view. */
import type { EntitySummary, PathView, RelationshipCount, RelationshipView, Subgraph } from './api.js';

/** Merges subgraphs: one node per key, one edge per id, and only edges whose both ends are present. */
export function mergeSubgraphs(parts: readonly Subgraph[]): Subgraph {
  const nodes = new Map<string, EntitySummary>();
  const edges = new Map<string, RelationshipView>();
  const totals = new Map<string, readonly RelationshipCount[]>();
  const neighbourTotals = new Map<string, number>();
  const omitted = new Map<string, number>();
  for (const part of parts) {
    for (const [key, counts] of part.totals ?? []) totals.set(key, counts);
    for (const [key, total] of part.neighbourTotals ?? []) neighbourTotals.set(key, Math.max(total, neighbourTotals.get(key) ?? 0));
    for (const [key, count] of part.omitted ?? []) omitted.set(key, count);
  }
  for (const part of parts) for (const node of part.nodes) if (!nodes.has(node.key)) nodes.set(node.key, node);
  for (const part of parts) {
    for (const edge of part.edges) if (!edges.has(edge.id) && nodes.has(edge.from) && nodes.has(edge.to)) edges.set(edge.id, edge);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], totals, neighbourTotals, omitted };
}

/**
 * How many of an entity's neighbours are not in view: for a one-step
 * neighbourhood, its total (as the API counted it) less the neighbours
 * loaded; for a two-step network, what the API's cap left out. 0 when unknown.
 */
export function neighboursLeftOut(graph: Subgraph, key: string): number {
  const total = graph.neighbourTotals?.get(key);
  if (total !== undefined) {
    const loaded = new Set<string>();
    for (const edge of graph.edges) {
      if (edge.from === key) loaded.add(edge.to);
      else if (edge.to === key) loaded.add(edge.from);
    }
    loaded.delete(key);
    return Math.max(0, total - loaded.size);
  }
  return graph.omitted?.get(key) ?? 0;
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
