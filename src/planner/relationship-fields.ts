import type { FixedRelationshipField } from './plan.js';

const fixed = new Map<string, FixedRelationshipField>();

/** Records a typed relationship field (`Type.field`) so that the planner compiles it like the resolver. */
export function registerFixedRelationshipField(typeName: string, fieldName: string, field: FixedRelationshipField): void {
  fixed.set(`${typeName}.${fieldName}`, field);
}

/** The fixed types and direction of `Type.field`, or undefined for the generic `relationships` field. */
export function fixedRelationshipField(typeName: string, fieldName: string): FixedRelationshipField | undefined {
  return fixed.get(`${typeName}.${fieldName}`);
}
