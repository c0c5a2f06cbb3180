import neo4j from 'neo4j-driver';
import type { EntityRecord, RelationshipRecord } from './records.js';
import type { Database, RoundTripObserver } from './database.js';
import { ENTITY_PROJECTION, RELATIONSHIP_PROJECTION, toEntityRecord, toRelationshipRecord } from './records.js';
import { hasLabel, viaAllowed, type WalkRules } from './walk-rules.js';

/** A capped neighbourhood as read: the kept entities (centre first) and the stored relationships among them. */
export interface NeighbourhoodRead {
  readonly nodes: readonly EntityRecord[];
  readonly relationships: readonly RelationshipRecord[];
  /** Entities found within the steps searched, besides the centre. */
  readonly total: number;
  /** False when a step was not searched (nearer ones filled the cap) or an entity's links were cut at `perParent`. */
  readonly complete: boolean;
}

export interface NeighbourhoodQuery {
  readonly centre: string;
  readonly depth: number;
  readonly limit: number;
  readonly perParent: number;
}

/**
 * The neighbourhood in one round trip: step by step, the entities one walking
 * step further (a stored relationship of a direct type to a shown entity, or two
 * relationships through one hidden entity that derives a tie), ranked by their
 * pull (how many ties join them to the step before: stored relationships and
 * hidden entities), then by key. The first step reads all of the centre's links;
 * a further step is searched only while the nearer ones leave room under `limit`,
 * and each entity contributes at most `perParent` links to it, so a request costs
 * at most limit × perParent rows beyond the centre's own links.
 */
export async function readNeighbourhoodIds(db: Database, rules: WalkRules, query: NeighbourhoodQuery, observe?: RoundTripObserver): Promise<NeighbourhoodRead> {
  const depth = Math.trunc(query.depth);
  if (!(depth >= 1 && depth <= 6)) throw new Error('invariant: neighbourhood depth out of range');
  const rows = await db.read(
    'neighbourhood',
    neighbourhoodCypher(rules, depth),
    { id: query.centre, limit: neo4j.int(query.limit), perParent: neo4j.int(query.perParent), direct: rules.direct, via: rules.via },
    observe,
  );
  const row = rows[0];
  if (!row) return { nodes: [], relationships: [], total: 0, complete: true };
  return {
    nodes: (row['nodes'] as unknown[]).map(toEntityRecord),
    relationships: (row['rels'] as unknown[]).map(toRelationshipRecord),
    total: Number(row['total']),
    complete: row['complete'] === true,
  };
}

/** The text of the one-round-trip neighbourhood for a depth (labels from the model only). */
export function neighbourhoodCypher(rules: WalkRules, depth: number): string {
  const links = (p: string): string => `
        CALL (${p}) {
          MATCH (${p})-[r]-(m:Entity) WHERE type(r) IN $direct AND ${hasLabel('m', rules.shown)}
          RETURN m, elementId(r) AS link
          UNION ALL
          MATCH (${p})-[r1]-(h:Entity)-[r2]-(m:Entity)
          WHERE ${hasLabel('h', rules.hidden)} AND ${viaAllowed(rules, 'h', 'r1')} AND ${viaAllowed(rules, 'h', 'r2')}
            AND ${hasLabel('m', rules.shown)} AND m <> ${p}
          RETURN m, elementId(h) AS link
        }`;
  const parts = [
    `MATCH (c:Entity {id: $id})
     CALL (c) {${links('c')}
       WITH m, count(DISTINCT link) AS pull
       WHERE m <> c
       ORDER BY pull DESC, m.id
       RETURN collect(m) AS s1
     }
     WITH c, s1, [c] + s1 AS seen1, false AS cut1`,
  ];
  for (let d = 2; d <= depth; d += 1) {
    const before = Array.from({ length: d - 1 }, (_, i) => `s${i + 1}`);
    const carried = ['c', ...before, `seen${d - 1}`, ...Array.from({ length: d - 1 }, (_, i) => `cut${i + 1}`)].join(', ');
    const kept = before.map((s) => `size(${s})`).join(' + ');
    parts.push(`
     CALL (${carried}) {
       WITH * WHERE ${kept} < $limit
       UNWIND s${d - 1} AS p
       CALL (p) {${links('p')}
         WITH m, link LIMIT $perParent
         RETURN collect([m, link]) AS found
       }
       WITH collect({ p: p, found: found }) AS parents
       RETURN any(x IN parents WHERE size(x.found) >= $perParent) AS cut${d}, COLLECT {
         UNWIND parents AS x
         UNWIND x.found AS f
         WITH x.p AS p, f[0] AS m, f[1] AS link
         WHERE NOT m IN seen${d - 1}
         WITH m, count(DISTINCT [p.id, link]) AS pull
         ORDER BY pull DESC, m.id
         RETURN m
       } AS s${d}
     }
     WITH *, seen${d - 1} + s${d} AS seen${d}`);
  }
  const steps = Array.from({ length: depth }, (_, i) => `s${i + 1}`);
  const kept = steps.map((s, i) => (i === 0 ? `${s}[0..$limit]` : `${s}[0..$limit - (${steps.slice(0, i).map((x) => `size(${x})`).join(' + ')})]`));
  const searchedAll = depth === 1 ? 'true' : `${steps.slice(0, -1).map((s) => `size(${s})`).join(' + ')} < $limit`;
  const cuts = Array.from({ length: depth }, (_, i) => `cut${i + 1}`).join(' OR ');
  parts.push(`
     WITH [c] + ${kept.join(' + ')} AS ns, ${steps.map((s) => `size(${s})`).join(' + ')} AS total, ${searchedAll} AND NOT (${cuts}) AS complete
     RETURN [x IN ns | ${ENTITY_PROJECTION('x')}] AS nodes, total, complete, COLLECT {
       UNWIND ns AS x
       MATCH (x)-[r]->(y:Entity) WHERE y IN ns AND type(r) IN $direct
       RETURN ${RELATIONSHIP_PROJECTION('r')}
     } AS rels`);
  return parts.join('\n');
}
