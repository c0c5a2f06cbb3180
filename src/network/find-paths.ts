import type { Database, RoundTripObserver } from '../db/database.js';
import { readRouteTies, searchRoutes } from '../db/path-search.js';
import type { EntityRecord } from '../db/records.js';
import type { FrontierCosts } from '../db/route-frontiers.js';
import { walkRules, type NetworkSpec, type WalkRules } from '../db/walk-rules.js';
import { DERIVATIONS } from '../model/layers.js';
import { tieInWindow } from './derive-ties.js';
import { hubPenalty, kindCostFunction, tieCostFunction, type TieKind } from './tie-costs.js';
import type { Tie } from './tie.js';

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
 * The k cheapest routes between two entities over the network view, found in
 * two round trips: a bidirectional search bounded by its frontiers (see
 * src/db/path-search.ts) proposes the cheapest candidates, then the ties between
 * consecutive entities on them are read with their evidence. Each candidate walks, at every
 * hop, the cheapest tie allowed between its two entities; candidates are ranked
 * by total cost (then length, then entity keys) and the first `k` distinct ones
 * returned. The ranking is exact over the candidates; a cheaper route the search
 * did not propose (through an entity it left unexpanded: a hub, or a neighbour
 * beyond an entity's cheapest ones) is not seen.
 */
export async function findPaths(db: Database, request: PathRequest, observe?: RoundTripObserver): Promise<FoundPath[]> {
  const rules = walkRules(request.spec, new Set(request.avoidKinds));
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
      costs: frontierCosts(rules, request.costs, request.hubCost),
    },
    observe,
  );
  const routes = candidates.filter(
    (route) =>
      route.length - 1 >= request.minHops &&
      route.length - 1 <= request.maxHops &&
      new Set(route).size === route.length &&
      request.via.every((v) => route.includes(v)),
  );
  if (routes.length === 0) return [];
  const pairs = new Map<string, readonly [string, string]>();
  for (const route of routes) {
    for (let i = 0; i + 1 < route.length; i += 1) {
      const pair = pairKey(route[i]!, route[i + 1]!);
      pairs.set(pair.join('\u0000'), pair);
    }
  }
  const network = await readRouteTies(db, rules, [request.from, request.to], [...pairs.values()], observe);
  const entities = new Map(network.nodes.map((n) => [n.entity.key, n]));
  const tieCost = tieCostFunction(request.costs);
  const between = new Map<string, Tie[]>();
  for (const tie of network.ties) {
    if (request.asOf !== null && !tieInWindow(tie, request.asOf, request.asOf, 'include')) continue;
    const key = pairKey(tie.from, tie.to).join('\u0000');
    between.set(key, [...(between.get(key) ?? []), tie]);
  }
  const ranked = new Map<string, FoundPath>();
  for (const route of routes) {
    const nodes = route.map((key) => entities.get(key)?.entity);
    if (nodes.some((n) => n === undefined)) continue;
    const steps: PathStep[] = [];
    for (let i = 0; i + 1 < route.length; i += 1) {
      const enter = route[i + 1]!;
      const penalty = enter === request.to ? 0 : hubPenalty(entities.get(enter)?.storedDegree ?? 0, request.hubCost);
      const tie = cheapestTie(between.get(pairKey(route[i]!, enter).join('\u0000')) ?? [], tieCost);
      if (!tie) break;
      steps.push({ from: nodes[i]!, to: nodes[i + 1]!, tie: tie.tie, cost: tie.cost + penalty });
    }
    if (steps.length !== route.length - 1) continue;
    const id = route.join('\u0000');
    const cost = steps.reduce((s, step) => s + step.cost, 0);
    const known = ranked.get(id);
    if (!known || cost < known.cost) ranked.set(id, { nodes: nodes as EntityRecord[], steps, cost, rank: 0 });
  }
  return [...ranked.values()]
    .sort((a, b) => nanoUnits(a.cost) - nanoUnits(b.cost) || a.steps.length - b.steps.length || compareKeys(a, b))
    .slice(0, request.k)
    .map((path, i) => ({ ...path, rank: i + 1 }));
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
  const x = a.nodes.map((n) => n.key).join('\u0000');
  const y = b.nodes.map((n) => n.key).join('\u0000');
  return x < y ? -1 : x > y ? 1 : 0;
}
