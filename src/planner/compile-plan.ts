import neo4j from 'neo4j-driver';
import type { Params } from '../db/database.js';
import { relationshipPattern } from '../db/relationship-pattern.js';
import { ENTITY_PROJECTION, RELATIONSHIP_PROJECTION } from '../db/records.js';
import { LEAN_ENTITY_PROPERTIES, LEAN_RELATIONSHIP_PROPERTIES } from './lean-selection.js';
import type { RelationshipLevel } from './plan.js';

/** Cypher for a plan's levels under one bound entity variable. */
export interface CompiledLevels {
  /** `CALL (e) { … }` subqueries, one per level, to follow the clause that binds the entity. */
  readonly calls: string;
  /** A map expression holding each level's page (`l0`, `l1` …) and total (`t0` …), to project beside the entity. */
  readonly projection: string;
  readonly params: Params;
}

/**
 * Compiles relationship levels under the entity bound to `entity` into one
 * subquery per level, each applying its page size, cursor and order in the
 * database (top-k per entity: ORDER BY … LIMIT inside the subquery) and
 * nesting the next levels' subqueries under each related entity. The page
 * order is the resolvers' (type, other name, id) and one row more than the
 * page is read to tell whether more follow, as GraphStore.relationshipsOf does.
 * A lean level projects only the properties its fields read.
 */
export function compileLevels(levels: readonly RelationshipLevel[], entity: string, prefix = 'p'): CompiledLevels {
  const calls: string[] = [];
  const entries: string[] = [];
  const params: Params = {};
  levels.forEach((level, i) => {
    const id = `${prefix}_${i}`;
    const r = `r_${id}`;
    const m = `m_${id}`;
    const page = `page_${id}`;
    const { types, direction, size, after, withTotal } = level.args;
    const pattern = relationshipPattern(entity, r, `${m}:Entity`, types, direction);
    const guard = level.labels ? `(${level.labels.map((label) => `${entity}:${label}`).join(' OR ')})` : 'true';
    const child = compileLevels(level.children, m, id);
    // A lean page (src/planner/lean-selection.ts) projects only the properties its fields read.
    const lean = level.args.lean === true;
    params[`${id}_after`] = after ?? null;
    params[`${id}_limit`] = neo4j.int(size + 1);
    Object.assign(params, child.params);
    calls.push(
      `CALL (${entity}) {
  MATCH ${pattern}
  WHERE ${guard} AND ($${id}_after IS NULL
    OR type(${r}) > $${id}_after[0]
    OR (type(${r}) = $${id}_after[0] AND (${m}.name > $${id}_after[1] OR (${m}.name = $${id}_after[1] AND ${r}.id > $${id}_after[2]))))
  WITH ${entity}, ${r}, ${m} ORDER BY type(${r}), ${m}.name, ${r}.id LIMIT $${id}_limit
  ${child.calls}
  RETURN collect({ r: ${RELATIONSHIP_PROJECTION(r, lean ? LEAN_RELATIONSHIP_PROPERTIES : undefined)}, m: ${ENTITY_PROJECTION(m, lean ? LEAN_ENTITY_PROPERTIES : undefined)}, outgoing: startNode(${r}) = ${entity}, sub: ${child.projection} }) AS ${page}
}`,
    );
    entries.push(`l${i}: ${page}`);
    entries.push(`t${i}: ${withTotal ? `CASE WHEN ${guard} THEN COUNT { MATCH ${pattern} } END` : 'null'}`);
  });
  return { calls: calls.join('\n'), projection: `{ ${entries.join(', ')} }`, params };
}
