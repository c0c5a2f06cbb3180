import type { Context } from '../context.js';
import type { NetworkSpec } from '../db/walk-rules.js';
import type { EntityRecord } from '../db/records.js';
import { RELATIONSHIP_TYPES, type EntityLabel, type RelationshipType } from '../model/graph-model.js';
import type { Layer } from '../model/layers.js';

/** Most nodes an ego network (`network(id:)`, an export's ego) may load around its centre before it asks the client to narrow it. */
export const WALK_MAX_NODES = 20_000;

/** Beyond a neighbourhood's first step, the most links one entity contributes to the next step. */
export const NEIGHBOURHOOD_LINKS_PER_ENTITY = 200;

/** The network spec for the layers, kinds and relationship types a client named (none named: all). */
export function walkSpec(
  layers: readonly Layer[],
  types: readonly EntityLabel[] | null,
  relationshipTypes: readonly RelationshipType[] | null,
): NetworkSpec {
  return {
    layers: [...new Set(layers)],
    types: types && types.length > 0 ? types : null,
    relationshipTypes: relationshipTypes && relationshipTypes.length > 0 ? relationshipTypes : RELATIONSHIP_TYPES,
  };
}

/** Hands entities already read to the request's entity loader, so fields that load them by key do not query again. */
export function primeEntities(ctx: Context, entities: readonly EntityRecord[]): void {
  for (const entity of entities) ctx.loaders.entity.prime(entity.key, entity);
}
