import { ENTITY_LABEL, RELATIONSHIP_TYPES, RETRACTED_LABEL, RETRACTED_RELATIONSHIP_LABEL, isEntityLabel, isRelationshipType, type EntityLabel, type RelationshipType } from '../model/graph-model.js';
import type { Database, Params } from './database.js';
import { toEntityRecord, toRelationshipRecord, type EntityRecord, type RelationshipRecord } from './records.js';

/**
 * Which part of the graph an export (or the `subgraph` query) covers. Every
 * format reads the same selection through the same two queries, so a filter
 * gives the same nodes and edges in every format.
 */
export interface ExportSelection {
  /** Entity kinds to keep; `null` keeps all. */
  readonly types: readonly EntityLabel[] | null;
  /** Relationship types to keep; `null` keeps all. */
  readonly relationshipTypes: readonly RelationshipType[] | null;
  /** Window start and end as ISO days (already widened: `2016` → `2016-01-01` / `2016-12-31`). */
  readonly from: string | null;
  readonly to: string | null;
  /** An ego network: the entities within `depth` hops of `key` (walking only selected nodes and edges). */
  readonly ego: { readonly key: string; readonly depth: number } | null;
  /** Only facts of this origin (nodes and edges; an edge also needs both ends kept); absent or null keeps both. */
  readonly origin?: 'seed' | 'curated' | null;
  /**
   * Also the retracted facts (`:Retracted` entities, `:RetractedRelationship`
   * archives) that pass the same filters, each marked with its retraction. An
   * ego walk still follows live relationships only; retracted relationships
   * among the entities it reaches are added.
   */
  readonly includeRetracted?: boolean;
}

export interface ExportStreamOptions {
  /**
   * The label that marks the graph's nodes. Always `Entity` in the app; tests and
   * benchmarks point it at a label of their own so their generated graphs stay
   * out of every other query.
   */
  readonly nodeLabel?: string;
  /** Transaction timeout; exports run longer than API queries, paced by the client. */
  readonly timeoutMs?: number;
}

/** Exports are paced by the client downloading them, so they get far longer than an API query. */
export const EXPORT_TIMEOUT_MS = 30 * 60_000;

/** The deepest ego network any caller may ask for (the API caps it lower, by configuration). */
const MAX_EGO_DEPTH = 6;

/** The selection with nothing filtered out. */
export const WHOLE_GRAPH: ExportSelection = { types: null, relationshipTypes: null, from: null, to: null, ego: null };

/** Streams the selected entities, ordered by id. */
export async function* streamExportNodes(db: Database, selection: ExportSelection, options: ExportStreamOptions = {}): AsyncGenerator<EntityRecord> {
  const { query, params } = nodeQuery(selection, options);
  for await (const row of db.stream('export-nodes', query, params, options.timeoutMs ?? EXPORT_TIMEOUT_MS)) {
    yield toEntityRecord(row['n']);
  }
}

/** Streams the selected relationships whose both ends are selected entities, by start node id (parallel=merge relies on it). */
export async function* streamExportEdges(
  db: Database,
  selection: ExportSelection,
  options: ExportStreamOptions = {},
): AsyncGenerator<RelationshipRecord> {
  const { query, params } = edgeQuery(selection, options);
  for await (const row of db.stream('export-edges', query, params, options.timeoutMs ?? EXPORT_TIMEOUT_MS)) {
    yield toRelationshipRecord(row['r']);
  }
  if (!selection.includeRetracted) return;
  // Retracted relationships are archive nodes, not relationships: a second pass after the live ones.
  const retracted = retractedEdgeQuery(selection, options);
  for await (const row of db.stream('export-retracted-edges', retracted.query, retracted.params, options.timeoutMs ?? EXPORT_TIMEOUT_MS)) {
    yield toRelationshipRecord(row['r']);
  }
}

/** How many nodes and edges the selection holds (for progress reports and the metrics limit). */
export async function countExport(
  db: Database,
  selection: ExportSelection,
  options: ExportStreamOptions = {},
): Promise<{ nodes: number; edges: number }> {
  const { match, params, label } = selectedNodes(selection, options);
  const edges = edgeMatch(selection, options);
  const query = selection.ego
    ? `${match}
       WITH collect(n) AS ns
       CALL (ns) { ${edges.subquery} RETURN count(r) AS edges }
       RETURN size(ns) AS nodes, edges`
    : `CALL { ${match} RETURN count(n) AS nodes }
       CALL { ${wholeGraphEdges(label)} RETURN count(r) AS edges }
       RETURN nodes, edges`;
  const rows = await db.read('export-count', query, { ...params, ...edges.params });
  const row = rows[0] ?? {};
  return { nodes: Number(row['nodes'] ?? 0), edges: Number(row['edges'] ?? 0) };
}

