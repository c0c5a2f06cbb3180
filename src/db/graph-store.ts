import neo4j from 'neo4j-driver';
import type { EntityLabel, RelationshipType } from '../model/graph-model.js';
import type { CursorKey } from './cursor.js';
import type { Database, Params, RoundTripObserver } from './database.js';
import { readAggregate, type Aggregate, type GroupKey } from './aggregate-query.js';
import type { EntityFilter } from './entity-filter.js';
import { searchCandidates, type SearchQueries } from './search-store.js';
import { readCandidateClaims, readRivalClaims } from './disagreement-store.js';
import type { Claim } from '../model/disagreement.js';
import { rankHits, type RankedHit } from '../search/rank-hits.js';
import { entityPageAsOf } from './as-of.js';
import { readEntityPage, type EntityPage, type EntitySort, type PageRequest } from './list-query.js';
import { relationshipPattern, typeExpression } from './relationship-pattern.js';
import type { RelationshipArgs, RelationshipPage } from './relationship-page.js';
import { compileLevels } from '../planner/compile-plan.js';
import { readLevels } from '../planner/read-plan.js';
import type { RelationshipLevel } from '../planner/plan.js';
import type { PlanSink } from '../planner/read-plan.js';
import { readPlannedEntity } from '../planner/read-entity-plan.js';
import { readSubgraph, type ExportSelection } from './export-stream.js';
import {
  ENTITY_PROJECTION,
  RELATIONSHIP_PROJECTION,
  toEntityRecord,
  toRelationshipRecord,
  type EntityRecord,
  type RelationshipRecord,
} from './records.js';

export type { RelationshipArgs, RelationshipItem, RelationshipPage } from './relationship-page.js';

export interface PathResult {
  readonly nodes: readonly EntityRecord[];
  readonly relationships: readonly RelationshipRecord[];
}

export interface Subgraph {
  readonly nodes: readonly EntityRecord[];
  readonly relationships: readonly RelationshipRecord[];
}

export interface Interlock {
  readonly entity: EntityRecord;
  readonly viaA: readonly RelationshipRecord[];
  readonly viaB: readonly RelationshipRecord[];
}

export interface RelationshipCount {
  readonly type: RelationshipType;
  readonly outgoing: number;
  readonly incoming: number;
}

/**
 * Every read the API makes, each one Cypher query = one round trip. Batch
 * methods take many keys so that DataLoaders keep round trips bounded by a
 * request's depth, not its width.
 */
export class GraphStore {
  constructor(
    private readonly db: Database,
    private readonly observe?: RoundTripObserver,
  ) {}

  private read(operation: string, query: string, params: Params = {}): ReturnType<Database['read']> {
    return this.db.read(operation, query, params, this.observe);
  }

  /** Entities by key, in key order (`null` where none exists). */
  async entitiesByKeys(keys: readonly string[]): Promise<(EntityRecord | null)[]> {
    const rows = await this.read(
      'entities-by-key',
      `UNWIND $keys AS key MATCH (n:Entity {id: key}) RETURN ${ENTITY_PROJECTION('n')} AS n`,
      { keys },
    );
    const byKey = new Map(rows.map((row) => {
      const entity = toEntityRecord(row['n']);
      return [entity.key, entity];
    }));
    return keys.map((key) => byKey.get(key) ?? null);
  }

  /**
   * One keyset page of entities matching `filter`, with the total count when asked, in one round
   * trip (src/db/list-query.ts); with a read `plan`, its relationship pages under each entity are read
   * in the same query and handed to the plan's sink (src/planner/).
   */
  async listEntities(filter: EntityFilter, sort: EntitySort, page: PageRequest, plan?: { levels: readonly RelationshipLevel[]; sink: PlanSink }): Promise<EntityPage> {
    const nested = plan && plan.levels.length > 0 ? compileLevels(plan.levels, 'n') : undefined;
    const result = await readEntityPage((operation, query, params) => this.read(operation, query, params), filter, sort, page, nested);
    if (plan && nested) for (const item of result.items) if (item.nested) readLevels(plan.levels, item.entity, item.nested, plan.sink);
    return result;
  }

  /** One entity with the relationship pages a read plan asks for beneath it, in one round trip (src/planner/). */
  plannedEntity(key: string, levels: readonly RelationshipLevel[], sink: PlanSink): Promise<EntityRecord | null> {
    return readPlannedEntity((operation, query, params) => this.read(operation, query, params), key, levels, sink);
  }

  /** One forward page of entities in name order as they were recorded at `at` (src/db/as-of.ts). */
  listEntitiesAsOf(label: EntityLabel | null, at: string, page: { size: number; cursor?: CursorKey; withTotal: boolean }): Promise<EntityPage> {
    return entityPageAsOf((operation, query, params) => this.read(operation, query, params), label, at, page);
  }

