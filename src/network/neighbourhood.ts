import type { Database, RoundTripObserver } from '../db/database.js';
import { readNeighbourhoodIds } from '../db/neighbourhood-store.js';
import { readNetwork } from '../db/network-store.js';
import type { EntityRecord, RelationshipRecord } from '../db/records.js';
import { walkRules, type NetworkSpec } from '../db/walk-rules.js';
import { directTies } from './derive-ties.js';
import type { Tie } from './tie.js';

export interface NeighbourhoodRequest {
  readonly centre: string;
  readonly depth: number;
  /** Most nodes besides the centre. */
  readonly limit: number;
  readonly spec: NetworkSpec;
  /** Beyond the first step, the most links each entity contributes to the next step. */
  readonly perParent: number;
  /** Whether to read the ties derived through hidden entities (false: stored relationships only, much cheaper). */
  readonly derivedTies: boolean;
}

/** A capped neighbourhood: what was kept, and how much was left out. */
export interface NeighbourhoodView {
  readonly nodes: readonly EntityRecord[];
  /** Stored relationships among the kept nodes. */
  readonly relationships: readonly RelationshipRecord[];
  /** Direct and derived ties among the kept nodes. */
  readonly ties: readonly Tie[];
  /** Entities found within the steps searched, besides the centre, before the cap. */
  readonly totalCount: number;
  /** How many of them the cap left out. */
  readonly omitted: number;
  /** False when farther steps were not searched or an entity's links were cut at `perParent`: the counts are then a floor. */
  readonly complete: boolean;
}

/**
 * The entities within `depth` walking steps of the centre (a stored
 * relationship, or a tie derived through a hidden entity) and the ties among
 * them. Nearer entities come first; among equally near ones, those with the most
 * ties to the entities one step closer (then by key), so a hub keeps its main
 * partners and the cut is the same every time. The cap and the ranking run in
 * Neo4j, in one round trip (src/db/neighbourhood-store.ts); the ties derived
 * through hidden entities take a second one, only when asked for.
 */
export async function readNeighbourhood(db: Database, request: NeighbourhoodRequest, observe?: RoundTripObserver): Promise<NeighbourhoodView> {
  const rules = walkRules(request.spec);
  const read = await readNeighbourhoodIds(db, rules, request, observe);
  if (read.nodes.length === 0) return { nodes: [], relationships: [], ties: [], totalCount: 0, omitted: 0, complete: true };
  const kept = read.nodes.length - 1;
  const counts = { totalCount: read.total, omitted: Math.max(0, read.total - kept), complete: read.complete };
  if (!request.derivedTies) return { nodes: read.nodes, relationships: read.relationships, ties: directTies(read.relationships), ...counts };
  const network = await readNetwork(db, request.spec, { kind: 'ids', ids: read.nodes.map((n) => n.key) }, observe);
  return {
    nodes: network.nodes.map((n) => n.entity),
    relationships: network.ties.flatMap((t) => (t.relationship ? [t.relationship] : [])),
    ties: network.ties,
    ...counts,
  };
}
