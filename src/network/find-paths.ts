import { readNetwork, type NetworkSpec } from '../db/network-store.js';
import type { Database, RoundTripObserver } from '../db/database.js';
import type { EntityRecord } from '../db/records.js';
import { tieInWindow } from './derive-ties.js';
import { findRoutes } from './path-finder.js';
import { hubPenalty, tieCostFunction, type TieKind } from './tie-costs.js';
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
  /** Largest number of nodes the search may load around the two ends. */
  readonly maxNodes: number;
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
 * The k cheapest routes between two entities over the network view. Every
 * route of at most `maxHops` hops lies within ⌊maxHops/2⌋ hops of one of its
 * ends (each node is nearer one end than half the length), so the search reads
 * just those two balls (one round trip per step, then one for the ties among
 * them) and ranks routes in memory.
 */
export async function findPaths(db: Database, request: PathRequest, observe?: RoundTripObserver): Promise<FoundPath[]> {
  const network = await readNetwork(
    db,
    request.spec,
    { kind: 'ball', centres: [request.from, request.to], radius: Math.floor(request.maxHops / 2), maxNodes: request.maxNodes },
    observe,
  );
  const entities = new Map(network.nodes.map((n) => [n.entity.key, n]));
  if (!entities.has(request.from) || !entities.has(request.to)) return [];
  const avoid = new Set(request.avoidIds);
  const avoidKinds = new Set<string>(request.avoidKinds);
  const ties = network.ties.filter(
    (t) =>
      !avoid.has(t.from) &&
      !avoid.has(t.to) &&
      !avoidKinds.has(t.kind) &&
      (request.asOf === null || tieInWindow(t, request.asOf, request.asOf, 'include')),
  );
  const routes = findRoutes(ties, {
    from: request.from,
    to: request.to,
    k: request.k,
    maxHops: request.maxHops,
    minHops: request.minHops,
    via: request.via,
    tieCost: tieCostFunction(request.costs),
    nodeCost: (key) => hubPenalty(entities.get(key)?.storedDegree ?? 0, request.hubCost),
  });
  return routes.map((route, i) => {
    const nodes = route.nodes.map((key) => entities.get(key)!.entity);
    return {
      nodes,
      steps: route.ties.map((tie, j) => ({ from: nodes[j]!, to: nodes[j + 1]!, tie, cost: route.hopCosts[j]! })),
      cost: route.cost,
      rank: i + 1,
    };
  });
}
