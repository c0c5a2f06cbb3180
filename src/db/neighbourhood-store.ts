import neo4j from 'neo4j-driver';
import type { Database, RoundTripObserver } from './database.js';
import { hasLabel, viaAllowed, type WalkRules } from './walk-rules.js';

/** One step of a neighbourhood: what was found, what is kept, and whether the search was cut short. */
export interface NeighbourLevel {
  /** Entities found at this step (not seen at an earlier one). */
  readonly total: number;
  /** The kept ones, heaviest ties to the parents first (then by key), at most `room`. */
  readonly kept: readonly string[];
  /** True when some parent had more than `perParent` links and only the first were examined. */
  readonly capped: boolean;
}

/**
 * The entities one walking step from the parents (a stored relationship of a
 * direct type to a shown entity, or two relationships through one hidden entity
 * that derives a tie), leaving out the `seen` ones, ranked by their pull: how many
 * ties (stored relationships and hidden entities) join them to the parents. The
 * cap and the ranking run in Neo4j, and each parent contributes at most
 * `perParent` links, so one step costs at most parents × perParent rows however
 * dense the graph. One round trip.
 */
export async function readNeighbourLevel(
  db: Database,
  rules: WalkRules,
  step: { readonly parents: readonly string[]; readonly seen: readonly string[]; readonly room: number; readonly perParent: number },
  observe?: RoundTripObserver,
): Promise<NeighbourLevel> {
  const shown = hasLabel('m', rules.shown);
  const rows = await db.read(
    'neighbourhood-step',
    `UNWIND $parents AS pid
     MATCH (p:Entity {id: pid})
     CALL (p) {
       CALL (p) {
         MATCH (p)-[r]-(m:Entity) WHERE type(r) IN $direct AND ${shown}
         RETURN m, elementId(r) AS link
         UNION ALL
         MATCH (p)-[r1]-(h:Entity)-[r2]-(m:Entity)
         WHERE ${hasLabel('h', rules.hidden)} AND ${viaAllowed(rules, 'h', 'r1')} AND ${viaAllowed(rules, 'h', 'r2')} AND ${shown} AND m <> p
         RETURN m, elementId(h) AS link
       }
       WITH m, link LIMIT $perParent
       RETURN collect({ m: m.id, link: link }) AS found
     }
     WITH collect({ p: p.id, found: found }) AS parents
     CALL (parents) {
       UNWIND parents AS x
       UNWIND x.found AS f
       WITH x.p AS pid, f.m AS id, f.link AS link
       WHERE NOT id IN $seen
       WITH id, count(DISTINCT [pid, link]) AS pull
       ORDER BY pull DESC, id
       RETURN collect(id) AS ids
     }
     RETURN any(x IN parents WHERE size(x.found) >= $perParent) AS capped, size(ids) AS total, ids[0..$room] AS kept`,
    { parents: step.parents, seen: step.seen, room: neo4j.int(step.room), perParent: neo4j.int(step.perParent), direct: rules.direct, via: rules.via },
    observe,
  );
  const row = rows[0];
  return {
    total: Number(row?.['total'] ?? 0),
    kept: (row?.['kept'] as string[] | undefined) ?? [],
    capped: row?.['capped'] === true,
  };
}
