import type { Tie } from './tie.js';

/** A route: its nodes from start to end, the tie walked at each step, and its total cost. */
export interface Route {
  readonly nodes: readonly string[];
  readonly ties: readonly Tie[];
  /** Per hop: the tie's cost plus the hub penalty of the node entered (the end pays none). */
  readonly hopCosts: readonly number[];
  readonly cost: number;
}

export interface RouteQuery {
  readonly from: string;
  readonly to: string;
  /** How many routes to return. */
  readonly k: number;
  readonly maxHops: number;
  readonly minHops: number;
  /** Every one of these must be on the route. */
  readonly via: readonly string[];
  /** What walking a tie costs (before the hub penalty). */
  readonly tieCost: (tie: Tie) => number;
  /** What entering a node costs (never charged for the route's end). */
  readonly nodeCost: (key: string) => number;
  /** Candidates tried before giving up on filters (`minHops`, `via`); bounds the work per request. */
  readonly maxCandidates?: number;
}

interface Arc {
  readonly to: string;
  readonly tie: Tie;
  readonly cost: number;
}

/**
 * The `k` cheapest simple routes (no node twice) of at most `maxHops` hops, in
 * cost order, by Yen's algorithm over a hop-bounded Bellman–Ford. Parallel
 * ties between the same two nodes count as one step, walked over the cheapest;
 * routes differ by their node sequence. Routes shorter than `minHops` or
 * missing a `via` node are skipped, up to `maxCandidates` routes tried.
 */
export function findRoutes(ties: readonly Tie[], query: RouteQuery): Route[] {
  const adjacency = buildAdjacency(ties, query);
  const accepted: Route[] = [];
  const found: Route[] = [];
  const seen = new Set<string>();
  const candidates: Route[] = [];
  const limit = query.maxCandidates ?? 20 * query.k + 50;
  const first = cheapest(adjacency, query.from, query.to, query.maxHops, new Set(), new Set());
  if (!first) return [];
  found.push(first);
  seen.add(first.nodes.join('\u0000'));
  const accept = (route: Route): void => {
    if (route.ties.length >= query.minHops && query.via.every((v) => route.nodes.includes(v))) accepted.push(route);
  };
  accept(first);
  while (accepted.length < query.k && found.length < limit) {
    const previous = found[found.length - 1]!;
    for (let i = 0; i < previous.nodes.length - 1; i += 1) {
      const spur = previous.nodes[i]!;
      const root = previous.nodes.slice(0, i + 1);
      const blockedArcs = new Set<string>();
      for (const route of found) {
        if (route.nodes.length > i + 1 && root.every((n, j) => route.nodes[j] === n)) blockedArcs.add(`${spur}\u0000${route.nodes[i + 1]!}`);
      }
      const blockedNodes = new Set(root.slice(0, -1));
      const tail = cheapest(adjacency, spur, query.to, query.maxHops - i, blockedNodes, blockedArcs);
      if (!tail) continue;
      const route = join(previous, i, tail);
      const key = route.nodes.join('\u0000');
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(route);
    }
    if (candidates.length === 0) break;
    candidates.sort(byCost);
    const next = candidates.shift()!;
    found.push(next);
    accept(next);
  }
  return accepted.slice(0, query.k);
}

function buildAdjacency(ties: readonly Tie[], query: RouteQuery): Map<string, Map<string, Arc>> {
  const adjacency = new Map<string, Map<string, Arc>>();
  const add = (from: string, to: string, tie: Tie, cost: number): void => {
    const arcs = adjacency.get(from) ?? new Map<string, Arc>();
    const current = arcs.get(to);
    if (!current || cost < current.cost || (cost === current.cost && tie.id < current.tie.id)) arcs.set(to, { to, tie, cost });
    adjacency.set(from, arcs);
  };
  for (const tie of ties) {
    if (tie.from === tie.to) continue;
    const cost = query.tieCost(tie);
    if (!(cost >= 0) || !Number.isFinite(cost)) continue;
    add(tie.from, tie.to, tie, cost + (tie.to === query.to ? 0 : query.nodeCost(tie.to)));
    add(tie.to, tie.from, tie, cost + (tie.from === query.to ? 0 : query.nodeCost(tie.from)));
  }
  return adjacency;
}

/**
 * The cheapest route from `from` to `to` in at most `hops` hops avoiding the
 * blocked nodes and arcs: Bellman–Ford rounds, one per hop. With positive
 * costs the cheapest walk never repeats a node, so it is a simple route.
 */
function cheapest(
  adjacency: Map<string, Map<string, Arc>>,
  from: string,
  to: string,
  hops: number,
  blockedNodes: ReadonlySet<string>,
  blockedArcs: ReadonlySet<string>,
): Route | null {
  if (hops < 1) return null;
  let best = new Map<string, { cost: number; back: { node: string; arc: Arc } | null; hops: number }>([[from, { cost: 0, back: null, hops: 0 }]]);
  const history = [best];
  let frontier = new Set([from]);
  for (let round = 0; round < hops && frontier.size > 0; round += 1) {
    const next = new Map(best);
    const changed = new Set<string>();
    for (const node of frontier) {
      const here = best.get(node)!;
      for (const arc of adjacency.get(node)?.values() ?? []) {
        if (arc.to === from || blockedNodes.has(arc.to) || blockedArcs.has(`${node}\u0000${arc.to}`)) continue;
        const cost = here.cost + arc.cost;
        const current = next.get(arc.to);
        if (!current || cost < current.cost - 1e-12) {
          next.set(arc.to, { cost, back: { node, arc }, hops: here.hops + 1 });
          if (arc.to !== to) changed.add(arc.to);
        }
      }
    }
    best = next;
    history.push(best);
    frontier = changed;
  }
  const end = best.get(to);
  if (!end) return null;
  // Walk back through the rounds: the entry at round h was set from round h-1.
  const nodes = [to];
  const ties: Tie[] = [];
  const costs: number[] = [];
  let node = to;
  let round = history.length - 1;
  while (node !== from) {
    while (round > 0 && history[round - 1]!.get(node)?.cost === history[round]!.get(node)?.cost) round -= 1;
    const entry = history[round]!.get(node)!;
    const back = entry.back!;
    ties.unshift(back.arc.tie);
    costs.unshift(back.arc.cost);
    nodes.unshift(back.node);
    node = back.node;
    round -= 1;
  }
  return { nodes, ties, hopCosts: costs, cost: sum(costs) };
}

function join(previous: Route, i: number, tail: Route): Route {
  const nodes = [...previous.nodes.slice(0, i), ...tail.nodes];
  const ties = [...previous.ties.slice(0, i), ...tail.ties];
  const hopCosts = [...previous.hopCosts.slice(0, i), ...tail.hopCosts];
  return { nodes, ties, hopCosts, cost: sum(hopCosts) };
}

function byCost(a: Route, b: Route): number {
  return a.cost - b.cost || a.ties.length - b.ties.length || (a.nodes.join() < b.nodes.join() ? -1 : 1);
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
