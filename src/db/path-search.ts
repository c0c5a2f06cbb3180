import neo4j from 'neo4j-driver';
import { derivedTies, directTies, type HiddenNode } from '../network/derive-ties.js';
import type { Network } from '../network/tie.js';
import type { Database, RoundTripObserver } from './database.js';
import { ENTITY_PROJECTION, RELATIONSHIP_PROJECTION, toEntityRecord, toRelationshipRecord } from './records.js';
import { frontierSearchCypher, type FrontierCosts } from './route-frontiers.js';
import { hasLabel, viaAllowed, type WalkRules } from './walk-rules.js';

/** What Neo4j's route search is asked: the ends, the walk rules, the hop bounds and the filters. */
export interface RouteSearch {
  readonly from: string;
  readonly to: string;
  readonly rules: WalkRules;
  /** Longest route in walking steps (the fallback search reads routes of up to twice as many relationships). */
  readonly maxHops: number;
  /** Shortest route in walking steps. */
  readonly minHops: number;
  readonly via: readonly string[];
  readonly avoidIds: readonly string[];
  /** Routes asked of each tier of the fallback search; the frontier search returns twice as many, the cheapest. */
  readonly perTier: number;
  /** The request's costs, which the frontier search orders by. */
  readonly costs: FrontierCosts;
}

/**
 * The degree caps of the fallback search's tiers: the first tier may step only
 * through entities with at most 32 relationships, the second through any. Neo4j's
 * shortest-path search counts hops, not costs; without the caps every candidate
 * would run through Japan or Russia (a hub is a shortcut to everything), and the
 * specific routes the cost ranking prefers would never be seen.
 */
export const TIER_DEGREE_CAPS: readonly (number | null)[] = [32, null];

/** A candidate route: its shown entities in order, and its cost as the frontier search priced it (null from the fallback, which counts hops only). */
export interface CandidateRoute {
  readonly route: readonly string[];
  readonly cost: number | null;
}

/**
 * The candidate routes between two entities, cheapest first: the bidirectional
 * frontier search (src/db/route-frontiers.ts), whose work is bounded by its
 * frontiers whatever the graph's size, in one round trip. Only when it found
 * nothing *and* its bounds cut something (a hub left unexpanded, neighbours
 * dropped) does a second round trip run the exhaustive tiered search below: that
 * fallback keeps every route the old search found findable (e.g. a pair whose only
 * routes run hub to hub) and costs what the old search cost, seconds on the 1M
 * bench graph. It is a separate query so that Neo4j plans it (seconds, once per
 * query text) only when it is needed. Each route is its shown entities, in order.
 */
export async function searchRoutes(db: Database, search: RouteSearch, observe?: RoundTripObserver): Promise<CandidateRoute[]> {
  const maxHops = Math.trunc(search.maxHops);
  const perTier = Math.trunc(search.perTier);
  if (!(maxHops >= 1 && maxHops <= 15) || !(perTier >= 1 && perTier <= 1000)) throw new Error('invariant: route search bounds out of range');
  const params = {
    from: search.from,
    to: search.to,
    via: search.rules.via,
    hidden: search.rules.hidden,
    direct: search.rules.direct,
    avoid: search.avoidIds,
    through: search.via,
    minHops: Math.trunc(search.minHops),
    caps: TIER_DEGREE_CAPS.filter((c) => c !== null),
    typeCost: search.costs.typeCost,
    labelCost: search.costs.labelCost,
    hubCost: search.costs.hubCost,
    routeLimit: neo4j.int(2 * perTier),
  };
  const found = await db.read(
    'path-search',
    `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
    CALL (a, b) {${frontierSearchCypher(search.rules, { maxHops })}
    }
    RETURN routes, costs, cut`,
    params,
    observe,
  );
  const routes = (found[0]?.['routes'] as string[][] | undefined) ?? [];
  const costs = (found[0]?.['costs'] as number[] | undefined) ?? [];
  if (routes.length > 0 || found[0]?.['cut'] !== true) return routes.map((route, i) => ({ route, cost: costs[i] ?? null }));
  const fallback = await db.read('path-search-fallback', fallbackSearchCypher(search.rules, { maxHops, perTier, withVia: search.via.length > 0 }), params, observe);
  return fallback.map((row) => ({ route: row['route'] as string[], cost: null }));
}

/**
 * Both searches in one text, as searchRoutes runs them (the fallback only when the
 * frontier search found nothing and cut something), for the benchmark's one-query
 * floor: one row per candidate, \`route\` and \`cost\` (null from the fallback).
 */
