import { builder } from '../builder.js';
import { ENTITY_LABELS, LABELS, RELATIONSHIPS, RELATIONSHIP_TYPES } from '../model/graph-model.js';

export const EntityTypeEnum = builder.enumType('EntityType', {
  description: 'The kind of an entity (its Neo4j kind label).',
  values: Object.fromEntries(ENTITY_LABELS.map((label) => [label, { value: label, description: LABELS[label].description }])),
});

export const RelationshipTypeEnum = builder.enumType('RelationshipType', {
  description: 'The kind of a relationship (its Neo4j relationship type).',
  values: Object.fromEntries(
    RELATIONSHIP_TYPES.map((type) => [type, { value: type, description: RELATIONSHIPS[type].description }]),
  ),
});

export const DirectionEnum = builder.enumType('Direction', {
  description: 'Which way a relationship points, seen from the entity being asked about.',
  values: {
    OUTGOING: { value: 'OUTGOING', description: 'From this entity to the other.' },
    INCOMING: { value: 'INCOMING', description: 'From the other entity to this one.' },
    BOTH: { value: 'BOTH', description: 'Either way (arguments only).' },
  } as const,
});

export const OriginEnum = builder.enumType('Origin', {
  description: 'Where a fact came from.',
  values: {
    SEED: { value: 'seed', description: 'Loaded from the seed files (the five documents).' },
    CURATED: { value: 'curated', description: 'Added by an analyst through the curation API.' },
  } as const,
});
