import { derivedTies, directTies, type HiddenNode } from '../network/derive-ties.js';
import type { Network } from '../network/tie.js';
import type { Database, RoundTripObserver } from './database.js';
import { ENTITY_PROJECTION, RELATIONSHIP_PROJECTION, toEntityRecord, toRelationshipRecord } from './records.js';
import { hasLabel, viaAllowed, type WalkRules } from './walk-rules.js';

/** What Neo4j's route search is asked: the ends, the walk rules, the hop bounds and the filters. */
export interface RouteSearch {
  readonly from: string;
  readonly to: string;
  readonly rules: WalkRules;
  /** Longest route in walking steps: the search reads routes of up to twice as many relationships. */
  readonly maxHops: number;
  readonly via: readonly string[];
  readonly avoidIds: readonly string[];
  /** Routes asked of each search tier. */
  readonly perTier: number;
}

/**
 * The degree caps of the search tiers: the first tier may step only through
 * entities with at most 32 relationships, the second through any. Neo4j's
 * shortest-path search counts hops, not costs; without the caps every candidate
 * would run through Japan or Russia (a hub is a shortcut to everything), and the
 * specific routes the cost ranking prefers would never be seen.
 */
export const TIER_DEGREE_CAPS: readonly (number | null)[] = [32, null];

/**
 * The candidate routes between two entities: for each tier, Neo4j's `SHORTEST k`
 * search over the walk graph (a stored relationship between shown entities, or two
 * relationships through one hidden entity that derives a tie), with every rule in
 * the pattern so the search prunes as it goes. Each route is returned as its shown
 * entities, in order; one round trip whatever the graph's size.
 */
export async function searchRoutes(db: Database, search: RouteSearch, observe?: RoundTripObserver): Promise<string[][]> {
  const maxRaw = 2 * Math.trunc(search.maxHops);
  const perTier = Math.trunc(search.perTier);
  if (!(maxRaw >= 2 && maxRaw <= 30) || !(perTier >= 1 && perTier <= 1000)) throw new Error('invariant: route search bounds out of range');
  const rows = await db.read(
    'path-search',
    routeSearchCypher(search.rules, { maxRaw, perTier, withVia: search.via.length > 0 }),
    {
      from: search.from,
      to: search.to,
      via: search.rules.via,
      hidden: search.rules.hidden,
      direct: search.rules.direct,
      avoid: search.avoidIds,
      through: search.via,
      caps: TIER_DEGREE_CAPS.filter((c) => c !== null),
    },
    observe,
  );
  return rows.map((row) => row['route'] as string[]);
}

/**
 * The search text for a set of walk rules. A step enters a hidden entity only
 * from a shown one and leaves it only to a shown one, over the types its derived
 * tie allows; between shown entities only direct types. The two ends are always
 * walkable, whatever their layer.
 *
 * Every rule is written on one element of the step: the relationship (through its
 * own two end nodes) or the node entered. Neo4j inlines only such predicates into
 * its shortest-route search and prunes as it goes; a rule that compares `x` with
 * `y` is checked on whole routes after they are found, and the search then walks
 * the unfiltered graph (measured on the bench's 1M graph: 2.0 s p50 over eight
 * pairs with the rule on x and y, 0.8 s with the same rule on the relationship).
 */
export function routeSearchCypher(rules: WalkRules, bounds: { readonly maxRaw: number; readonly perTier: number; readonly withVia: boolean }): string {
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
  // starve it: hop bounds are checked on the answers (findPaths); `via` is cheap to check as the search goes.
  const pathRule = withVia ? ' WHERE all(v IN $through WHERE any(z IN y WHERE z.id = v))' : '';
  const tier = (cap: string | null): string => `
      MATCH p = SHORTEST ${perTier} ((a)((x)-[r]-(y) WHERE ${step}${cap === null ? '' : `\n        AND (y = b OR COUNT { (y)--() } <= ${cap})`}){1,${maxRaw}}(b)${pathRule})
      RETURN p`;
  const capped = TIER_DEGREE_CAPS.map((cap, i) => tier(cap === null ? null : `$caps[${i}]`));
  return `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
    CALL (a, b) {${capped.join('\n      UNION')}
    }
    RETURN DISTINCT [z IN nodes(p) WHERE NOT ${hid('z')} | z.id] AS route`;
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
): Promise<Network> {
  const ids = [...new Set(pairs.flat())];
  const hiddenBetween = `${hasLabel('h', rules.hidden)} AND NOT h.id IN $ends AND ${viaAllowed(rules, 'h', 'r1')} AND ${viaAllowed(rules, 'h', 'r2')}`;
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
       MATCH (u:Entity {id: pair[0]})-[r1]-(h:Entity)-[r2]-(v:Entity {id: pair[1]})
       WHERE ${hiddenBetween}
       RETURN collect({ h: ${ENTITY_PROJECTION('h')}, links: [{ r: ${RELATIONSHIP_PROJECTION('r1')}, other: u.id }, { r: ${RELATIONSHIP_PROJECTION('r2')}, other: v.id }] }) AS hidden
     }
     RETURN nodes, rels, hidden`,
    { ids, pairs, ends, direct: rules.direct, via: rules.via },
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
