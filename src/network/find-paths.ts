import type { Database, RoundTripObserver } from '../db/database.js';
import { readRouteTies, searchRoutes } from '../db/path-search.js';
import type { EntityRecord } from '../db/records.js';
import type { FrontierCosts } from '../db/route-frontiers.js';
import { walkRules, type NetworkSpec, type WalkRules } from '../db/walk-rules.js';
import { DERIVATIONS } from '../model/layers.js';
import { tieInWindow } from './derive-ties.js';
import { hubPenalty, kindCostFunction, tieCostFunction, type TieKind } from './tie-costs.js';
import type { NetworkNode, Tie } from './tie.js';

export interface PathRequest {
  readonly from: string;
  readonly to: string;
  readonly k: number;
  readonly maxHops: number;
  readonly minHops: number;
  readonly via: readonly string[];
  readonly avoidIds: readonly string[];
  readonly avoidKinds: readonly TieKind[];
  readonly costs: ReadonlyMap<TieKind, number>;
  readonly hubCost: number;
  /** Keep only ties holding on this ISO day (undated ties always hold). */
  readonly asOf: string | null;
  readonly spec: NetworkSpec;
}

/** One step of a found path. */
export interface PathStep {
  readonly from: EntityRecord;
  readonly to: EntityRecord;
  readonly tie: Tie;
  readonly cost: number;
}

export interface FoundPath {
  readonly nodes: readonly EntityRecord[];
  readonly steps: readonly PathStep[];
  readonly cost: number;
  /** 1-based position in cost order. */
  readonly rank: number;
}

/**
 * The k cheapest routes between two entities over the network view, in two
 * round trips (three when the search falls back): a bidirectional search bounded
 * by its frontiers (src/db/path-search.ts) proposes candidates priced as below,
 * then the ties between consecutive entities on the k cheapest are read with
 * their evidence (on every candidate when the fallback, which does not price,
 * proposed them). Each candidate walks, at every
 * hop, the cheapest tie allowed between its two entities; candidates are ranked
 * by total cost (then length, then entity keys) and the first `k` distinct ones
 * returned. The ranking is exact over the candidates; a cheaper route the search
 * did not propose (through an entity it left unexpanded: a hub, or a neighbour
 * beyond an entity's cheapest ones) is not seen.
 */
export async function findPaths(db: Database, request: PathRequest, observe?: RoundTripObserver): Promise<FoundPath[]> {
  const rules = walkRules(request.spec, new Set(request.avoidKinds));
  const costs = frontierCosts(rules, request.costs, request.hubCost);
  const candidates = await searchRoutes(
    db,
    {
      from: request.from,
      to: request.to,
      rules,
      maxHops: request.maxHops,
      minHops: request.minHops,
      via: request.via,
      avoidIds: request.avoidIds.filter((id) => id !== request.from && id !== request.to),
      perTier: candidatesPerTier(request.k),
      costs,
    },
    observe,
  );
  const routes = candidates.filter(
    ({ route }) =>
      route.length - 1 >= request.minHops &&
      route.length - 1 <= request.maxHops &&
      new Set(route).size === route.length &&
      request.via.every((v) => route.includes(v)),
  );
  if (routes.length === 0) return [];
  // The frontier search prices its candidates as the ranking below does (tie kind costs plus hub
  // penalties), so only the k cheapest need their ties and evidence read: a hop next to a hub can
  // carry hundreds of statements. The fallback's candidates are unpriced, and with \`asOf\` a tie
  // the search priced may not hold on the day: then every candidate is read.
  const priced = request.asOf === null && routes.every((r) => r.cost !== null);
  const chosen = priced
    ? [...routes].sort((x, y) => nanoUnits(x.cost!) - nanoUnits(y.cost!) || x.route.length - y.route.length || compareRoutes(x.route, y.route)).slice(0, request.k)
    : routes;
  const pairs = new Map<string, readonly [string, string]>();
  for (const { route } of chosen) {
    for (let i = 0; i + 1 < route.length; i += 1) {
      const pair = pairKey(route[i]!, route[i + 1]!);
      pairs.set(pair.join('\u0000'), pair);
    }
  }
  const network = await readRouteTies(db, rules, [request.from, request.to], [...pairs.values()], observe, request.asOf === null ? costs : null);
  const ties = request.asOf === null ? network.ties : network.ties.filter((tie) => tieInWindow(tie, request.asOf, request.asOf, 'include'));
  return rankRoutes(
    chosen.map((r) => r.route),
    network.nodes,
    tiesByPair(ties),
    tieCostFunction(request.costs),
    request,
  )
    .slice(0, request.k)
    .map((path, i) => ({ ...path, rank: i + 1 }));
}

