import { hasLabel, type WalkRules } from './walk-rules.js';

/**
 * The bounds of the bidirectional candidate search (#12). Its work is bounded by
 * these numbers, not by the graph: each side expands at most `expanded` chains
 * per level, reading at most `rawReads` matches per expanded entity, over at most
 * ⌈maxHops/2⌉ (from the start) or ⌊maxHops/2⌋ (from the end) walking steps.
 */
export const FRONTIER_BOUNDS = {
  /** An entity with more stored relationships is a meeting point or an end only, never expanded through (the ends always are). */
  hubDegree: 1000,
  /** Chains expanded per level and side: the cheapest ones (tie costs plus hub penalties so far). */
  expanded: 48,
  /** Matches read per expanded entity and kind of step (direct, through a hidden entity): bounds what an end that is a hub costs. */
  rawReads: 1000,
  /** Chains per side and meeting entity combined into routes: the cheapest ones. */
  chainsPerMeeting: 8,
  /** When the sides do not meet: chains per side ending at an unexpanded hub, tried as one end of a bridge. */
  bridgeHubs: 4,
  /** ... and chains of the other side tried as its other end: the cheapest ones. */
  bridgeEnds: 16,
} as const;

/** Costs the search orders its frontiers by: the request's tie costs (direct types, hidden labels) and hub cost. */
export interface FrontierCosts {
  readonly typeCost: Readonly<Record<string, number>>;
  readonly labelCost: Readonly<Record<string, number>>;
  readonly hubCost: number;
}

/**
 * Cypher returning `routes` (candidate routes as lists of shown entity ids, the
 * cheapest first, at most `limit`), `costs` (each route's cost, in the same
 * order) and `cut` (whether some entity was left unexpanded or some neighbours
 * dropped, so a route may exist that was not seen; false when one side ran dry
 * without a cut, as then it saw every route).
 * Expects `a` and `b` bound; parameters: $direct, $via, $hidden, $avoid, $through,
 * $minHops, $typeCost, $labelCost, $hubCost, and $routeLimit (an integer) when
 * `limit` is not given.
 *
 * Each side walks as the old search did (a stored relationship of a direct type
 * between shown entities, or two through one hidden entity whose derived tie
 * allows both types; the ends always walkable), keeping each chain with its cost:
 * the tie costs plus the hub penalty of every entity entered but the ends — the
 * cost findPaths ranks by, so the cheapest candidates are the ones kept when the
 * bounds cut. The two sides meet on common entities (grouped in one aggregation,
 * a hash join), so a hub is reached from both sides without being expanded.
 * When they do not meet, two sides that stopped at different hubs may still be
 * one relationship apart (Japan and Russia; a country and a region it holds):
 * the cheapest chains ending at an unexpanded hub are bridged to the cheapest
 * chains of the other side by one stored relationship of a direct type, checked
 * between the two chain ends (from the end with fewer relationships). Without
 * the bridge, a tenth of the 1M bench's pairs fell back to the exhaustive search
 * (0.3 to 40 s).
 */
