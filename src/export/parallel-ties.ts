import type { Attribute, AttributeValue, ExportEdge } from './attribute-schema.js';
import { LIST_SEPARATOR } from './attribute-schema.js';

/** What an export does with parallel ties: `keep` writes each as its own edge, `merge` folds them into one. */
export type ParallelTies = 'keep' | 'merge';

export const PARALLEL_TIES: readonly ParallelTies[] = ['keep', 'merge'];

/**
 * Which edges count as parallel. Gephi's importer folds edges with the same ends
 * and kind (GEXF's `kind`) into one, summing weights and keeping one edge's
 * attributes; its GraphML reader has no kind, so there it folds every edge
 * between the same ends. We merge the same groups first, deliberately, so that
 * nothing is dropped on import.
 */
export interface ParallelKey {
  /** Same kind needed as well as the same ends (GEXF); false: same ends only (GraphML). */
  readonly byKind: boolean;
  /** Whether `a → b` and `b → a` are different edges. */
  readonly directed: boolean;
  /**
   * The input comes grouped by source (the whole-graph stream, start node by start
   * node): a source's groups are written as soon as the next source begins, so
   * memory holds one node's edges. Otherwise every edge is held until the end.
   */
  readonly groupedBySource: boolean;
}

/** Columns a merge adds: how many ties each edge stands for, and a weight that agrees with it. */
export const MULTIPLICITY: Attribute = {
  name: 'multiplicity',
  type: 'int',
  description: 'How many stored relationships or ties this edge stands for (parallel=merge folds parallel ones into one edge); 1 otherwise. Degree and PageRank in the file count it: weight by it to recompute them.',
};
const MERGED_WEIGHT: Attribute = {
  name: 'weight',
  type: 'double',
  description: 'The sum of the merged ties\' weights (1 per stored relationship), so Gephi\'s edge weight agrees with multiplicity.',
};

/** The edge columns of a merged export: the graph's, plus multiplicity and (if it has none) weight. */
export function mergedEdgeAttributes(attributes: readonly Attribute[]): readonly Attribute[] {
  const hasWeight = attributes.some((a) => a.name === 'weight');
  return [...attributes, ...(hasWeight ? [] : [MERGED_WEIGHT]), MULTIPLICITY];
}

/**
 * Folds each group of parallel edges into one edge that keeps every tie's
 * citations and ids (see mergeGroup). Edges in no group pass through with
 * multiplicity 1. `attributes` are the columns of the output (mergedEdgeAttributes).
 */
export async function* mergeParallelEdges(edges: AsyncIterable<ExportEdge>, attributes: readonly Attribute[], key: ParallelKey): AsyncGenerator<ExportEdge> {
  let groups = new Map<string, ExportEdge[]>();
  let source: string | null = null;
  for await (const edge of edges) {
    if (key.groupedBySource && edge.source !== source) {
      // Sources arrive in id order; one seen again would be split across two flushes.
      if (source !== null && edge.source < source) throw new Error(`invariant: export edges are not grouped by source (${edge.source} after ${source})`);
      yield* flush(groups, attributes);
      groups = new Map();
      source = edge.source;
    }
    const [a, b] = key.directed || edge.source <= edge.target ? [edge.source, edge.target] : [edge.target, edge.source];
    // A retracted tie (includeRetracted) is never folded into a live one: its retraction would be lost.
    const id = JSON.stringify([a, b, key.byKind ? edge.values['relationshipType'] ?? '' : '', edge.values['retracted'] === true]);
    const group = groups.get(id);
    if (group) group.push(edge);
    else groups.set(id, [edge]);
  }
  yield* flush(groups, attributes);
}

function* flush(groups: ReadonlyMap<string, ExportEdge[]>, attributes: readonly Attribute[]): Generator<ExportEdge> {
  for (const group of groups.values()) yield mergeGroup(group, attributes);
}

/** Columns whose values are lists of what the ties carry: every tie's entries, none dropped. */
const CONCATENATED = new Set(['relationshipId', 'citations', 'evidence', 'evidenceRelationships']);
/** Columns naming what the ties are: each distinct value once. */
const DISTINCT = new Set(['label', 'relationshipType', 'origin']);

/**
 * One edge for a group of parallel ones (ordered by id, so the output is stable):
 * id the ties' ids joined by `+`; relationshipId, citations and evidence the ties'
 * lists concatenated; label, type and origin each distinct value; validFrom/validTo
 * the union of their spans (open if any tie is open or undated on that side);
 * weight the sum; multiplicity the count. Any other column keeps the ties' common
 * value, or, where they differ, each tie's value in relationshipId order
 * (`;`-separated, empty where a tie has none); a number that differs is left out.
 */
export function mergeGroup(group: readonly ExportEdge[], attributes: readonly Attribute[]): ExportEdge {
  const ties = [...group].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const first = ties[0];
  if (!first) throw new Error('invariant: empty group of parallel edges');
  const values: Record<string, AttributeValue | undefined> = {};
  for (const attribute of attributes) {
    const name = attribute.name;
    const all = ties.map((t) => t.values[name]);
    const present = all.filter((v) => v !== undefined);
    if (name === 'multiplicity') values[name] = ties.reduce((n, t) => n + numberOr(t.values[name], 1), 0);
    else if (name === 'weight') values[name] = ties.reduce((n, t) => n + numberOr(t.values[name], 1), 0);
    else if (name === 'validFrom') values[name] = present.length < ties.length ? undefined : present.map(String).sort()[0];
    else if (name === 'validTo') values[name] = present.length < ties.length ? undefined : present.map(String).sort().at(-1);
    else if (name === 'derived') values[name] = present.length === 0 ? undefined : present.some((v) => v === true);
    else if (CONCATENATED.has(name)) values[name] = present.length === 0 ? undefined : present.map(String).join(LIST_SEPARATOR);
    else if (DISTINCT.has(name)) values[name] = present.length === 0 ? undefined : [...new Set(present.map(String))].join(LIST_SEPARATOR);
    else if (present.length === 0) values[name] = undefined;
    else if (all.every((v) => v === all[0])) values[name] = all[0];
    else if (attribute.type === 'string') values[name] = all.map((v) => (v === undefined ? '' : String(v))).join(LIST_SEPARATOR);
    else values[name] = undefined;
  }
  return {
    id: ties.length === 1 ? first.id : ties.map((t) => t.id).join('+'),
    source: first.source,
    target: first.target,
    values,
  };
}

function numberOr(value: AttributeValue | undefined, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}
