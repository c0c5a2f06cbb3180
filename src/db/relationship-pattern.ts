import { isRelationshipType, RELATIONSHIP_TYPES, type RelationshipType } from '../model/graph-model.js';
import type { Direction } from './entity-filter.js';

/**
 * The pattern `(n)-[r:A|B]->(m)` for a relationship page: types and direction
 * in the pattern rather than in WHERE, so Neo4j walks only those relationship chains.
 */
export function relationshipPattern(n: string, r: string, m: string, types: readonly RelationshipType[] | null, direction: Direction): string {
  const typed = typeExpression(types);
  const left = direction === 'INCOMING' ? '<-' : '-';
  const right = direction === 'OUTGOING' ? '->' : '-';
  return `(${n})${left}[${r}${typed}]${right}(${m})`;
}

/**
 * `:A|B` for a relationship pattern, or nothing when every type is wanted. Types are
 * interpolated only after the model's whitelist accepts them.
 */
export function typeExpression(types: readonly RelationshipType[] | null): string {
  const names: readonly string[] = types ?? [];
  const unknown = names.find((t) => !isRelationshipType(t));
  if (unknown !== undefined) throw new Error(`unknown relationship type ${unknown}`);
  return names.length > 0 && names.length < RELATIONSHIP_TYPES.length ? `:${[...new Set(names)].sort().join('|')}` : '';
}

