import type { Database, RoundTripObserver } from '../db/database.js';
import { readNetwork, type NetworkSpec } from '../db/network-store.js';
import type { EntityRecord, RelationshipRecord } from '../db/records.js';
import type { Tie } from './tie.js';

export interface NeighbourhoodRequest {
  readonly centre: string;
  readonly depth: number;
  /** Most nodes besides the centre. */
  readonly limit: number;
  readonly spec: NetworkSpec;
  readonly maxNodes: number;
}

/** A capped neighbourhood: what was kept, and how much was left out. */
export interface NeighbourhoodView {
  readonly nodes: readonly EntityRecord[];
  /** Stored relationships among the kept nodes. */
  readonly relationships: readonly RelationshipRecord[];
  /** Direct and derived ties among the kept nodes. */
  readonly ties: readonly Tie[];
  /** Nodes within `depth` besides the centre, before the cap. */
  readonly totalCount: number;
  /** How many of them the cap left out. */
  readonly omitted: number;
}

/**
 * The nodes within `depth` walking steps of the centre (a stored relationship,
 * or a tie derived through a hidden node) and the ties among them. When more
 * than `limit` are found, the nearest are kept and, among equally near ones,
 * those with the heaviest ties to the nodes one step closer (then by key),
 * so a hub keeps its main partners and the cut is the same every time.
 */
export async function readNeighbourhood(db: Database, request: NeighbourhoodRequest, observe?: RoundTripObserver): Promise<NeighbourhoodView> {
  const network = await readNetwork(
    db,
    request.spec,
    { kind: 'ball', centres: [request.centre], radius: request.depth, maxNodes: request.maxNodes },
    observe,
  );
  const centre = network.nodes.find((n) => n.entity.key === request.centre);
  if (!centre) return { nodes: [], relationships: [], ties: [], totalCount: 0, omitted: 0 };
  const neighbours = new Map<string, Tie[]>();
  for (const tie of network.ties) {
    neighbours.set(tie.from, [...(neighbours.get(tie.from) ?? []), tie]);
    neighbours.set(tie.to, [...(neighbours.get(tie.to) ?? []), tie]);
  }
  const distance = new Map([[request.centre, 0]]);
  const pull = new Map<string, number>();
  let frontier = [request.centre];
  for (let d = 1; d <= request.depth && frontier.length > 0; d += 1) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const tie of neighbours.get(node) ?? []) {
        const other = tie.from === node ? tie.to : tie.from;
        const known = distance.get(other);
        if (known === undefined) {
          distance.set(other, d);
          next.push(other);
        }
        if ((distance.get(other) ?? 0) === d) pull.set(other, (pull.get(other) ?? 0) + tie.weight);
      }
    }
    frontier = next;
  }
  const ranked = network.nodes
    .filter((n) => n.entity.key !== request.centre && distance.has(n.entity.key))
    .sort(
      (a, b) =>
        distance.get(a.entity.key)! - distance.get(b.entity.key)! ||
        (pull.get(b.entity.key) ?? 0) - (pull.get(a.entity.key) ?? 0) ||
        (a.entity.key < b.entity.key ? -1 : 1),
    );
  const kept = [centre, ...ranked.slice(0, request.limit)];
  const keys = new Set(kept.map((n) => n.entity.key));
  const ties = network.ties.filter((t) => keys.has(t.from) && keys.has(t.to));
  return {
    nodes: kept.map((n) => n.entity),
    relationships: ties.flatMap((t) => (t.relationship ? [t.relationship] : [])),
    ties,
    totalCount: ranked.length,
    omitted: Math.max(0, ranked.length - request.limit),
  };
}
