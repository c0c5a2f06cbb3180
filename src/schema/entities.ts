import type { GraphQLResolveInfo } from 'graphql';
import { builder } from '../builder.js';
import { encodeCursor } from '../db/cursor.js';
import type { EntityFilter, RelationshipQuantifier, TargetFilter } from '../db/entity-filter.js';
import type { EntityOrder, EntityPage } from '../db/graph-store.js';
import { ENTITY_LABELS, type EntityLabel } from '../model/graph-model.js';
import type { Context } from '../context.js';
import { badInput, cursorKey, dateBound, entityKey, pageSize } from './arguments.js';
import { EntityRef, EntityTypeRefs } from './entity-refs.js';
import { selectedTotal, selectsField } from './selection.js';
import { DirectionEnum, EntityTypeEnum, RelationshipTypeEnum } from './enums.js';

const DEFAULT_PAGE = 20;

const EntityOrderEnum = builder.enumType('EntityOrder', {
  description: 'Sort order of entity lists; ties break on the key, so pages never overlap.',
  values: {
    NAME_ASC: { description: 'By name, A to Z.' },
    NAME_DESC: { description: 'By name, Z to A.' },
    DATE_ASC: { description: 'By date, oldest first; undated entities last.' },
    DATE_DESC: { description: 'By date, undated entities first, then newest first.' },
  } as const,
});

const TargetFilterInput = builder.inputType('TargetFilter', {
  description: 'Conditions on the entity at the other end of a relationship.',
  fields: (t) => ({
    types: t.field({ type: [EntityTypeEnum], description: 'Its kind is one of these.' }),
    ids: t.idList({ description: 'It is one of these entities (global ids or keys).' }),
    nameContains: t.string({ description: 'Its name or an alias contains this text (case-insensitive).' }),
  }),
});

const RelationshipQuantifierInput = builder.inputType('RelationshipQuantifier', {
  description: 'A relationship condition: its type, direction and what lies at the other end.',
  fields: (t) => ({
    type: t.field({ type: RelationshipTypeEnum, required: true, description: 'The relationship type.' }),
    direction: t.field({ type: DirectionEnum, description: 'Seen from the filtered entity (default BOTH).' }),
    target: t.field({ type: TargetFilterInput, description: 'Conditions on the other end (default: any entity).' }),
  }),
});

const EntityFilterInput = builder.inputType('EntityFilter', {
  description: 'Which entities to list. All given conditions must hold.',
  fields: (t) => ({
    types: t.field({ type: [EntityTypeEnum], description: 'Only these kinds.' }),
    ids: t.idList({ description: 'Only these entities (global ids or keys).' }),
    nameContains: t.string({ description: 'Name or an alias contains this text (case-insensitive).' }),
    dateFrom: t.string({ description: 'Dated on or after this ISO date (YYYY, YYYY-MM or YYYY-MM-DD); undated entities drop out.' }),
    dateTo: t.string({ description: 'Dated on or before this ISO date; undated entities drop out.' }),
    some: t.field({ type: [RelationshipQuantifierInput], description: 'Has at least one relationship matching each quantifier.' }),
    none: t.field({ type: [RelationshipQuantifierInput], description: 'Has no relationship matching any quantifier.' }),
    all: t.field({
      type: [RelationshipQuantifierInput],
      description: 'Has relationships of the quantifier\'s type and direction, and every one of them leads to a matching target.',
    }),
  }),
});

interface EntityConnectionShape {
  readonly page: EntityPage;
  readonly backward: boolean;
  readonly hasCursor: boolean;
}

const EntityEdgeRef = builder.objectRef<EntityPage['items'][number]>('EntityEdge').implement({
  description: 'An entity in a list, with its cursor.',
  fields: (t) => ({
    cursor: t.string({ description: 'Opaque keyset cursor for `after`/`before`.', resolve: (item) => encodeCursor(item.key) }),
    node: t.field({ type: EntityRef, description: 'The entity.', resolve: (item) => item.entity }),
  }),
});

const EntityConnectionRef = builder.objectRef<EntityConnectionShape>('EntityConnection').implement({
  description: 'A page of entities. Cursors are keyset positions: they stay valid when entities are added or removed.',
  fields: (t) => ({
    totalCount: t.int({ description: 'How many entities match, over all pages.', resolve: (c) => selectedTotal(c.page.total) }),
    edges: t.field({ type: [EntityEdgeRef], description: 'The entities on this page.', resolve: (c) => c.page.items }),
    nodes: t.field({ type: [EntityRef], description: 'The entities on this page, without cursors.', resolve: (c) => c.page.items.map((i) => i.entity) }),
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
  }),
});

type FilterArg = typeof EntityFilterInput.$inferInput;
type QuantifierArg = typeof RelationshipQuantifierInput.$inferInput;
type TargetArg = typeof TargetFilterInput.$inferInput;