  /** Figures that could disagree (src/db/disagreement-store.ts); the model's rule pairs them. */
  candidateClaims(measureContains: string | null): Promise<Claim[]> {
    return readCandidateClaims((operation, query, params) => this.read(operation, query, params), measureContains);
  }

  /** For many figures: each one's claim and those of figures sharing its measure and unit, in one round trip. */
  rivalClaims(keys: readonly string[]): Promise<{ self: Claim | null; rivals: Claim[] }[]> {
    return readRivalClaims((operation, query, params) => this.read(operation, query, params), keys);
  }

  /** Counts and numeric statistics over the entities matching `filter`, in one round trip (src/db/aggregate-query.ts). */
  aggregate(filter: EntityFilter, numeric: readonly string[], groupBy: GroupKey | null, groupLimit: number): Promise<Aggregate> {
    return readAggregate((operation, query, params) => this.read(operation, query, params), filter, numeric, groupBy, groupLimit);
  }

  /**
   * Relationship pages for many entities sharing the same arguments, in one
   * round trip. Types and direction go into the pattern (whitelisted by the
   * model), so a hub's other relationships are never touched; each page is a
   * top-k sort of (type, other name, id) projected only after its LIMIT, and
   * the total, when asked for, is a separate count.
   */
  async relationshipsOf(keys: readonly string[], args: RelationshipArgs): Promise<RelationshipPage[]> {
    const pattern = relationshipPattern('n', 'r', 'm:Entity', args.types, args.direction);
    const rows = await this.read(
      'relationships-of',
      `UNWIND $keys AS key
       MATCH (n:Entity {id: key})
       CALL (n) {
         MATCH ${pattern}
         WHERE $after IS NULL
           OR type(r) > $after[0]
           OR (type(r) = $after[0] AND (m.name > $after[1] OR (m.name = $after[1] AND r.id > $after[2])))
         WITH n, r, m ORDER BY type(r), m.name, r.id LIMIT $limit
         RETURN collect({ r: ${RELATIONSHIP_PROJECTION('r')}, m: ${ENTITY_PROJECTION('m')}, outgoing: startNode(r) = n }) AS page
       }
       RETURN key, ${args.withTotal ? `COUNT { MATCH ${pattern} }` : 'null'} AS total, page`,
      {
        keys,
        after: args.after ?? null,
        limit: intParam(args.size + 1),
      },
    );
    const byKey = new Map<string, RelationshipPage>();
    for (const row of rows) {
      const page = (row['page'] as { r: unknown; m: unknown; outgoing: boolean }[]).map((x) => {
        const relationship = toRelationshipRecord(x.r);
        const other = toEntityRecord(x.m);
        return { relationship, other, outgoing: x.outgoing, key: [relationship.type, other.name, relationship.id] as CursorKey };
      });
      byKey.set(String(row['key']), {
        total: args.withTotal ? Number(row['total']) : null,
        items: page.slice(0, args.size),
        hasMore: page.length > args.size,
      });
    }
    return keys.map((key) => byKey.get(key) ?? { total: args.withTotal ? 0 : null, items: [], hasMore: false });
  }

  /** Relationship counts per type and direction for many entities, in one round trip. */
  async relationshipCounts(keys: readonly string[]): Promise<RelationshipCount[][]> {
    const rows = await this.read(
      'relationship-counts',
      `UNWIND $keys AS key
       MATCH (n:Entity {id: key})-[r]-()
       WITH key, type(r) AS type, startNode(r) = n AS outgoing
       RETURN key, type, sum(CASE WHEN outgoing THEN 1 ELSE 0 END) AS outgoing,
              sum(CASE WHEN outgoing THEN 0 ELSE 1 END) AS incoming
       ORDER BY type`,
      { keys },
    );
    const byKey = new Map<string, RelationshipCount[]>();
    for (const row of rows) {
      const list = byKey.get(String(row['key'])) ?? [];
      list.push({ type: row['type'] as RelationshipType, outgoing: Number(row['outgoing']), incoming: Number(row['incoming']) });
      byKey.set(String(row['key']), list);
    }
    return keys.map((key) => byKey.get(key) ?? []);
  }

  /** Source documents by file name, in key order. */
  async sourcesByFileName(fileNames: readonly string[]): Promise<(EntityRecord | null)[]> {
    const rows = await this.read(
      'sources-by-file',
      `UNWIND $fileNames AS f MATCH (n:Source {fileName: f}) RETURN ${ENTITY_PROJECTION('n')} AS n`,
      { fileNames },
    );
    const byFile = new Map(rows.map((row) => {
      const entity = toEntityRecord(row['n']);
      return [String(entity.props['fileName']), entity];
    }));
    return fileNames.map((f) => byFile.get(f) ?? null);
  }