export function frontierSearchCypher(rules: WalkRules, bounds: { readonly maxHops: number; readonly limit?: number }): string {
  // The route limit is a parameter unless given: each distinct text costs Neo4j seconds of planning.
  const limit = bounds.limit === undefined ? '$routeLimit' : String(Math.trunc(bounds.limit));
  const { hubDegree, expanded, rawReads, chainsPerMeeting, bridgeHubs, bridgeEnds } = FRONTIER_BOUNDS;
  const hid = (x: string): string => `(${hasLabel(x, rules.hidden)} AND ${x} <> a AND ${x} <> b)`;
  const enterable = `(${hasLabel('y', rules.shown)} OR y = a OR y = b) AND NOT y.id IN $avoid AND NOT y IN c.nodes`;
  const penalty = `CASE WHEN y = a OR y = b THEN 0.0 ELSE $hubCost * log(1 + degree) / log(2) END`;
  // Both sides grow in the same subqueries (side 0 from a, side 1 from b): half the
  // subqueries of one per side and level, and Neo4j's planning time (seconds, once
  // per query text) grows with their number.
  const level = (sides: string, prev: string, next: string): string => `
    CALL (a, b, ${prev}) {
      WITH a, b, [c IN ${prev} WHERE c.side IN ${sides} AND last(c.nodes) <> CASE c.side WHEN 0 THEN b ELSE a END] AS live
      WITH a, b, live, [c IN live WHERE size(c.nodes) = 1 OR c.degree <= ${hubDegree}] AS openable
      CALL (a, b, openable) {
        UNWIND openable AS c
        WITH a, b, c ORDER BY c.cost
        WITH a, b, c.side AS side, collect(c)[..${expanded}] AS picked
        UNWIND picked AS c
        WITH a, b, c, last(c.nodes) AS x
        // A hidden entity above the cap is not stepped through: a cut, as a hub left unexpanded is.
        WITH a, b, c, x, EXISTS { MATCH (x)--(h) WHERE ${hid('h')} AND COUNT { (h)--() } > ${hubDegree} } AS skipped
        CALL (a, b, c, x) {
          CALL (a, b, c, x) {
            MATCH (x)-[r]-(y) WHERE type(r) IN $direct AND ${enterable}
            RETURN y, $typeCost[type(r)] AS cost LIMIT ${rawReads}
            UNION ALL
            MATCH (x)-[r1]-(h)
            WHERE ${hid('h')} AND NOT h.id IN $avoid AND COUNT { (h)--() } <= ${hubDegree}
            WITH a, b, c, x, r1, h, head([l IN labels(h) WHERE l IN $hidden]) AS kind
            WHERE type(r1) IN $via[kind]
            WITH a, b, c, x, r1, h, kind LIMIT ${rawReads}
            MATCH (h)-[r2]-(y) WHERE r2 <> r1 AND type(r2) IN $via[kind] AND ${enterable}
            RETURN y, $labelCost[kind] AS cost LIMIT ${rawReads}
          }
          WITH y, min(cost) AS cost, count(*) AS reads
          WITH y, cost, reads, COUNT { (y)--() } AS degree
          WITH y, cost, reads, degree, ${penalty} AS pen
          RETURN collect({ side: c.side, nodes: c.nodes + y, cost: c.cost + cost + pen, pen: pen, degree: degree }) AS grown, sum(reads) >= ${rawReads} AS full
        }
        RETURN collect(grown) AS grown, collect({ side: c.side, full: full OR skipped }) AS fulls
      }
      WITH live, openable, fulls, reduce(acc = [], g IN grown | acc + g) AS grown
      RETURN grown AS ${next},
        [s IN [0, 1] | size([c IN live WHERE c.side = s]) > size([c IN openable WHERE c.side = s])
          OR size([c IN openable WHERE c.side = s]) > ${expanded} OR any(f IN fulls WHERE f.side = s AND f.full)] AS ${next}Cut,
        [s IN [0, 1] | s IN ${sides} AND none(c IN grown WHERE c.side = s)] AS ${next}Dry
    }`;
  const fwdDepth = Math.ceil(bounds.maxHops / 2);
  const bwdDepth = Math.floor(bounds.maxHops / 2);
  const levels = ['l0'];
  let text = '';
  for (let i = 1; i <= fwdDepth; i += 1) {
    text += level(i <= bwdDepth ? '[0, 1]' : '[0]', `l${i - 1}`, `l${i}`);
    levels.push(`l${i}`);
  }
  // A side that stopped growing without any cut has seen every route there is from its end: none was missed.
  const anyOf = (suffix: string, side: number): string => (levels.length === 1 ? 'false' : levels.slice(1).map((l) => `${l}${suffix}[${side}]`).join(' OR '));
  const cut = `(${anyOf('Cut', 0)} OR ${anyOf('Cut', 1)}) AND NOT ((${anyOf('Dry', 0)}) AND NOT (${anyOf('Cut', 0)}) OR (${anyOf('Dry', 1)}) AND NOT (${anyOf('Cut', 1)}))`;
  return `
    WITH a, b, [{ side: 0, nodes: [a], cost: 0.0, pen: 0.0, degree: 0 }, { side: 1, nodes: [b], cost: 0.0, pen: 0.0, degree: 0 }] AS l0
    ${text}
    WITH ${levels.join(' + ')} AS chains, ${cut} AS cut
    CALL (chains) {
      UNWIND chains AS c
      WITH c ORDER BY c.cost
      WITH last(c.nodes) AS m, collect(c) AS cs
      WITH m, [c IN cs WHERE c.side = 0][..${chainsPerMeeting}] AS fs, [c IN cs WHERE c.side = 1][..${chainsPerMeeting}] AS gs
      WHERE size(fs) > 0 AND size(gs) > 0
      UNWIND fs AS f
      UNWIND gs AS g
      WITH f, g WHERE none(n IN g.nodes[..-1] WHERE n IN f.nodes)
      WITH f.nodes + reverse(g.nodes)[1..] AS nodes, f.cost + g.cost - f.pen AS cost
      WHERE size(nodes) - 1 >= $minHops AND all(v IN $through WHERE any(n IN nodes WHERE n.id = v))
      WITH [n IN nodes | n.id] AS route, min(cost) AS cost
      ORDER BY cost, route LIMIT ${limit}
      RETURN collect(route) AS routes, collect(cost) AS costs
    }
    CALL (chains, routes) {
      WITH chains WHERE size(routes) = 0
      UNWIND chains AS f
      WITH chains, f WHERE size(f.nodes) > 1 AND f.degree > ${hubDegree}
      WITH chains, f ORDER BY f.cost
      WITH chains, f.side AS side, collect(f)[..${bridgeHubs}] AS fs
      UNWIND fs AS f
      CALL (chains, f) {
        UNWIND chains AS g
        WITH f, g WHERE g.side <> f.side AND none(n IN g.nodes WHERE n IN f.nodes)
        WITH f, g ORDER BY g.cost
        WITH f, collect(g)[..${bridgeEnds}] AS gs
        UNWIND gs AS g
        RETURN g
      }
      WITH f, g, last(f.nodes) AS x, last(g.nodes) AS y
      MATCH (x)-[r]-(y) WHERE type(r) IN $direct
      WITH f, g, min($typeCost[type(r)]) AS hop
      WITH CASE f.side WHEN 0 THEN f.nodes + reverse(g.nodes) ELSE g.nodes + reverse(f.nodes) END AS nodes, f.cost + g.cost + hop AS cost
      WHERE ${bounds.maxHops} >= size(nodes) - 1 >= $minHops AND all(v IN $through WHERE any(n IN nodes WHERE n.id = v))
      WITH [n IN nodes | n.id] AS route, min(cost) AS cost
      ORDER BY cost, route LIMIT ${limit}
      RETURN collect(route) AS bridged, collect(cost) AS bridgedCosts
    }
    RETURN routes + bridged AS routes, costs + bridgedCosts AS costs, cut`;
}