/**
 * At most `limit` selected entities (the ego centre first, then by id) and every
 * selected relationship among them, in one round trip: for the GraphQL `subgraph` query.
 */
export async function readSubgraph(
  db: Database,
  selection: ExportSelection,
  limit: number,
  observe?: Parameters<Database['read']>[3],
): Promise<{ nodes: EntityRecord[]; relationships: RelationshipRecord[]; totalCount: number }> {
  const { match, params, label } = selectedNodes(selection, {});
  const edges = edgeMatch(selection, {});
  // The count before the cap: an ego network is small by construction and counted from its list;
  // the filtered whole graph is counted apart, so the page never holds every node.
  const page = selection.ego
    ? `${match}
     WITH n ORDER BY CASE n.id WHEN $center THEN 0 ELSE 1 END, n.id
     WITH collect(n) AS everyone
     WITH size(everyone) AS total, everyone[0..toInteger($limit)] AS ns`
    : `CALL { ${match} RETURN count(n) AS total }
     CALL { ${match}
       WITH n ORDER BY n.id LIMIT toInteger($limit)
       RETURN collect(n) AS ns }
     WITH total, ns`;
  const rows = await db.read(
    'subgraph',
    `${page}
     CALL (ns) { ${edges.subquery} RETURN collect(${relationshipProjection()}) AS rels }
     RETURN total, [x IN ns | ${entityProjection('x')}] AS nodes, rels`,
    { ...params, ...edges.params, limit, baseLabel: label },
    observe,
  );
  const row = rows[0];
  if (!row) return { nodes: [], relationships: [], totalCount: 0 };
  return {
    nodes: (row['nodes'] as unknown[]).map(toEntityRecord),
    relationships: (row['rels'] as unknown[]).map(toRelationshipRecord),
    totalCount: Number(row['total'] ?? 0),
  };
}

function nodeQuery(selection: ExportSelection, options: ExportStreamOptions): { query: string; params: Params } {
  const { match, params, label } = selectedNodes(selection, options);
  return {
    query: `${match}
     WITH n ORDER BY n.id
     RETURN ${entityProjection('n')} AS n`,
    params: { ...params, baseLabel: label },
  };
}

function edgeQuery(selection: ExportSelection, options: ExportStreamOptions): { query: string; params: Params } {
  const { match, label, params } = selectedNodes(selection, options);
  const edges = edgeMatch(selection, options);
  // An ego network is small by construction: gather its nodes, then walk out of each.
  // The whole (filtered) graph is one pass over start nodes in id order, never holding the node set.
  const query = selection.ego
    ? `${match}
       WITH collect(n) AS ns
       CALL (ns) { ${edges.subquery} RETURN r, a, b }
       WITH r, a, b ORDER BY a.id
       RETURN ${relationshipProjection()} AS r`
    : `${wholeGraphEdges(label)}
       RETURN ${relationshipProjection()} AS r`;
  return { query, params: { ...params, ...edges.params } };
}

/**
 * The archived (retracted) relationships whose both ends are selected, live or
 * retracted. Few by nature, so they are matched by label and their ends looked
 * up by id (both labels have a unique id constraint).
 */
function retractedEdgeQuery(selection: ExportSelection, options: ExportStreamOptions): { query: string; params: Params } {
  const { match, label, params } = selectedNodes(selection, options);
  const end = (x: string, key: string): string =>
    `CALL (r) { MATCH (${x}:${label} {id: r.${key}}) RETURN ${x} UNION MATCH (${x}:${RETRACTED_LABEL} {id: r.${key}}) RETURN ${x} }`;
  const archived = `MATCH (r:${RETRACTED_RELATIONSHIP_LABEL}) WHERE ${edgePredicate('r', 'r.type')}`;
  const query = selection.ego
    ? `${match}
       WITH collect(n.id) AS ids
       ${archived} AND r.from IN ids AND r.to IN ids
       WITH r ORDER BY r.from, r.id
       RETURN r { .* } AS r`
    : `${archived}
       ${end('a', 'from')}
       ${end('b', 'to')}
       WITH r, a, b WHERE ${nodePredicate('a')} AND ${nodePredicate('b')}
       WITH r ORDER BY r.from, r.id
       RETURN r { .* } AS r`;
  return { query, params: { ...params, relTypes: relationshipTypes(selection) } };
}

/** Every selected relationship `r` from `a` to `b` in the filtered graph, by start node id. */
function wholeGraphEdges(label: string): string {
  return `MATCH (a:${label}) WHERE ${nodePredicate('a')}
     WITH a ORDER BY a.id
     MATCH (a)-[r]->(b:${label})
     WHERE ${edgePredicate('r')} AND ${nodePredicate('b')}`;
}

/**
 * A MATCH yielding the selected nodes as `n`: the filtered graph, or the ego
 * network grown breadth-first (one unrolled step per hop, so no path explosion).
 * The centre of an ego network is always included, even if the filters drop it.
 */