/**
 * Every candidate route priced: at each hop the cheapest tie allowed between its
 * two entities plus the hub penalty of the entity entered (none for the end);
 * routes with a hop that has no tie are dropped. Cheapest first (then fewer hops,
 * then entity keys), so the order is stable.
 */
function rankRoutes(
  routes: readonly (readonly string[])[],
  nodes: readonly NetworkNode[],
  between: ReadonlyMap<string, readonly Tie[]>,
  tieCost: (tie: Tie) => number,
  request: PathRequest,
): FoundPath[] {
  const entities = new Map(nodes.map((n) => [n.entity.key, n]));
  const priced = new Map<string, FoundPath>();
  for (const route of routes) {
    const path = route.map((key) => entities.get(key)?.entity);
    if (path.some((n) => n === undefined)) continue;
    const steps: PathStep[] = [];
    for (let i = 0; i + 1 < route.length; i += 1) {
      const enter = route[i + 1]!;
      const penalty = enter === request.to ? 0 : hubPenalty(entities.get(enter)?.storedDegree ?? 0, request.hubCost);
      const tie = cheapestTie(between.get(pairKey(route[i]!, enter).join('\u0000')) ?? [], tieCost);
      if (!tie) break;
      steps.push({ from: path[i]!, to: path[i + 1]!, tie: tie.tie, cost: tie.cost + penalty });
    }
    if (steps.length !== route.length - 1) continue;
    const id = route.join('\u0000');
    const cost = steps.reduce((s, step) => s + step.cost, 0);
    const known = priced.get(id);
    if (!known || cost < known.cost) priced.set(id, { nodes: path as EntityRecord[], steps, cost, rank: 0 });
  }
  return [...priced.values()].sort((a, b) => nanoUnits(a.cost) - nanoUnits(b.cost) || a.steps.length - b.steps.length || compareKeys(a, b));
}

function tiesByPair(ties: readonly Tie[]): Map<string, Tie[]> {
  const between = new Map<string, Tie[]>();
  for (const tie of ties) {
    const key = pairKey(tie.from, tie.to).join('\u0000');
    between.set(key, [...(between.get(key) ?? []), tie]);
  }
  return between;
}

/** The request's cost of each step kind the walk rules allow, as the frontier search orders by them. */
function frontierCosts(rules: WalkRules, overrides: ReadonlyMap<TieKind, number>, hubCost: number): FrontierCosts {
  const cost = kindCostFunction(overrides);
  return {
    typeCost: Object.fromEntries(rules.direct.map((t) => [t, cost(t)])),
    labelCost: Object.fromEntries(rules.hidden.map((l) => [l, cost(DERIVATIONS[l]!.kind)])),
    hubCost,
  };
}

/** Routes asked of each search tier: enough that the cost ranking has alternatives to choose from. */
export function candidatesPerTier(k: number): number {
  return k + 5;
}

/** The cheapest tie among parallel ones (then the smallest id, so the choice is stable). */
function cheapestTie(ties: readonly Tie[], tieCost: (tie: Tie) => number): { tie: Tie; cost: number } | null {
  let best: { tie: Tie; cost: number } | null = null;
  for (const tie of ties) {
    const cost = tieCost(tie);
    if (!(cost >= 0) || !Number.isFinite(cost)) continue;
    if (!best || cost < best.cost || (cost === best.cost && tie.id < best.tie.id)) best = { tie, cost };
  }
  return best;
}

/** Costs equal to nine decimals rank as equal (sums of logarithms differ in their last bits by the order of addition). */
function nanoUnits(cost: number): number {
  return Math.round(cost * 1e9);
}

function pairKey(a: string, b: string): readonly [string, string] {
  return a < b ? [a, b] : [b, a];
}

function compareKeys(a: FoundPath, b: FoundPath): number {
  return compareRoutes(
    a.nodes.map((n) => n.key),
    b.nodes.map((n) => n.key),
  );
}

function compareRoutes(a: readonly string[], b: readonly string[]): number {
  const x = a.join('\u0000');
  const y = b.join('\u0000');
  return x < y ? -1 : x > y ? 1 : 0;
}
