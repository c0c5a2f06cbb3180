import neo4j from 'neo4j-driver';
import { ENTITY_PROPERTIES } from '../model/property-catalogue.js';
import type { CursorKey } from './cursor.js';
import type { Params, Row } from './database.js';
import { buildEntityWhere, type EntityFilter } from './entity-filter.js';
import { ENTITY_PROJECTION, toEntityRecord, type EntityRecord } from './records.js';

/** What a list is sorted by; ties always break on the key, so pages never overlap. */
export type SortKey =
  | { readonly by: 'name' | 'date' | 'degree' | 'documents' }
  | { readonly by: 'property'; readonly property: string };

export interface EntitySort {
  readonly key: SortKey;
  readonly descending: boolean;
}

/** A keyset page request: `cursor` is a decoded and validated cursor key. */
export interface PageRequest {
  readonly size: number;
  readonly backward: boolean;
  readonly cursor?: CursorKey;
  /** Count every match too (only when the client selects `totalCount`). */
  readonly withTotal: boolean;
}

/** Subqueries run under each listed entity `n` (a read plan's levels, src/planner/compile-plan.ts). */
export interface NestedReads {
  readonly calls: string;
  /** A map expression over `n` and the calls' results, returned with each item as `nested`. */
  readonly projection: string;
  readonly params: Params;
}

export interface EntityPage {
  /** Null when not asked for (`withTotal`). */
  readonly total: number | null;
  /** `nested`: what the `NestedReads` projection gave for the item (absent without them). */
  readonly items: readonly { entity: EntityRecord; key: CursorKey; nested?: Record<string, unknown> }[];
  readonly hasMore: boolean;
  /** Rows exist on the other side of the cursor. */
  readonly hasOther: boolean;
}

type Read = (operation: string, query: string, params: Params) => Promise<Row[]>;

/** The documents (file names) citing `n`, without repeats. */
const CITING_DOCUMENTS = (n: string): string =>
  `reduce(ds = [], c IN coalesce(${n}.citations, []) | CASE WHEN split(c, ':')[0] IN ds THEN ds ELSE ds + split(c, ':')[0] END)`;

/** The Cypher sort expression, and whether it can be null (nullable sorts put nulls last). */
export function sortExpression(key: SortKey, n = 'n'): { expression: string; nullable: boolean; numeric: boolean } {
  switch (key.by) {
    case 'name':
      return { expression: `${n}.name`, nullable: false, numeric: false };
    case 'date':
      return { expression: `coalesce(${n}.dateFrom, '9999-12-31')`, nullable: false, numeric: false };
    case 'degree':
      return { expression: `COUNT { (${n})--() }`, nullable: false, numeric: true };
    case 'documents':
      return { expression: `size(${CITING_DOCUMENTS(n)})`, nullable: false, numeric: true };
    case 'property': {
      const spec = ENTITY_PROPERTIES.get(key.property);
      // The catalogue is the whitelist: only declared names reach the query text.
      if (!spec || spec.type === 'string[]') throw new Error(`cannot sort by property ${key.property}`);
      return { expression: `${n}.${key.property}`, nullable: true, numeric: spec.type === 'number' };
    }
  }
}

/**
 * Rows strictly beyond (`after`) or before the cursor position `[$cv, $cid]`
 * in the order (sort nulls last, then key), `inclusive` also keeping the
 * cursor's own row. For a non-null sort the first conjunct is a plain range on
 * the sort key, so NAME order seeks the name index from the cursor.
 */
export function keysetCondition(
  sort: string,
  nullable: boolean,
  descending: boolean,
  side: 'after' | 'before',
  cursorValueIsNull: boolean,
  inclusive: boolean,
): string {
  const forward = side === 'after';
  const op = forward !== descending ? '>' : '<';
  const idOp = `${op}${inclusive ? '=' : ''}`;
  if (!nullable) return `${sort} ${op}= $cv AND (${sort} ${op} $cv OR n.id ${idOp} $cid)`;
  // Nulls come last in either direction of the sort.
  if (cursorValueIsNull) return forward ? `${sort} IS NULL AND n.id ${idOp} $cid` : `(${sort} IS NOT NULL OR n.id ${idOp} $cid)`;
  const beyond = `(${sort} ${op} $cv OR (${sort} = $cv AND n.id ${idOp} $cid))`;
  return forward ? `(${sort} IS NULL OR ${beyond})` : `${sort} IS NOT NULL AND ${beyond}`;
}

/** One keyset page of entities matching `filter`, with the total when asked, in one round trip. */
export async function readEntityPage(read: Read, filter: EntityFilter, sort: EntitySort, page: PageRequest, nested?: NestedReads): Promise<EntityPage> {
  const { expression, nullable } = sortExpression(sort.key);
  const { where, params } = buildEntityWhere(filter);
  // Reading backward walks the order in reverse (and so meets nulls first), then flips the page.
  const descending = sort.descending !== page.backward;
  const dir = descending ? 'DESC' : 'ASC';
  const nullsRank = `CASE WHEN ${expression} IS NULL THEN ${page.backward ? 0 : 1} ELSE ${page.backward ? 1 : 0} END`;
  const cursor = page.cursor;
  const cvNull = cursor?.[0] === null;
  const side = page.backward ? 'before' : 'after';
  const other = page.backward ? 'after' : 'before';
  // Keyset conditions are written for the list's own order; `side` says which way this page reads.
  const from = cursor
    ? keysetCondition(expression, nullable, sort.descending, side, cvNull, false)
    : sort.key.by === 'name'
      ? 'n.name IS NOT NULL' // always true (names are required); lets the name index provide the order
      : 'true';
  const order = nullable ? `${nullsRank}, ${expression} ${dir}, n.id ${dir}` : `${expression} ${dir}, n.id ${dir}`;
  const rows = await read(
    'list-entities',
    `${page.withTotal ? `CALL { MATCH (n:Entity) WHERE ${where} RETURN count(n) AS total }` : 'WITH null AS total'}
     CALL {
       MATCH (n:Entity) WHERE ${where} AND ${from}
       WITH n ORDER BY ${order} LIMIT $limit
       ${nested ? nested.calls : ''}
       RETURN collect({ n: ${ENTITY_PROJECTION('n')}, sort: ${expression}${nested ? `, nested: ${nested.projection}` : ''} }) AS page
     }
     RETURN total, page,
       ${cursor ? `EXISTS { MATCH (n:Entity) WHERE ${where} AND ${keysetCondition(expression, nullable, sort.descending, other, cvNull, true)} }` : 'false'} AS hasOther`,
    { ...nested?.params, ...params, cv: cursor?.[0] ?? null, cid: cursor?.[1] ?? null, limit: neo4j.int(page.size + 1) },
  );
  const row = rows[0] ?? {};
  const all = (row['page'] as { n: unknown; sort: string | number | null; nested?: Record<string, unknown> }[] | undefined) ?? [];
  let items = all.slice(0, page.size).map(({ n, sort: s, nested: sub }) => {
    const entity = toEntityRecord(n);
    return { entity, key: [s ?? null, entity.key] as CursorKey, ...(sub ? { nested: sub } : {}) };
  });
  if (page.backward) items = items.reverse();
  return {
    total: page.withTotal ? Number(row['total'] ?? 0) : null,
    items,
    hasMore: all.length > page.size,
    hasOther: row['hasOther'] === true,
  };
}