function selectedNodes(selection: ExportSelection, options: ExportStreamOptions): { match: string; params: Params; label: string } {
  const label = checkedLabel(options.nodeLabel ?? ENTITY_LABEL);
  const types: readonly string[] | null = selection.types;
  const unknown = types?.find((t) => !isEntityLabel(t));
  if (unknown !== undefined) throw new Error(`unknown entity type ${unknown}`);
  const params: Params = {
    types: types && types.length > 0 ? types : null,
    from: selection.from,
    to: selection.to,
    relTypes: relationshipTypes(selection),
    center: selection.ego?.key ?? null,
    origin: selection.origin ?? null,
  };
  if (!selection.ego) {
    const match = selection.includeRetracted
      ? `CALL { MATCH (n:${label}) WHERE ${nodePredicate('n')} RETURN n
         UNION ALL MATCH (n:${RETRACTED_LABEL}) WHERE ${nodePredicate('n')} RETURN n }
       WITH n`
      : `MATCH (n:${label}) WHERE ${nodePredicate('n')}`;
    return { match, params, label };
  }

  const depth = Math.trunc(selection.ego.depth);
  if (!(depth >= 1 && depth <= MAX_EGO_DEPTH)) throw new Error('invariant: ego depth out of range');
  const step = `
     CALL (seen, frontier) {
       UNWIND frontier AS x
       MATCH (x)-[r]-(y:${label})
       WHERE ${edgePredicate('r')} AND ${nodePredicate('y')} AND NOT y IN seen
       RETURN collect(DISTINCT y) AS next
     }
     WITH seen + next AS seen, next AS frontier`;
  return {
    match: `MATCH (c:${label} {id: $center})
     WITH [c] AS seen, [c] AS frontier
     ${step.repeat(depth)}
     UNWIND seen AS n
     WITH n`,
    params,
    label,
  };
}

/** A subquery over node list `ns` yielding each selected relationship `r` from `a` to `b`, both in `ns`. */
function edgeMatch(selection: ExportSelection, options: ExportStreamOptions): { subquery: string; params: Params } {
  const label = checkedLabel(options.nodeLabel ?? ENTITY_LABEL);
  return {
    subquery: `UNWIND ns AS a
       MATCH (a)-[r]->(b:${label})
       WHERE ${edgePredicate('r')} AND b IN ns`,
    params: { relTypes: relationshipTypes(selection), from: selection.from, to: selection.to, origin: selection.origin ?? null },
  };
}

/**
 * Kind and date window on node `x`. A missing bound counts as unbounded, so
 * undated entities (people, states) stay in every window: without them no
 * relationship would survive a date filter.
 */
function nodePredicate(x: string): string {
  // A retracted entity keeps its kind in `retractedKind` (it has lost the kind label).
  return `($types IS NULL OR ${x}.retractedKind IN $types OR any(l IN labels(${x}) WHERE l IN $types))
       AND ($to IS NULL OR ${x}.dateFrom IS NULL OR ${x}.dateFrom <= $to)
       AND ($from IS NULL OR ${x}.dateTo IS NULL OR ${x}.dateTo >= $from)
       AND ($origin IS NULL OR coalesce(${x}.origin, 'seed') = $origin)`;
}

/**
 * Type and date window on relationship `r`, with the same open-bound rule as
 * `paths(asOf)`; `type` is how to read its type (an archive node stores it).
 */
function edgePredicate(r: string, type = `type(${r})`): string {
  return `${type} IN $relTypes
       AND ($to IS NULL OR ${r}.validFrom IS NULL OR ${r}.validFrom <= $to)
       AND ($from IS NULL OR ${r}.validTo IS NULL OR ${r}.validTo >= $from)
       AND ($origin IS NULL OR coalesce(${r}.origin, 'seed') = $origin)`;
}

function relationshipTypes(selection: ExportSelection): readonly RelationshipType[] {
  const chosen = selection.relationshipTypes;
  if (!chosen || chosen.length === 0) return RELATIONSHIP_TYPES;
  const names: readonly string[] = chosen;
  const unknown = names.find((t) => !isRelationshipType(t));
  if (unknown !== undefined) throw new Error(`unknown relationship type ${unknown}`);
  return chosen;
}

/** Node labels are interpolated into Cypher, so only plain identifiers pass. */
function checkedLabel(label: string): string {
  if (!/^[A-Z][A-Za-z0-9_]*$/.test(label)) throw new Error(`invariant: "${label}" is not a node label`);
  return label;
}

function entityProjection(x: string): string {
  return `${x} { .*, label: coalesce(${x}.retractedKind, head([l IN labels(${x}) WHERE l <> $baseLabel])) }`;
}

function relationshipProjection(): string {
  return `r { .*, type: type(r), from: a.id, to: b.id }`;
}
