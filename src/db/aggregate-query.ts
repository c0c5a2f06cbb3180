import neo4j from 'neo4j-driver';
import { ENTITY_PROPERTIES } from '../model/property-catalogue.js';
import type { Params, Row } from './database.js';
import { buildEntityWhere, type EntityFilter } from './entity-filter.js';

/** What entities are grouped by: a declared property, the kind, the year of their date, or each citing document. */
export type GroupKey =
  | { readonly by: 'type' | 'year' | 'document' }
  | { readonly by: 'property'; readonly property: string };

export interface NumberStats {
  readonly property: string;
  /** How many entities have the property set. */
  readonly count: number;
  readonly min: number | null;
  readonly max: number | null;
  readonly sum: number | null;
  readonly avg: number | null;
}

export interface AggregateGroup {
  readonly key: string | null;
  readonly count: number;
  readonly numbers: readonly NumberStats[];
}

export interface Aggregate {
  readonly count: number;
  readonly numbers: readonly NumberStats[];
  readonly groups: readonly AggregateGroup[];
}

type Read = (operation: string, query: string, params: Params) => Promise<Row[]>;

/** Cypher for the group key of `n` (a list for `document`, unwound by the caller). */
function groupExpression(key: GroupKey): string {
  switch (key.by) {
    case 'type':
      return "head([l IN labels(n) WHERE l <> 'Entity'])";
    case 'year':
      return 'left(n.dateFrom, 4)';
    case 'document':
      return "reduce(ds = [], c IN coalesce(n.citations, []) | CASE WHEN split(c, ':')[0] IN ds THEN ds ELSE ds + split(c, ':')[0] END)";
    case 'property': {
      const spec = ENTITY_PROPERTIES.get(key.property);
      if (!spec) throw new Error(`cannot group by property ${key.property}`);
      return `n.${key.property}`;
    }
  }
}

/** What one aggregate asks: the statistics and grouping, over the entities matching `filter`. */
export interface AggregateRequest {
  readonly filter: EntityFilter;
  readonly numeric: readonly string[];
  readonly groupBy: GroupKey | null;
  readonly groupLimit: number;
}

/**
 * The two subqueries of an aggregate over the entities matching `where`, each
 * importing `scope` (empty, or the variable a batch unwinds): they yield
 * `count`, `numbers` and `groups`. Property names come from the model's catalogue only.
 */
function aggregateSubqueries(where: string, scope: string, numeric: readonly string[], groupBy: GroupKey | null): string {
  for (const name of numeric) if (ENTITY_PROPERTIES.get(name)?.type !== 'number') throw new Error(`not a numeric property: ${name}`);
  const stats = numeric
    .map((name, i) => `count(n.${name}) AS c${i}, min(n.${name}) AS min${i}, max(n.${name}) AS max${i}, sum(n.${name}) AS sum${i}, avg(n.${name}) AS avg${i}`)
    .join(', ');
  const statsMap = `[${numeric.map((name, i) => `{ property: '${name}', count: c${i}, min: min${i}, max: max${i}, sum: CASE WHEN c${i} = 0 THEN null ELSE sum${i} END, avg: avg${i} }`).join(', ')}]`;
  const groupKey = groupBy
    ? groupBy.by === 'document'
      ? `UNWIND ${groupExpression(groupBy)} AS key`
      : `WITH n, toString(${groupExpression(groupBy)}) AS key`
    : '';
  return `CALL (${scope}) {
       MATCH (n:Entity) WHERE ${where}
       WITH count(n) AS count${stats ? `, ${stats}` : ''}
       RETURN count, ${statsMap} AS numbers
     }
     CALL (${scope}) {
       ${groupBy
         ? `MATCH (n:Entity) WHERE ${where}
            ${groupKey}
            WITH key, count(n) AS count${stats ? `, ${stats}` : ''}
            ORDER BY count DESC, key LIMIT $groupLimit
            RETURN collect({ key: key, count: count, numbers: ${statsMap} }) AS groups`
         : 'RETURN [] AS groups'}
     }`;
}

/**
 * Count, and min/max/sum/avg of each numeric property in `numeric`, over the
 * entities matching `filter`, overall and per group, in one Cypher query.
 */
export async function readAggregate(
  read: Read,
  filter: EntityFilter,
  numeric: readonly string[],
  groupBy: GroupKey | null,
  groupLimit: number,
): Promise<Aggregate> {
  const { where, params } = buildEntityWhere(filter);
  const rows = await read(
    'aggregate-entities',
    `${aggregateSubqueries(where, '', numeric, groupBy)}
     RETURN count, numbers, groups`,
    { ...params, groupLimit: neo4j.int(groupLimit) },
  );
  return toAggregate(rows[0] ?? {});
}

/**
 * The same aggregate for many documents at once (by file name): over the
 * entities matching `request.filter` that some line citation puts in each
 * document (as `filter.citedIn: { document }` would), one query for the batch,
 * so `sources { supportedEntities { aggregate } }` costs the same for one
 * source or fifty. Results are in the order of `documents`.
 */
export async function readDocumentAggregates(read: Read, documents: readonly string[], request: AggregateRequest): Promise<Aggregate[]> {
  if (request.filter.citedIn) throw new Error('a per-document aggregate takes its document from the batch, not from filter.citedIn');
  const { where, params } = buildEntityWhere(request.filter);
  const cited = `any(c IN coalesce(n.citations, []) WHERE c STARTS WITH doc + ':')`;
  const rows = await read(
    'aggregate-entities-per-document',
    `UNWIND $documents AS doc
     ${aggregateSubqueries(`${cited} AND ${where}`, 'doc', request.numeric, request.groupBy)}
     RETURN doc, count, numbers, groups`,
    { ...params, documents, groupLimit: neo4j.int(request.groupLimit) },
  );
  const byDocument = new Map(rows.map((row) => [String(row['doc']), toAggregate(row)]));
  return documents.map((d) => byDocument.get(d) ?? { count: 0, numbers: [], groups: [] });
}

function toAggregate(row: Row): Aggregate {
  const toStats = (list: unknown): NumberStats[] =>
    (list as Record<string, unknown>[]).map((s) => ({
      property: String(s['property']),
      count: Number(s['count']),
      min: num(s['min']),
      max: num(s['max']),
      sum: num(s['sum']),
      avg: num(s['avg']),
    }));
  return {
    count: Number(row['count'] ?? 0),
    numbers: toStats(row['numbers'] ?? []),
    groups: ((row['groups'] as Record<string, unknown>[] | undefined) ?? []).map((g) => ({
      key: typeof g['key'] === 'string' ? g['key'] : null,
      count: Number(g['count']),
      numbers: toStats(g['numbers']),
    })),
  };
}

function num(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
