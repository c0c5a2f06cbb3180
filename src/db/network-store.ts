import { derivedTies, directTies, type HiddenNode } from '../network/derive-ties.js';
import type { Network } from '../network/tie.js';
import type { Database, Params, RoundTripObserver } from './database.js';
import { ENTITY_PROJECTION, RELATIONSHIP_PROJECTION, toEntityRecord, toRelationshipRecord } from './records.js';
import { hasLabel, viaAllowed, walkRules, type NetworkSpec, type WalkRules } from './walk-rules.js';

/** Which nodes a network read covers: every shown node, those within `radius` walking steps of the centres, or given ones. */
export type NetworkScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'ball'; readonly centres: readonly string[]; readonly radius: number; readonly maxNodes: number }
  | { readonly kind: 'ids'; readonly ids: readonly string[] };

/** The ball grew past its limit: the caller narrows the request. */
export class NetworkTooLargeError extends Error {
  override name = 'NetworkTooLargeError';
  constructor(readonly size: number, readonly limit: number) {
    super(`the network around the requested entities has ${size} nodes, more than ${limit}`);
  }
}

const MAX_RADIUS = 6;

/**
 * Reads a network view: the shown nodes (with their stored
 * degree), the stored relationships among them as direct ties, and every
 * hidden node (a node of a layer not shown) linked to two or more shown nodes
 * by a type that derives a tie, folded into derived ties (src/network/derive-ties.ts).
 * Ties are computed on read, never stored. One round trip for the whole graph
 * or given ids; a ball around centres adds one per step (readBall).
 */
export async function readNetwork(
  db: Database,
  spec: NetworkSpec,
  scope: NetworkScope,
  observe?: RoundTripObserver,
  options: { readonly derived: boolean } = { derived: true },
): Promise<Network> {
  const rules = walkRules(spec);
  const params: Params = { shown: rules.shown, hiddenLabels: rules.hidden, via: rules.via, direct: rules.direct };
  const isShown = (x: string): string => `any(l IN labels(${x}) WHERE l IN $shown)`;
  let ids: readonly string[] = [];
  if (scope.kind === 'ball') {
    ids = await readBall(db, rules, params, scope, observe);
    if (ids.length > scope.maxNodes) throw new NetworkTooLargeError(ids.length, scope.maxNodes);
  } else if (scope.kind === 'ids') {
    ids = scope.ids;
  }
  // The ids (or every shown node), then the ties among them: two small queries plan
  // far faster than one, and the second is the same text for every scope of ids.
  const nodes =
    scope.kind === 'all'
      ? `MATCH (n:Entity) WHERE ${isShown('n')} WITH n ORDER BY n.id WITH collect(n) AS ns`
      : `UNWIND $ids AS id MATCH (n:Entity {id: id}) WITH collect(n) AS ns`;
  const member = scope.kind === 'all' ? isShown : (x: string): string => `${x}.id IN $ids`;
  // Derived ties are the costly part (every hidden entity around every shown one): read only when asked for.
  const derived = `     CALL (ns) {
       UNWIND ns AS a
       MATCH (a)-[r]-(h:Entity)
       WHERE ${hasLabel('h', rules.hidden)} AND ${viaAllowed(rules, 'h', 'r')} AND NOT ${member('h')}
       // Group first, project after: most hidden entities touch one shown entity and are dropped unread.
       WITH h, collect(r) AS rs, collect(a.id) AS others
       WHERE size(rs) >= 2
       RETURN collect({ h: ${ENTITY_PROJECTION('h')}, rels: [x IN rs | ${RELATIONSHIP_PROJECTION('x')}], others: others }) AS hidden
     }
`;
  const rows = await db.read(
    'network',
    `${nodes}
     CALL (ns) {
       UNWIND ns AS a
       MATCH (a)-[r]->(b:Entity) WHERE type(r) IN $direct AND ${member('b')}
       RETURN collect(${RELATIONSHIP_PROJECTION('r')}) AS rels
     }
${options.derived ? derived : 'WITH ns, rels, [] AS hidden\n'}     RETURN [x IN ns | { n: ${ENTITY_PROJECTION('x')}, degree: COUNT { (x)--() } }] AS nodes, rels, hidden`,
    { ...params, ids },
    observe,
  );
  const row = rows[0];
  if (!row) return { nodes: [], ties: [] };
  const hidden: HiddenNode[] = (row['hidden'] as { h: unknown; rels: unknown[]; others: string[] }[]).map((x) => ({
    entity: toEntityRecord(x.h),
    links: x.rels.map((r, i) => ({ relationship: toRelationshipRecord(r), other: x.others[i]! })),
  }));
  return {
    nodes: (row['nodes'] as { n: unknown; degree: unknown }[]).map((x) => ({ entity: toEntityRecord(x.n), storedDegree: Number(x.degree) })),
    ties: [...directTies((row['rels'] as unknown[]).map(toRelationshipRecord)), ...derivedTies(hidden)],
  };
}

/**
 * The ids within `radius` walking steps of the centres, breadth-first, one round
 * trip per step (so round trips grow with the radius, never with the ball). A step
 * is a stored relationship to a shown node, or two relationships through one hidden
 * node that derives a tie. Growth stops once past `maxNodes`.
 */
async function readBall(
  db: Database,
  rules: WalkRules,
  params: Params,
  scope: Extract<NetworkScope, { kind: 'ball' }>,
  observe?: RoundTripObserver,
): Promise<string[]> {
  const radius = Math.trunc(scope.radius);
  if (!(radius >= 0 && radius <= MAX_RADIUS)) throw new Error('invariant: network radius out of range');
  const existing = await db.read('network-centres', 'UNWIND $centres AS id MATCH (c:Entity {id: id}) RETURN collect(c.id) AS ids', { centres: scope.centres }, observe);
  const seen = new Set((existing[0]?.['ids'] as string[] | undefined) ?? []);
  let frontier = [...seen];
  for (let step = 0; step < radius && frontier.length > 0 && seen.size <= scope.maxNodes; step += 1) {
    const rows = await db.read(
      'network-step',
      `UNWIND $frontier AS fid
       MATCH (x:Entity {id: fid})-[r]-(m:Entity)
       WHERE (type(r) IN $direct AND ${hasLabel('m', rules.shown)}) OR ${viaAllowed(rules, 'm', 'r')}
       WITH x, m, ${hasLabel('m', rules.hidden)} AS hiddenNode
       OPTIONAL MATCH (m)-[r2]-(y:Entity)
         WHERE hiddenNode AND y <> x AND ${viaAllowed(rules, 'm', 'r2')} AND ${hasLabel('y', rules.shown)}
       WITH CASE WHEN hiddenNode THEN y.id ELSE m.id END AS id
       WHERE id IS NOT NULL
       RETURN collect(DISTINCT id) AS ids`,
      { ...params, frontier },
      observe,
    );
    const found = ((rows[0]?.['ids'] as string[] | undefined) ?? []).filter((id) => !seen.has(id));
    for (const id of found) seen.add(id);
    frontier = found;
  }
  return [...seen];
}