  /**
   * Search hits over names (and text), ranked (src/search/rank-hits.ts). `queries`
   * and `fallback` (tried, in a second round trip, when `queries` find nothing)
   * must already be escaped (src/search/lucene-query.ts); names and text are
   * read in one query.
   */
  async searchHits(
    queries: SearchQueries,
    fallback: SearchQueries | null,
    types: readonly EntityLabel[] | null,
    candidates: number,
    names: boolean,
    text: boolean,
    query: string,
    limit: number,
  ): Promise<RankedHit[]> {
    const read = (operation: string, cypher: string, params: Params) => this.read(operation, cypher, params);
    const found = await searchCandidates(read, queries, fallback, types, candidates, limit, names, text);
    return rankHits(query, found.names, found.text, limit);
  }

  /**
   * All shortest paths between two entities, up to `maxHops` (already bounded
   * by the caller: it is a pattern literal). `asOf` keeps relationships valid then.
   * Every condition is written over all of the path's nodes or relationships,
   * the form Neo4j checks during its breadth-first search; a condition over a
   * slice (`nodes(p)[1..-1]`) is checked only afterwards, and when it rejects
   * the shortest path Neo4j falls back to an exhaustive search, which explodes
   * around hubs.
   */
  async shortestPaths(args: {
    from: string;
    to: string;
    maxHops: number;
    types: readonly RelationshipType[] | null;
    excludeKeys: readonly string[];
    asOf: string | null;
    includeSources: boolean;
    limit: number;
  }): Promise<PathResult[]> {
    const hops = Math.trunc(args.maxHops);
    if (!(hops >= 1 && hops <= 15)) throw new Error('maxHops out of range');
    const relationshipConditions = [
      ...(args.types ? ['type(r) IN $types'] : []),
      ...(args.asOf !== null ? ['(r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)'] : []),
    ];
    const nodeConditions = [
      ...(args.excludeKeys.length > 0 ? ['x.id IN $exclude'] : []),
      ...(args.includeSources ? [] : ['x:Source']),
    ];
    const where = [
      ...(relationshipConditions.length > 0 ? [`all(r IN relationships(p) WHERE ${relationshipConditions.join(' AND ')})`] : []),
      ...(nodeConditions.length > 0 ? [`all(x IN nodes(p) WHERE x = a OR x = b OR NOT (${nodeConditions.join(' OR ')}))`] : []),
    ];
    const rows = await this.read(
      'shortest-paths',
      `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
       MATCH p = allShortestPaths((a)-[*..${hops}]-(b))
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       WITH p LIMIT $limit
       RETURN [x IN nodes(p) | ${ENTITY_PROJECTION('x')}] AS nodes,
              [r IN relationships(p) | ${RELATIONSHIP_PROJECTION('r')}] AS rels`,
      {
        from: args.from,
        to: args.to,
        types: args.types,
        asOf: args.asOf,
        exclude: args.excludeKeys,
        limit: intParam(args.limit),
      },
    );
    return rows.map((row) => ({
      nodes: (row['nodes'] as unknown[]).map(toEntityRecord),
      relationships: (row['rels'] as unknown[]).map(toRelationshipRecord),
    }));
  }

  /**
   * The entities within `depth` hops of `key` (at most `limit`) and every
   * relationship among them. At depth 1 the neighbours most tied to the
   * centre (most relationships with it, then by key) come first, so a hub
   * cut at `limit` keeps its main partners and the cut is the same every time.
   */
  async neighborhood(key: string, depth: number, types: readonly RelationshipType[] | null, limit: number): Promise<Subgraph> {
    const d = Math.trunc(depth);
    if (!(d >= 1 && d <= 6)) throw new Error('depth out of range');
    // Types go into the patterns, so no predicate runs per relationship or per path when all are wanted.
    const typed = typeExpression(types);
    // Deeper neighbourhoods are cut lazily: ranking every path of a hub at depth 3 would cost millions of rows.
    const others =
      d === 1
        ? `MATCH (c)-[r${typed}]-(m:Entity)
         WHERE m <> c
         WITH m, count(r) AS ties
         ORDER BY ties DESC, m.id
         LIMIT $limit`
        : `MATCH (c)-[${typed}*1..${d}]-(m:Entity)
         WITH DISTINCT m LIMIT $limit`;
    const rows = await this.read(
      'neighborhood',
      `MATCH (c:Entity {id: $key})
       CALL {
         WITH c
         ${others}
         RETURN collect(m) AS others
       }
       WITH c, [c] + others AS ns
       CALL {
         WITH ns
         UNWIND ns AS x
         MATCH (x)-[r${typed}]->(y:Entity)
         WHERE y IN ns
         RETURN collect(r { .*, type: type(r), from: x.id, to: y.id }) AS rels
       }
       RETURN [x IN ns | ${ENTITY_PROJECTION('x')}] AS nodes, rels`,
      { key, limit: intParam(limit) },
    );
    const row = rows[0];
    if (!row) return { nodes: [], relationships: [] };
    return {
      nodes: (row['nodes'] as unknown[]).map(toEntityRecord),
      relationships: (row['rels'] as unknown[]).map(toRelationshipRecord),
    };
  }

