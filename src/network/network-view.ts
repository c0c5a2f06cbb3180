import type { Database, RoundTripObserver } from '../db/database.js';
import { readNetwork, type NetworkScope } from '../db/network-store.js';
import type { NetworkSpec } from '../db/walk-rules.js';
import type { EntityRecord } from '../db/records.js';
import { tieInWindow } from './derive-ties.js';
import type { Tie } from './tie.js';

export type UndatedMode = 'include' | 'exclude';

export interface NetworkRequest {
  readonly spec: NetworkSpec;
  readonly scope: NetworkScope;
  /** Window as ISO days; null = unbounded. */
  readonly from: string | null;
  readonly to: string | null;
  readonly undated: UndatedMode;
  /** Keep only ties of at least this weight. */
  readonly minWeight: number;
  /** Most nodes to return. */
  readonly limit: number;
  /** Drop nodes left without a tie. */
  readonly dropIsolates: boolean;
}

export interface NetworkView {
  readonly nodes: readonly EntityRecord[];
  readonly ties: readonly Tie[];
  /** Nodes before the cap. */
  readonly totalCount: number;
  readonly omitted: number;
}

/**
 * A network view for drawing or analysis: the shown nodes and their direct and
 * derived ties, filtered by time window and weight. When capped, the nodes with
 * the heaviest ties are kept (then by key) and the rest counted in `omitted`.
 */
export async function readNetworkView(db: Database, request: NetworkRequest, observe?: RoundTripObserver): Promise<NetworkView> {
  const network = await readNetwork(db, request.spec, request.scope, observe);
  return shapeNetwork(network.nodes.map((n) => n.entity), network.ties, request);
}

/** The filtering and capping of `readNetworkView`, apart from the read (also used by the exports). */
export function shapeNetwork(
  entities: readonly EntityRecord[],
  allTies: readonly Tie[],
  request: Pick<NetworkRequest, 'from' | 'to' | 'undated' | 'minWeight' | 'limit' | 'dropIsolates'>,
): NetworkView {
  const windowed = request.from !== null || request.to !== null || request.undated === 'exclude';
  const ties = allTies.filter(
    (t) => t.weight >= request.minWeight && (!windowed || tieInWindow(t, request.from, request.to, request.undated)),
  );
  const strength = new Map<string, number>();
  for (const tie of ties) {
    strength.set(tie.from, (strength.get(tie.from) ?? 0) + tie.weight);
    strength.set(tie.to, (strength.get(tie.to) ?? 0) + tie.weight);
  }
  const candidates = entities.filter((e) => !request.dropIsolates || strength.has(e.key));
  const ranked = [...candidates].sort((a, b) => (strength.get(b.key) ?? 0) - (strength.get(a.key) ?? 0) || (a.key < b.key ? -1 : 1));
  const kept = new Set(ranked.slice(0, request.limit).map((e) => e.key));
  return {
    nodes: candidates.filter((e) => kept.has(e.key)),
    ties: ties.filter((t) => kept.has(t.from) && kept.has(t.to)),
    totalCount: candidates.length,
    omitted: Math.max(0, candidates.length - request.limit),
  };
}