function toTarget(arg: TargetArg | null | undefined, path: string): TargetFilter | undefined {
  if (!arg) return undefined;
  return {
    ...(arg.types ? { types: arg.types } : {}),
    ...(arg.ids ? { keys: arg.ids.map((id) => entityKey(`${path}.ids`, id)) } : {}),
    ...(arg.nameContains ? { nameContains: arg.nameContains } : {}),
  };
}

function toQuantifiers(args: readonly QuantifierArg[] | null | undefined, path: string): RelationshipQuantifier[] | undefined {
  if (!args) return undefined;
  if (args.length > 5) throw badInput(path, `has ${args.length} quantifiers; the limit is 5`);
  return args.map((q, i) => {
    const target = toTarget(q.target, `${path}[${i}].target`);
    return { type: q.type, direction: q.direction ?? 'BOTH', ...(target ? { target } : {}) };
  });
}

/** Turns the GraphQL filter into the store's, validating every value and naming the argument at fault. */
export function toEntityFilter(arg: FilterArg | null | undefined, fixedType?: EntityLabel): EntityFilter {
  const filter = arg ?? {};
  const types = fixedType ? [fixedType] : filter.types ?? undefined;
  const dateFrom = dateBound('filter.dateFrom', filter.dateFrom, 'first');
  const dateTo = dateBound('filter.dateTo', filter.dateTo, 'last');
  const some = toQuantifiers(filter.some, 'filter.some');
  const none = toQuantifiers(filter.none, 'filter.none');
  const all = toQuantifiers(filter.all, 'filter.all');
  return {
    ...(types ? { types } : {}),
    ...(filter.ids ? { keys: filter.ids.map((id) => entityKey('filter.ids', id)) } : {}),
    ...(filter.nameContains ? { nameContains: filter.nameContains } : {}),
    ...(dateFrom ? { dateFrom } : {}),
    ...(dateTo ? { dateTo } : {}),
    ...(some ? { some } : {}),
    ...(none ? { none } : {}),
    ...(all ? { all } : {}),
  };
}

interface ListArgs {
  filter?: FilterArg | null;
  orderBy?: EntityOrder | null;
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

async function listEntities(args: ListArgs, ctx: Context, info: GraphQLResolveInfo, fixedType?: EntityLabel): Promise<EntityConnectionShape> {
  const backward = args.last !== null && args.last !== undefined;
  if (backward && (args.first !== null && args.first !== undefined)) throw badInput('last', 'cannot be combined with "first"');
  if (backward && args.after) throw badInput('after', 'goes with "first"; use "before" with "last"');
  if (!backward && args.before) throw badInput('before', 'goes with "last"; use "after" with "first"');
  const size = backward
    ? pageSize('last', args.last, DEFAULT_PAGE, ctx.limits.maxPageSize)
    : pageSize('first', args.first, DEFAULT_PAGE, ctx.limits.maxPageSize);
  const cursor = backward ? cursorKey('before', args.before, 2) : cursorKey('after', args.after, 2);
  const page = await ctx.store.listEntities(toEntityFilter(args.filter, fixedType), args.orderBy ?? 'NAME_ASC', {
    size,
    backward,
    withTotal: selectsField(info, 'totalCount'),
    ...(cursor ? { cursor } : {}),
  });
  return { page, backward, hasCursor: cursor !== undefined };
}

const PLURALS: Record<EntityLabel, string> = {
  Person: 'people',
  Country: 'countries',
  InternationalOrganization: 'internationalOrganizations',
  PublicBody: 'publicBodies',
  Company: 'companies',
  Organization: 'organizations',
  Treaty: 'treaties',
  Policy: 'policies',
  Project: 'projects',
  Event: 'events',
  Place: 'places',
  Sanction: 'sanctions',
  Observation: 'observations',
  Statement: 'statements',
  Source: 'sources',
};

const listArgs = (t: Parameters<Parameters<typeof builder.queryField>[1]>[0]) => ({
  filter: t.arg({ type: EntityFilterInput, description: 'Which entities (default: all).' }),
  orderBy: t.arg({ type: EntityOrderEnum, description: 'Sort order (default NAME_ASC).' }),
  first: t.arg.int({ description: `Page size going forward (default ${DEFAULT_PAGE}; at most MAX_PAGE_SIZE, 100 by default).` }),
  after: t.arg.string({ description: 'Cursor to continue forward from.' }),
  last: t.arg.int({ description: 'Page size going backward, from `before` (or from the end).' }),
  before: t.arg.string({ description: 'Cursor to continue backward from.' }),
});

builder.queryField('entities', (t) =>
  t.field({
    type: EntityConnectionRef,
    description: 'Entities of every kind, filtered and sorted, with keyset pagination both ways.',
    args: listArgs(t),
    resolve: (_root, args, ctx, info) => listEntities(args, ctx, info),
  }),
);

for (const label of ENTITY_LABELS) {
  builder.queryField(PLURALS[label], (t) =>
    t.field({
      type: EntityConnectionRef,
      description: `${label} entities only; the filter's \`types\` is ignored.`,
      args: listArgs(t),
      resolve: (_root, args, ctx, info) => listEntities(args, ctx, info, label),
    }),
  );
}

export { EntityTypeRefs };
