import { getNamedType, isInterfaceType, isObjectType, type FieldNode, type GraphQLCompositeType, type GraphQLNamedType } from 'graphql';
import { collectFields, collectNodes, type SelectionInput } from './selection-walk.js';

/**
 * Entity fields answered from the lean projection (`LEAN_ENTITY_PROPERTIES`):
 * the key, name, kind and citations. Relationship page fields beneath an
 * entity need only its key, so they are lean too.
 */
const LEAN_ENTITY_FIELDS: ReadonlySet<string> = new Set(['__typename', 'id', 'key', 'name', 'type', 'citations']);
/** Relationship fields answered from the lean projection: id, type, role, citations. */
const LEAN_RELATIONSHIP_FIELDS: ReadonlySet<string> = new Set(['__typename', 'id', 'type', 'role', 'citations']);
const PAGE_FIELDS: ReadonlySet<string> = new Set(['__typename', 'totalCount', 'pageInfo']);
const EDGE_FIELDS: ReadonlySet<string> = new Set(['__typename', 'cursor', 'direction']);

/** The stored properties a lean page reads of each entity at the far end (plus its kind label). */
export const LEAN_ENTITY_PROPERTIES = ['id', 'name', 'citations'] as const;
/** The stored properties a lean page reads of each relationship (plus its type and ends). */
export const LEAN_RELATIONSHIP_PROPERTIES = ['id', 'role', 'citations'] as const;

/**
 * Whether a relationship page field (its nodes `fields`, of connection type
 * `connection`) asks only for what the lean projections hold, so the planner
 * can read a few properties per row instead of all of them: on the bench's
 * entity-2-levels request that halves the bytes Neo4j sends and cuts a third
 * of the decoding. The resolver asks the same question, so that the page's
 * loader key (`RelationshipArgs.lean`) is the one the planner primed. Lean
 * records are partial: they are never handed to the entity loader.
 */
export function isLeanPage(input: SelectionInput, fields: readonly FieldNode[], connection: GraphQLNamedType): boolean {
  const other = relationshipPageEnd(connection);
  if (!other) return false;
  for (const field of fields) {
    for (const pageField of collectNodes(input, field.selectionSet)) {
      const name = pageField.name.value;
      if (PAGE_FIELDS.has(name)) continue;
      if (name !== 'edges') return false;
      for (const edgeField of collectNodes(input, pageField.selectionSet)) {
        const edgeName = edgeField.name.value;
        if (EDGE_FIELDS.has(edgeName)) continue;
        if (edgeName === 'node') {
          if (!collectNodes(input, edgeField.selectionSet).every((f) => LEAN_RELATIONSHIP_FIELDS.has(f.name.value))) return false;
        } else if (edgeName === 'other') {
          // In a validated document the only field collectFields finds no definition for is `__typename`, which is lean.
          const leanEnd = collectFields(input, edgeField.selectionSet, other).every(
            ({ node, field: definition }) => LEAN_ENTITY_FIELDS.has(node.name.value) || relationshipPageEnd(getNamedType(definition.type)) !== undefined,
          );
          if (!leanEnd) return false;
        } else return false;
      }
    }
  }
  return true;
}

/**
 * The type of `edges.other` when `type` is a relationship page type
 * (`RelationshipConnection`, `EventRelationshipConnection` ...), whose fields
 * need only the entity's key; undefined for any other type.
 */
export function relationshipPageEnd(type: GraphQLNamedType): GraphQLCompositeType | undefined {
  if (!type.name.endsWith('RelationshipConnection')) return undefined;
  const edge = namedFieldType(type, 'edges');
  const other = edge && namedFieldType(edge, 'other');
  return other && (isInterfaceType(other) || isObjectType(other)) ? other : undefined;
}

function namedFieldType(type: GraphQLNamedType, name: string): GraphQLNamedType | undefined {
  if (!isObjectType(type) && !isInterfaceType(type)) return undefined;
  const field = type.getFields()[name];
  return field ? getNamedType(field.type) : undefined;
}
