import { builder } from '../builder.js';
import { encodeCursor } from '../db/cursor.js';
import type { Direction } from '../db/entity-filter.js';
import type { RelationshipArgs, RelationshipItem, RelationshipPage } from '../db/relationship-page.js';
import type { RawRelationshipArgs } from '../planner/plan-selection.js';
import { isLeanPage } from '../planner/lean-selection.js';
import { registerFixedRelationshipField } from '../planner/relationship-fields.js';
import type { EntityRecord } from '../db/records.js';
import { ENTITY_LABELS, RELATIONSHIPS, type EntityLabel, type RelationshipType } from '../model/graph-model.js';
import type { Context } from '../context.js';
import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { cursorKey, pageSize } from './arguments.js';
import { selectedTotal, selectsField } from './selection.js';
import { EntityRef, EntityTypeRefs } from './entity-refs.js';
import { DirectionEnum, RelationshipTypeEnum } from './enums.js';
import { RelationshipEdgeRef, RelationshipRef } from './relationship.js';

/** A relationship page type whose edges are `edge` (generic, or with the far end's concrete type). */
function relationshipConnectionType(name: string, edge: typeof RelationshipEdgeRef, what: string) {
  return builder.objectRef<RelationshipPage>(name).implement({
  description: `A page of relationships of one entity${what}, ordered by type, then the other entity's name.`,
  fields: (t) => ({
    totalCount: t.int({ description: 'How many relationships match, over all pages.', resolve: (p) => selectedTotal(p.total) }),
    edges: t.field({ type: [edge], description: 'The relationships on this page.', resolve: (p) => p.items }),
    pageInfo: t.field({
      type: builder.pageInfoRef(),
      description: 'Cursors and whether more pages follow.',
      resolve: (p) => ({
        hasNextPage: p.hasMore,
        hasPreviousPage: false,
        startCursor: p.items[0] ? encodeCursor(p.items[0].key) : null,
        endCursor: p.items.at(-1) ? encodeCursor(p.items.at(-1)!.key) : null,
      }),
    }),
  }),
  });
}

export const RelationshipConnectionRef = relationshipConnectionType('RelationshipConnection', RelationshipEdgeRef, '');

/** `<Kind>RelationshipConnection`s, for typed fields whose far end the model fixes to one kind. */
const KindRelationshipConnections = new Map<EntityLabel, typeof RelationshipConnectionRef>();

function kindRelationshipConnection(kind: EntityLabel): typeof RelationshipConnectionRef {
  let ref = KindRelationshipConnections.get(kind);
  if (!ref) {
    const edge = builder.objectRef<RelationshipItem>(`${kind}RelationshipEdge`).implement({
      description: `A relationship seen from one of its ends, whose other end is always a ${kind}.`,
      fields: (t) => ({
        cursor: t.string({ description: 'Opaque keyset cursor for `after`.', resolve: (item) => encodeCursor(item.key) }),
        direction: t.field({
          type: DirectionEnum,
          description: 'OUTGOING if the relationship starts at the entity asked about.',
          resolve: (item) => (item.outgoing ? 'OUTGOING' : 'INCOMING'),
        }),
        other: t.field({ type: EntityTypeRefs[kind], description: `The ${kind} at the other end (no fragment needed).`, resolve: (item) => item.other }),
        node: t.field({ type: RelationshipRef, description: 'The relationship itself.', resolve: (item) => item.relationship }),
      }),
    });
    ref = relationshipConnectionType(`${kind}RelationshipConnection`, edge, ` whose other ends are all ${kind} entities`);
    KindRelationshipConnections.set(kind, ref);
  }
  return ref;
}

/** The kinds the model allows at the far end of `types` seen in `direction` from the entity. */
export function farEndKinds(types: readonly RelationshipType[], direction: Direction): EntityLabel[] {
  const kinds = new Set<EntityLabel>();
  for (const type of types) {
    const spec = RELATIONSHIPS[type];
    const ends = direction === 'OUTGOING' ? [spec.to] : direction === 'INCOMING' ? [spec.from] : [spec.from, spec.to];
    for (const end of ends) for (const kind of end === 'Entity' ? ENTITY_LABELS : end) kinds.add(kind);
  }
  return [...kinds];
}

const DEFAULT_PAGE = 20;
const FIRST_DESCRIPTION = `Page size (default ${DEFAULT_PAGE}; at most MAX_PAGE_SIZE, 100 by default).`;
const AFTER_DESCRIPTION = 'Cursor of the last edge of the previous page.';

/**
 * Loads a page of `entity`'s relationships through the request's loader, so
 * that a list of entities asking for the same page costs one query in all.
 */
export function loadRelationships(
  entity: EntityRecord,
  args: RawRelationshipArgs,
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<RelationshipPage> {
  const lean = isLeanPage(info, info.fieldNodes, getNamedType(info.returnType));
  return ctx.loaders.relationships(relationshipArgs(args, ctx.limits.maxPageSize, selectsField(info, 'totalCount'), lean)).load(entity.key);
}

/**
 * Checks a relationship field's arguments and gives the page's loader key. The
 * read planner (src/planner/) calls it too, so planned pages prime the very
 * loaders the resolvers then read.
 */
export function relationshipArgs(args: RawRelationshipArgs, maxPageSize: number, withTotal: boolean, lean = false): RelationshipArgs {
  const size = pageSize('first', args.first, DEFAULT_PAGE, maxPageSize);
  const after = cursorKey('after', args.after, 3);
  const types = args.types && args.types.length > 0 ? [...args.types].sort() : null;
  return { types, direction: args.direction ?? 'BOTH', size, withTotal, ...(after ? { after } : {}), ...(lean ? { lean } : {}) };
}

/** The generic `relationships(types, direction, first, after)` field of every entity. */
builder.interfaceField(EntityRef, 'relationships', (t) =>
  t.field({
    type: RelationshipConnectionRef,
    description: 'This entity\'s relationships, with their citations, as a keyset-paginated connection.',
    args: {
      types: t.arg({ type: [RelationshipTypeEnum], description: 'Only these relationship types (default: all).' }),
      direction: t.arg({ type: DirectionEnum, description: 'Only outgoing, only incoming, or both (default).' }),
      first: t.arg.int({ description: FIRST_DESCRIPTION }),
      after: t.arg.string({ description: AFTER_DESCRIPTION }),
    },
    resolve: (entity, args, ctx, info) => loadRelationships(entity, args, ctx, info),
  }),
);

/** Adds a fixed-type relationship field (e.g. `Person.offices`) to an entity type. */
export function addTypedRelationshipField(
  label: EntityLabel,
  fieldName: string,
  description: string,
  types: readonly RelationshipType[],
  direction: Direction,
): void {
  registerFixedRelationshipField(label, fieldName, { types, direction });
  const far = farEndKinds(types, direction);
  const only = far.length === 1 ? far[0] : undefined;
  builder.objectField(EntityTypeRefs[label], fieldName, (t) =>
    t.field({
      // Where the model fixes the far end's kind, edges carry it as that concrete type.
      type: only ? kindRelationshipConnection(only) : RelationshipConnectionRef,
      description: `${description} (${types.join(', ')}, ${direction.toLowerCase()}).`,
      args: {
        first: t.arg.int({ description: FIRST_DESCRIPTION }),
        after: t.arg.string({ description: AFTER_DESCRIPTION }),
      },
      resolve: (entity, args, ctx, info) => loadRelationships(entity, { ...args, types, direction }, ctx, info),
    }),
  );
}