  /**
   * At most `limit` entities of a selection (by id) and the selected relationships
   * among them; the same selection the exports use (src/db/export-stream.ts).
   */
  subgraph(selection: ExportSelection, limit: number): Promise<Subgraph & { totalCount: number }> {
    return readSubgraph(this.db, selection, limit, this.observe);
  }

  /**
   * Events overlapping [from, to] (ISO days), optionally only those connected
   * to one of `keys` (or, with `matchAll`, to every one), in date order.
   */
  async timeline(from: string | null, to: string | null, keys: readonly string[] | null, limit: number, matchAll = false): Promise<EntityRecord[]> {
    const rows = await this.read(
      'timeline',
      `MATCH (n:Event)
       WHERE n.dateFrom IS NOT NULL
         AND ($from IS NULL OR n.dateTo >= $from)
         AND ($to IS NULL OR n.dateFrom <= $to)
         AND ($keys IS NULL OR ${matchAll ? 'all(key IN $keys WHERE EXISTS { MATCH (n)--(k:Entity {id: key}) })' : 'EXISTS { MATCH (n)--(k:Entity) WHERE k.id IN $keys }'})
       RETURN ${ENTITY_PROJECTION('n')} AS n
       ORDER BY n.dateFrom, n.dateTo, n.name LIMIT $limit`,
      { from, to, keys, limit: intParam(limit) },
    );
    return rows.map((row) => toEntityRecord(row['n']));
  }

  /** Entities directly connected to both `a` and `b`, with the relationships on each side. */
  async interlocks(a: string, b: string, limit: number): Promise<Interlock[]> {
    const rows = await this.read(
      'interlocks',
      `MATCH (a:Entity {id: $a})-[ra]-(x:Entity)-[rb]-(b:Entity {id: $b})
       WHERE x <> a AND x <> b
       WITH x, collect(DISTINCT ${RELATIONSHIP_PROJECTION('ra')}) AS viaA, collect(DISTINCT ${RELATIONSHIP_PROJECTION('rb')}) AS viaB
       RETURN ${ENTITY_PROJECTION('x')} AS x, viaA, viaB
       ORDER BY size(viaA) + size(viaB) DESC, x.name LIMIT $limit`,
      { a, b, limit: intParam(limit) },
    );
    return rows.map((row) => ({
      entity: toEntityRecord(row['x']),
      viaA: (row['viaA'] as unknown[]).map(toRelationshipRecord),
      viaB: (row['viaB'] as unknown[]).map(toRelationshipRecord),
    }));
  }

  /** Entities and relationships citing each document, for many documents, in one round trip. */
  async supportedBy(fileNames: readonly string[]): Promise<SourceSupport[]> {
    const rows = await this.read(
      'supported-by',
      `UNWIND $fileNames AS f
       CALL {
         WITH f
         MATCH (n:Entity) WHERE any(c IN n.citations WHERE c STARTS WITH f + ':')
         RETURN collect(n.id) AS keys
       }
       CALL {
         WITH f
         MATCH ()-[r]->() WHERE any(c IN r.citations WHERE c STARTS WITH f + ':')
         RETURN count(r) AS rels
       }
       RETURN f, keys, rels`,
      { fileNames },
    );
    const byFile = new Map(rows.map((row) => [String(row['f']), { entityKeys: row['keys'] as string[], relationshipCount: Number(row['rels']) }]));
    return fileNames.map((f) => byFile.get(f) ?? { entityKeys: [], relationshipCount: 0 });
  }
}

/** What one document is cited for: the entities' keys and how many relationships. */
export interface SourceSupport {
  readonly entityKeys: string[];
  readonly relationshipCount: number;
}

/** LIMIT and SKIP need Neo4j integers; the driver sends plain numbers as floats. */
function intParam(value: number): unknown {
  return neo4j.int(value);
}
