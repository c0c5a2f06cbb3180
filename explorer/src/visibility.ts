/**
 * Which loaded entities and relationships are shown under the filters. Pure,
 * so the rules are unit-tested: see tests/unit/explorer/visibility.test.ts.
 */
import type { Subgraph } from './api.js';
import type { Provenance } from './view-state.js';

export interface Filters {
  /** Entity types shown; null: all. */
  readonly types: ReadonlySet<string> | null;
  /** Relationship types shown; null: all. */
  readonly rels: ReadonlySet<string> | null;
  /** Whole-year window; null: unbounded on that side. */
  readonly from: number | null;
  readonly to: number | null;
  /** Undated relationships: shown in every window ('show'), or left out once a window is set ('hide'). Undated entities always pass. */
  readonly undated?: 'show' | 'hide';
  /** Entities taken off the graph by the user. */
  readonly hidden?: ReadonlySet<string>;
  /** Facts shown by provenance; absent: the live ones (seed and curated), never the retracted. */
  readonly origins?: ReadonlySet<Provenance>;
}

const LIVE: ReadonlySet<Provenance> = new Set(['seed', 'curated']);

export interface Visible {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

/**
 * Does a date span (ISO dates, either end possibly missing) overlap the year
 * window? Undated things are timeless: they always overlap. A span with only
 * a start runs on; one with only an end held until then.
 */
export function overlapsYears(dateFrom: string | null, dateTo: string | null, from: number | null, to: number | null, undated: 'show' | 'hide' = 'show'): boolean {
  if (undated === 'hide' && dateFrom === null && dateTo === null && (from !== null || to !== null)) return false;
  const start = dateFrom === null ? null : Number(dateFrom.slice(0, 4));
  const end = dateTo === null ? null : Number(dateTo.slice(0, 4));
  if (from !== null && end !== null && end < from) return false;
  if (to !== null && start !== null && start > to) return false;
  return true;
}

/**
 * The shown part of `graph`:
 * - a relationship is shown if its type passes (a derived tie's kind always does), its dates overlap the window (an undated one
 *   passes unless `undated` is 'hide' and a window is set) and both its ends pass;
 * - an entity passes if its type passes and its dates overlap the window; it is shown if it
 *   passes and is an anchor (opened or expanded) or has a shown relationship;
 * - an entity or relationship passes only if its provenance (seed, curated, retracted) is shown; retracted facts are not by default;
 * - an entity the user hid is not shown, nor are its relationships;
 * - pinned elements (the shortest paths asked for) are always shown.
 */
export function visibleElements(
  graph: Subgraph,
  filters: Filters,
  anchors: ReadonlySet<string>,
  pinned: { readonly nodes: ReadonlySet<string>; readonly edges: ReadonlySet<string> },
): Visible {
  const origins = filters.origins ?? LIVE;
  const passes = new Set<string>();
  for (const node of graph.nodes) {
    if (filters.hidden?.has(node.key)) continue;
    if (!origins.has(node.provenance ?? 'seed')) continue;
    if ((filters.types === null || filters.types.has(node.type)) && overlapsYears(node.dateFrom, node.dateTo, filters.from, filters.to)) {
      passes.add(node.key);
    }
  }
  const edges = new Set<string>();
  const linked = new Set<string>();
  for (const edge of graph.edges) {
    const shown =
      pinned.edges.has(edge.id) ||
      ((filters.rels === null || filters.rels.has(edge.type) || edge.derived) &&
        origins.has(edge.provenance ?? 'seed') &&
        overlapsYears(edge.validFrom, edge.validTo, filters.from, filters.to, filters.undated) &&
        passes.has(edge.from) &&
        passes.has(edge.to));
    if (shown) {
      edges.add(edge.id);
      linked.add(edge.from);
      linked.add(edge.to);
    }
  }
  const nodes = new Set<string>();
  for (const node of graph.nodes) {
    const key = node.key;
    if (pinned.nodes.has(key) || (passes.has(key) && (anchors.has(key) || linked.has(key)))) nodes.add(key);
  }
  return { nodes, edges };
}
