import { RELATIONSHIP_TYPES } from '../model/graph-model.js';

/**
 * Finding a relationship by its `id` property. Neo4j indexes relationship
 * properties per relationship type only, so the schema holds one range index
 * per type of the model (`relationship_id_<TYPE>`, created by
 * src/db/apply-schema.ts) and a lookup asks every type's index: one seek per
 * type instead of a scan of every relationship in the graph.
 */

/** The index statements, one per relationship type of the model (idempotent). */
export function relationshipIdIndexStatements(): string[] {
  return RELATIONSHIP_TYPES.map(
    (type) => `CREATE INDEX relationship_id_${type.toLowerCase()} IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.id)`,
  );
}

/**
 * A Cypher subquery binding `r` to the live relationship whose id is `id`: a
 * parameter (`$id`) or a variable of the outer query (`id`, imported into the
 * subquery). No row when none has it.
 */
export function matchRelationshipById(id: string, r = 'r'): string {
  const branches = RELATIONSHIP_TYPES.map((type) => `MATCH ()-[${r}:${type} {id: ${id}}]->() RETURN ${r}`);
  const imports = id.startsWith('$') ? '' : `(${id}) `;
  return `CALL ${imports}{ ${branches.join(' UNION ALL ')} }`;
}
