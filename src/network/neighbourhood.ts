import type { Database, RoundTripObserver } from '../db/database.js';
import { readNeighbourLevel } from '../db/neighbourhood-store.js';
import { readNetwork } from '../db/network-store.js';
import type { EntityRecord, RelationshipRecord } from '../db/records.js';
import { walkRules, type NetworkSpec } from '../db/walk-rules.js';
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
 * them, read step by step (one round trip per step, then one for the ties).
 * Nearer entities come first; among equally near ones, those with the most ties
 * to the entities one step closer (then by key), so a hub keeps its main partners
 * and the cut is the same every time. The cap and the ranking run in Neo4j: once
 * a step fills `limit`, farther steps are not searched, and beyond the first step
 * each entity contributes at most `perParent` links. `complete` says whether the
 * counts cover the whole neighbourhood.
 */
export async function readNeighbourhood(db: Database, request: NeighbourhoodRequest, observe?: RoundTripObserver): Promise<NeighbourhoodView> {
  const rules = walkRules(request.spec);
  const kept: string[] = [];
  const seen = [request.centre];
  let parents = [request.centre];
  let total = 0;
  let complete = true;
  for (let d = 1; d <= request.depth && parents.length > 0; d += 1) {
    const room = request.limit - kept.length;
    if (room <= 0) {
      complete = false;
      break;
    }
    const level = await readNeighbourLevel(db, rules, { parents, seen, room, perParent: d === 1 ? FIRST_STEP_LINKS : request.perParent }, observe);
    total += level.total;
    if (level.capped) complete = false;
    kept.push(...level.kept);
    seen.push(...level.kept);
    parents = [...level.kept];
  }
  const network = await readNetwork(db, request.spec, { kind: 'ids', ids: [request.centre, ...kept] }, observe, { derived: request.derivedTies });
  if (!network.nodes.some((n) => n.entity.key === request.centre)) return { nodes: [], relationships: [], ties: [], totalCount: 0, omitted: 0, complete: true };
  return {
    nodes: network.nodes.map((n) => n.entity),
    relationships: network.ties.flatMap((t) => (t.relationship ? [t.relationship] : [])),
    ties: network.ties,
    totalCount: total,
    omitted: Math.max(0, total - kept.length),
    complete,
  };
}

/** The centre's own links are all examined, so its direct neighbours are ranked and counted exactly. */
const FIRST_STEP_LINKS = 1_000_000_000;
