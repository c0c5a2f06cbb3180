import { neighbourhoodCypher } from '../../../../src/db/neighbourhood-store.js';
import { routeSearchCypher, TIER_DEGREE_CAPS } from '../../../../src/db/path-search.js';
import { walkRules, type WalkRules } from '../../../../src/db/walk-rules.js';
import { RELATIONSHIP_TYPES } from '../../../../src/model/graph-model.js';
import { DEFAULT_WALK_LAYERS, DERIVATIONS, HUB_COST, RELATIONSHIP_NETWORK } from '../../../../src/model/layers.js';
import { NEIGHBOURHOOD_LINKS_PER_ENTITY } from '../../../../src/schema/network-arguments.js';

/**
 * The floor for the network workloads, with our API's semantics (#12): the same
 * layers (actors and context walked, statements, figures and documents folded into
 * derived ties), the same k, caps and costs, but every step in one Cypher query per
 * request, no GraphQL and no ranking in Node. The candidate route search is the
 * same text our API sends (src/db/path-search.ts), so both rank the same candidates.
 */

/** Routes per workload request, hops at most, and routes per search tier (as src/network/find-paths.ts asks for k). */
export const PATHS_K = 5;
export const PATHS_MAX_HOPS = 4;
const PER_TIER = PATHS_K + 5;

/** The neighbourhood workload: depth 2, at most 50 besides the centre, 200 links per entity beyond the first step (our API's NEIGHBOURHOOD_LINKS_PER_ENTITY). */
export const NEIGHBOURHOOD_LIMIT = 50;
const LINKS_PER_ENTITY = NEIGHBOURHOOD_LINKS_PER_ENTITY;

const RULES: WalkRules = walkRules({ layers: DEFAULT_WALK_LAYERS, types: null, relationshipTypes: RELATIONSHIP_TYPES });

/** The parameters of the route search, as our API passes them (plus the cost tables the ranking reads). */
export function pathsFloorParams(from: string, to: string): Record<string, unknown> {
  const labelCost: Record<string, number> = {};
  const labelKind: Record<string, string> = {};
  for (const label of RULES.hidden) {
    const spec = DERIVATIONS[label]!;
    labelCost[label] = spec.cost;
    labelKind[label] = spec.kind;
  }
  return {
    from,
    to,
    via: RULES.via,
    hidden: RULES.hidden,
    direct: RULES.direct,
    avoid: [],
    through: [],
    minHops: 1,
    hubCost: HUB_COST,
    caps: TIER_DEGREE_CAPS.filter((c) => c !== null),
    typeCost: Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, RELATIONSHIP_NETWORK[t].cost])),
    labelCost,
    labelKind,
  };
}

/** Network workload parameters for the neighbourhood floor. */
export function neighbourhoodFloorParams(id: string): Record<string, unknown> {
  return { id, limit: NEIGHBOURHOOD_LIMIT, perParent: LINKS_PER_ENTITY, via: RULES.via, direct: RULES.direct };
}

/**
 * k cheapest routes: candidates from the shared search, then for every hop the
 * cheapest tie between its two entities (a stored relationship of a direct type,
 * or a kind of derived tie through a hidden entity; ties of equal cost by id),
 * plus the hub penalty of the entity entered (none for the end).
 */
export const RAW_PATHS = `
    CALL () {
      ${routeSearchCypher(RULES, { maxHops: PATHS_MAX_HOPS, perTier: PER_TIER, withVia: false })}
    }
    WITH route, cost
    WHERE size(route) >= 2 AND size(route) - 1 <= ${PATHS_MAX_HOPS} AND all(i IN range(1, size(route) - 1) WHERE NOT route[i] IN route[0..i])
    WITH route, cost ORDER BY cost, route
    // Priced candidates (the frontier search's): only the k cheapest need their ties read.
    WITH collect(route) AS candidates, count(cost) AS priced
    UNWIND CASE WHEN priced = size(candidates) THEN candidates[..${PATHS_K}] ELSE candidates END AS route
    CALL (route) {
      UNWIND range(0, size(route) - 2) AS i
      MATCH (u:Entity {id: route[i]}), (v:Entity {id: route[i + 1]})
      CALL (u, v) {
        MATCH (u)-[r]-(v) WHERE type(r) IN $direct
        RETURN $typeCost[type(r)] AS cost, r.id AS tie, r AS rel
        UNION
        // Which hidden labels link the two, from the end with fewer relationships, only of labels
        // no dearer than their cheapest stored relationship, each check stopping at its first find.
        WITH u, v, CASE WHEN COUNT { (u)--() } <= COUNT { (v)--() } THEN [u, v] ELSE [v, u] END AS ends,
          COLLECT { MATCH (u)-[r]-(v) WHERE type(r) IN $direct RETURN $typeCost[type(r)] AS c ORDER BY c LIMIT 1 }[0] AS bound
        WITH u, v, ends[0] AS s, ends[1] AS t, bound
        UNWIND [l IN $hidden WHERE bound IS NULL OR $labelCost[l] <= bound] AS candidate
        CALL (s, t, candidate) {
          CALL (s, candidate) {
            MATCH (s)-[r1]-(h:Entity) WHERE candidate IN labels(h) AND NOT h.id IN [$from, $to] AND type(r1) IN $via[candidate]
            RETURN r1, h
          }
          MATCH (h)-[r2]-(t) WHERE r2 <> r1 AND type(r2) IN $via[candidate]
          RETURN candidate AS label LIMIT 1
        }
        RETURN $labelCost[label] AS cost,
          $labelKind[label] + ':' + CASE WHEN u.id < v.id THEN u.id + ':' + v.id ELSE v.id + ':' + u.id END AS tie,
          null AS rel
      }
      WITH i, u, v, cost, tie, rel ORDER BY cost, tie
      WITH i, u, v, head(collect({ cost: cost, rel: rel })) AS best
      WITH i, u, v, best, best.cost + CASE WHEN v.id = $to THEN 0.0 ELSE ${HUB_COST} * log(1 + COUNT { (v)--() }) / log(2) END AS hop
      ORDER BY i
      RETURN sum(hop) AS cost, collect(u { .id, .name }) + collect(v { .id, .name })[-1..] AS nodes,
        collect(CASE WHEN best.rel IS NULL THEN { relationshipId: null } ELSE { relationshipId: best.rel.id, type: type(best.rel), citations: best.rel.citations } END) AS hops
    }
    WITH route, cost, nodes, hops ORDER BY round(cost, 9), size(route), route LIMIT ${PATHS_K}
    RETURN size(route) - 1 AS length, nodes, hops`;

/**
 * The neighbourhood at depth 2 in one query: the same text our API sends
 * (src/db/neighbourhood-store.ts) with the same parameters, so both keep the same
 * entities; what the floor saves is everything around it (GraphQL, a second pass).
 */
export const RAW_NEIGHBOURHOOD = neighbourhoodCypher(RULES, 2);

/**
 * The same floor as text with its parameters written in as literals, for a
 * `@cypher` field (which sees only its own arguments): `$from`, `$to` and `$id`
 * stay parameters. Values come from the model (labels, types, numbers), never from a request.
 */
export function withLiterals(text: string, params: Record<string, unknown>): string {
  return text.replace(/\$([A-Za-z]+)/g, (whole, name: string) => (Object.hasOwn(params, name) && !['from', 'to', 'id'].includes(name) ? cypherLiteral(params[name]) : whole));
}

function cypherLiteral(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `\`${k}\`: ${cypherLiteral(v)}`).join(', ')}}`;
  throw new Error(`invariant: no Cypher literal for ${String(value)}`);
}