export function routeSearchCypher(rules: WalkRules, bounds: { readonly maxHops: number; readonly perTier: number; readonly withVia: boolean }): string {
  return `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
    CALL (a, b) {${frontierSearchCypher(rules, { maxHops: bounds.maxHops, limit: 2 * bounds.perTier })}
    }
    CALL (a, b, routes, cut) {
      WITH * WHERE size(routes) = 0 AND cut
      CALL (a, b) {${tieredSearchCypher(rules, { maxRaw: 2 * bounds.maxHops, perTier: bounds.perTier, withVia: bounds.withVia })}
      }
      RETURN collect(DISTINCT ${routeOfPath(rules)}) AS fallback
    }
    UNWIND [i IN range(0, size(routes) - 1) | { route: routes[i], cost: costs[i] }] + [r IN fallback | { route: r, cost: null }] AS candidate
    RETURN candidate.route AS route, candidate.cost AS cost`;
}

/** The fallback alone: the tiered search's routes, one per row. */
function fallbackSearchCypher(rules: WalkRules, bounds: { readonly maxHops: number; readonly perTier: number; readonly withVia: boolean }): string {
  return `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
    CALL (a, b) {${tieredSearchCypher(rules, { maxRaw: 2 * bounds.maxHops, perTier: bounds.perTier, withVia: bounds.withVia })}
    }
    RETURN DISTINCT ${routeOfPath(rules)} AS route`;
}

/** Cypher: the shown entities of path `p`, as ids (its hidden stepping stones left out). */
function routeOfPath(rules: WalkRules): string {
  return `[z IN nodes(p) WHERE NOT (${hasLabel('z', rules.hidden)} AND z <> a AND z <> b) | z.id]`;
}

/**
 * The fallback: for each tier, Neo4j's \`SHORTEST k\` search over the walk graph (a
 * stored relationship between shown entities, or two relationships through one
 * hidden entity that derives a tie), with every rule in the pattern so the search
 * prunes as it goes. A step enters a hidden entity only from a shown one and leaves
 * it only to a shown one, over the types its derived tie allows; between shown
 * entities only direct types. The two ends are always walkable, whatever their layer.
 *
 * Every rule is written on one element of the step: the relationship (through its
 * own two end nodes) or the node entered. Neo4j inlines only such predicates into
 * its shortest-route search and prunes as it goes; a rule that compares \`x\` with
 * \`y\` is checked on whole routes after they are found, and the search then walks
 * the unfiltered graph (measured on the bench's 1M graph: 2.0 s p50 over eight
 * pairs with the rule on x and y, 0.8 s with the same rule on the relationship).
 * Expects \`a\` and \`b\` bound; returns paths \`p\`.
 */
function tieredSearchCypher(rules: WalkRules, bounds: { readonly maxRaw: number; readonly perTier: number; readonly withVia: boolean }): string {
  // Neo4j 5 takes the route count and the hop bound only as literals: both are checked integers.
  const { maxRaw, perTier, withVia } = bounds;
  const hid = (x: string): string => `(${hasLabel(x, rules.hidden)} AND ${x} <> a AND ${x} <> b)`;
  // No relationship joins two hidden entities; one touching a hidden entity is of a type its tie allows.
  const relationshipRule = `CASE
          WHEN ${hid('startNode(r)')} THEN NOT ${hid('endNode(r)')} AND ${viaAllowed(rules, 'startNode(r)', 'r')}
          WHEN ${hid('endNode(r)')} THEN ${viaAllowed(rules, 'endNode(r)', 'r')}
          ELSE type(r) IN $direct END`;
  const walkable = [...rules.shown, ...rules.hidden] as const;
  const step = `NOT y.id IN $avoid AND (${hasLabel('y', walkable)} OR y = b)
        AND ${relationshipRule}`;
  // A rule over the whole route (its number of walking steps) would be checked only after the search and
  // starve it: hop bounds are checked on the answers (findPaths); \`via\` is cheap to check as the search goes.
  const pathRule = withVia ? ' WHERE all(v IN $through WHERE any(z IN y WHERE z.id = v))' : '';
  const tier = (cap: string | null): string => `
      MATCH p = SHORTEST ${perTier} ((a)((x)-[r]-(y) WHERE ${step}${cap === null ? '' : `\n        AND (y = b OR COUNT { (y)--() } <= ${cap})`}){1,${maxRaw}}(b)${pathRule})
      RETURN p`;
  return TIER_DEGREE_CAPS.map((cap, i) => tier(cap === null ? null : `$caps[${i}]`)).join('\n      UNION');
}

/**
 * The entities on the candidate routes (with their stored degree, for the hub
 * penalty) and every tie between consecutive ones: the stored relationships of
 * the direct types, and each hidden entity linking the two that derives a tie.
 * One round trip, bounded by the number of hops on the candidates.
 */
