import type { Context } from '../context.js';
import { GraphQLError } from 'graphql';
import { NetworkTooLargeError } from '../db/network-store.js';
import type { NetworkSpec } from '../db/walk-rules.js';
import type { EntityRecord } from '../db/records.js';
import { RELATIONSHIP_TYPES, type EntityLabel, type RelationshipType } from '../model/graph-model.js';
import type { Layer } from '../model/layers.js';

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

/**
 * The GraphQL error for an ego network that reached more entities than
 * MAX_NETWORK_NODES: a named code and a sentence saying which arguments narrow it.
 * Other errors pass through unchanged.
 */
export function networkTooLarge(error: unknown, centre: string, depth: number): unknown {
  if (!(error instanceof NetworkTooLargeError)) return error;
  return new GraphQLError(
    `The network within ${depth} step${depth === 1 ? '' : 's'} of "${centre}" reaches more than ${error.limit} entities (MAX_NETWORK_NODES): ` +
      'lower `depth`, or narrow `layers`, `types` or `relationshipTypes`.',
    { extensions: { code: 'NETWORK_TOO_LARGE', limit: error.limit, argument: 'depth' } },
  );
}

/** Hands entities already read to the request's entity loader, so fields that load them by key do not query again. */
export function primeEntities(ctx: Context, entities: readonly EntityRecord[]): void {
  for (const entity of entities) ctx.loaders.entity.prime(entity.key, entity);
}
