import { builder } from '../builder.js';
import { encodeCursor } from '../db/cursor.js';
import type { EntityFilter } from '../db/entity-filter.js';
import type { EntityPage } from '../db/list-query.js';
import type { EntityRecord } from '../db/records.js';
import { ENTITY_LABELS, type EntityLabel } from '../model/graph-model.js';
import { aggregateField } from './aggregate.js';
import { EntityRef, EntityTypeRefs } from './entity-refs.js';
import { selectedTotal } from './selection.js';

/** What a list resolver returns: the page, how it was read, and the filter for `aggregate`. */
export interface EntityConnectionShape {
  readonly page: EntityPage;
  readonly backward: boolean;
  readonly hasCursor: boolean;
  readonly filter: EntityFilter;
  readonly label: EntityLabel | null;
  /** Set by `Source.supportedEntities`: `aggregate` counts only entities cited in this document. */
  readonly document?: string;
}

type Item = EntityPage['items'][number];

/**
 * `EntityConnection` (any kind, nodes typed as the `Entity` interface) or
 * `EventConnection`, `PersonConnection` ... whose nodes are the concrete type,
 * so `events { nodes { participants { ... } } }` needs no fragment.
 */
function connectionType(name: string, nodeRef: typeof EntityRef | (typeof EntityTypeRefs)[EntityLabel], label: EntityLabel | null) {
  const what = label ? `${label} entities` : 'entities';
  const edge = builder.objectRef<Item>(`${name}Edge`).implement({
    description: `One of the ${what} in a list, with its cursor.`,
    fields: (t) => ({
      cursor: t.string({ description: 'Opaque keyset cursor for `after`/`before`.', resolve: (item) => encodeCursor(item.key) }),
      node: t.field({ type: nodeRef, description: 'The entity.', resolve: (item): EntityRecord => item.entity }),
    }),
  });
  return builder.objectRef<EntityConnectionShape>(`${name}Connection`).implement({
    description: `A page of ${what}. Cursors are keyset positions: they stay valid when entities are added or removed.`,
    fields: (t) => ({
      totalCount: t.int({ description: 'How many entities match, over all pages.', resolve: (c) => selectedTotal(c.page.total) }),
      edges: t.field({ type: [edge], description: 'The entities on this page.', resolve: (c) => c.page.items }),
      nodes: t.field({ type: [nodeRef], description: 'The entities on this page, without cursors.', resolve: (c): EntityRecord[] => c.page.items.map((i) => i.entity) }),
      pageInfo: t.field({
        type: builder.pageInfoRef(),
        description: 'Cursors and whether pages exist before and after this one.',
        resolve: ({ page, backward, hasCursor }) => ({
          hasNextPage: backward ? hasCursor && page.hasOther : page.hasMore,
          hasPreviousPage: backward ? page.hasMore : hasCursor && page.hasOther,
          startCursor: page.items[0] ? encodeCursor(page.items[0].key) : null,
          endCursor: page.items.at(-1) ? encodeCursor(page.items.at(-1)!.key) : null,
        }),
      }),
      aggregate: aggregateField(t, label),
    }),
  });
}

export const EntityConnectionRef = connectionType('Entity', EntityRef, null);

export const KindConnectionRefs = Object.fromEntries(
  ENTITY_LABELS.map((label) => [label, connectionType(label, EntityTypeRefs[label], label)]),
) as unknown as Record<EntityLabel, typeof EntityConnectionRef>;