export async function readRouteTies(
  db: Database,
  rules: WalkRules,
  ends: readonly string[],
  pairs: readonly (readonly [string, string])[],
  observe?: RoundTripObserver,
  costs: FrontierCosts | null = null,
): Promise<Network> {
  const ids = [...new Set(pairs.flat())];
  // Each pair is read from its end with fewer relationships (see fewerFirst). With \`costs\`, a pair's
  // hidden entities are read only of the labels whose derived tie costs no more than its cheapest
  // stored relationship: only the cheapest tie of a hop is shown, and two hubs can share thousands
  // of statements behind a tie that a direct relationship beats anyway.
  const hiddenFrom = `${hasLabel('h', rules.hidden)} AND NOT h.id IN $ends AND ${viaAllowed(rules, 'h', 'r1')}
           AND ($labelCost IS NULL OR bound IS NULL OR $labelCost[head([l IN labels(h) WHERE l IN $hidden])] <= bound)`;
  const rows = await db.read(
    'path-ties',
    `CALL () {
       UNWIND $ids AS id MATCH (n:Entity {id: id})
       RETURN collect({ n: ${ENTITY_PROJECTION('n')}, degree: COUNT { (n)--() } }) AS nodes
     }
     CALL () {
       UNWIND $pairs AS pair
       MATCH (u:Entity {id: pair[0]})-[r]-(v:Entity {id: pair[1]}) WHERE type(r) IN $direct
       RETURN collect(DISTINCT ${RELATIONSHIP_PROJECTION('r')}) AS rels
     }
     CALL () {
       UNWIND $pairs AS pair
       MATCH (p:Entity {id: pair[0]}), (q:Entity {id: pair[1]})
       ${fewerFirst('p', 'q')}
       WITH u, v, CASE WHEN $typeCost IS NULL THEN null ELSE COLLECT { MATCH (u)-[r]-(v) WHERE type(r) IN $direct RETURN $typeCost[type(r)] AS c ORDER BY c LIMIT 1 }[0] END AS bound
       CALL (u, bound) {
         MATCH (u)-[r1]-(h:Entity) WHERE ${hiddenFrom}
         RETURN r1, h
       }
       MATCH (h)-[r2]-(v) WHERE r2 <> r1 AND ${viaAllowed(rules, 'h', 'r2')}
       RETURN collect({ h: ${ENTITY_PROJECTION('h')}, links: [{ r: ${RELATIONSHIP_PROJECTION('r1')}, other: u.id }, { r: ${RELATIONSHIP_PROJECTION('r2')}, other: v.id }] }) AS hidden
     }
     RETURN nodes, rels, hidden`,
    { ids, pairs, ends, direct: rules.direct, via: rules.via, hidden: rules.hidden, typeCost: costs?.typeCost ?? null, labelCost: costs?.labelCost ?? null },
    observe,
  );
  const row = rows[0];
  if (!row) return { nodes: [], ties: [] };
  const hidden: HiddenNode[] = (row['hidden'] as { h: unknown; links: { r: unknown; other: string }[] }[]).map((x) => ({
    entity: toEntityRecord(x.h),
    links: x.links.map((l) => ({ relationship: toRelationshipRecord(l.r), other: l.other })),
  }));
  return {
    nodes: (row['nodes'] as { n: unknown; degree: unknown }[]).map((x) => ({ entity: toEntityRecord(x.n), storedDegree: Number(x.degree) })),
    ties: [...directTies((row['rels'] as unknown[]).map(toRelationshipRecord)), ...derivedTies(mergeHidden(hidden))],
  };
}

/**
 * Cypher: binds \`u\` to whichever of the two entities has fewer relationships and
 * \`v\` to the other (and keeps \`pair\`). A read that starts at \`u\` inside a
 * subquery that sees only \`u\` cannot be planned from the other end: a route's hop
 * next to a hub (a country with 100k relationships at 1M) otherwise reads the hub's
 * whole neighbourhood (measured: 4–9 s of a k=5 paths request on the 1M bench graph).
 */
function fewerFirst(p: string, q: string): string {
  return `WITH pair, CASE WHEN COUNT { (${p})--() } <= COUNT { (${q})--() } THEN [${p}, ${q}] ELSE [${q}, ${p}] END AS ends
       WITH pair, ends[0] AS u, ends[1] AS v`;
}

/** One entry per hidden entity, its links to every pair it was found between merged (no link twice). */
function mergeHidden(hidden: readonly HiddenNode[]): HiddenNode[] {
  const byKey = new Map<string, { entity: HiddenNode['entity']; links: Map<string, HiddenNode['links'][number]> }>();
  for (const node of hidden) {
    const entry = byKey.get(node.entity.key) ?? { entity: node.entity, links: new Map() };
    for (const link of node.links) entry.links.set(`${link.relationship.id}\u0000${link.other}`, link);
    byKey.set(node.entity.key, entry);
  }
  return [...byKey.values()].map((e) => ({ entity: e.entity, links: [...e.links.values()] }));
}
