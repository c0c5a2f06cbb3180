import { ENTITY_LABELS, LABELS, RELATIONSHIPS, RELATIONSHIP_TYPES, type PropertySpec } from './graph-model.js';

/**
 * Every property name the model declares, on entities and on relationships,
 * with its spec. Filters, orderings and groupings may name only these: the
 * names are interpolated into Cypher, so this catalogue is their whitelist.
 * A name declared by several kinds has the same type everywhere (checked by a test).
 */
function collect(specs: Iterable<Readonly<Record<string, PropertySpec>>>): ReadonlyMap<string, PropertySpec> {
  const out = new Map<string, PropertySpec>();
  for (const properties of specs) {
    for (const [name, spec] of Object.entries(properties)) if (!out.has(name)) out.set(name, spec);
  }
  return out;
}

export const ENTITY_PROPERTIES = collect(ENTITY_LABELS.map((label) => LABELS[label].properties));
export const RELATIONSHIP_PROPERTIES = collect(RELATIONSHIP_TYPES.map((type) => RELATIONSHIPS[type].properties));

/** True when `name` is a property some entity kind declares. */
export function isEntityProperty(name: string): boolean {
  return ENTITY_PROPERTIES.has(name);
}

/** True when `name` is a property some relationship type declares. */
export function isRelationshipProperty(name: string): boolean {
  return RELATIONSHIP_PROPERTIES.has(name);
}
