import { builder } from '../builder.js';
import type { EntityRecord } from '../db/records.js';
import { ENTITY_LABELS, type EntityLabel } from '../model/graph-model.js';

/**
 * References to the entity types, declared apart from their fields so that
 * types which point at each other (citations → sources → entities) can import them.
 */
export const EntityRef = builder.interfaceRef<EntityRecord>('Entity');

export const EntityTypeRefs = Object.fromEntries(
  ENTITY_LABELS.map((label) => [label, builder.objectRef<EntityRecord>(label)]),
) as Record<EntityLabel, ReturnType<typeof builder.objectRef<EntityRecord>>>;

export const SourceRef = EntityTypeRefs.Source;
