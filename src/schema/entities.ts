import type { GraphQLCompositeType, GraphQLResolveInfo } from 'graphql';
import { connectionNodeSelections, loaderSink, planEntitySelections } from './planned-reads.js';
import { builder } from '../builder.js';
import { ENTITY_LABELS, type EntityLabel } from '../model/graph-model.js';
import type { Context } from '../context.js';
import { AS_OF_DESCRIPTION, badInput, instant, pageSize } from './arguments.js';
import { EntityConnectionRef, KindConnectionRefs, type EntityConnectionShape } from './entity-connection.js';
import { EntityFilterInput, KindFilterInputs, toEntityFilter } from './entity-filter-input.js';
import { EntityOrderEnum, KindOrderEnums, listCursor, toSort } from './entity-order.js';
import { EntityTypeRefs } from './entity-refs.js';
import { selectsField } from './selection.js';

const DEFAULT_PAGE = 20;
const PAGE_FIELDS = ['nodes', 'edges', 'pageInfo', 'totalCount'];

interface ListArgs {
  filter?: unknown;
  orderBy?: string | null;
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  asOf?: string | null;
}

async function listEntities(args: ListArgs, ctx: Context, info: GraphQLResolveInfo, label: EntityLabel | null): Promise<EntityConnectionShape> {
  const backward = args.last !== null && args.last !== undefined;
  if (backward && (args.first !== null && args.first !== undefined)) throw badInput('last', 'cannot be combined with "first"');
  if (backward && args.after) throw badInput('after', 'goes with "first"; use "before" with "last"');
  if (!backward && args.before) throw badInput('before', 'goes with "last"; use "after" with "first"');
  const size = backward
    ? pageSize('last', args.last, DEFAULT_PAGE, ctx.limits.maxPageSize)
    : pageSize('first', args.first, DEFAULT_PAGE, ctx.limits.maxPageSize);
  const sort = toSort(args.orderBy);
  const cursor = backward ? listCursor('before', args.before, sort) : listCursor('after', args.after, sort);
  const filter = toEntityFilter(args.filter, label ?? undefined);
  const at = instant('asOf', args.asOf);
  if (at !== null) return listAsOf(args, ctx, info, label, at, size, filter);
  // A client asking only for `aggregate` costs one query: the page itself is not read.
  if (!PAGE_FIELDS.some((field) => selectsField(info, field))) {
    return { page: { total: null, items: [], hasMore: false, hasOther: false }, backward, hasCursor: false, filter, label };
  }
  // Planned: the relationship pages selected under each listed entity come in the list's own query (src/planner/).
  const type = info.schema.getType(label ?? 'Entity') as GraphQLCompositeType;
  const levels = planEntitySelections(info, ctx, connectionNodeSelections(info), type);
  const page = await ctx.store.listEntities(
    filter,
    sort,
    { size, backward, withTotal: selectsField(info, 'totalCount'), ...(cursor ? { cursor } : {}) },
    levels && levels.length > 0 ? { levels, sink: loaderSink(ctx) } : undefined,
  );
  return { page, backward, hasCursor: cursor !== undefined, filter, label };
}

/**
 * A list as it was recorded at `at` (src/db/as-of.ts): forward pages in name
 * order. Filters, other orders and aggregates read the graph as it is now, so
 * they are refused with `asOf` rather than answered half-then, half-now.
 */
async function listAsOf(args: ListArgs, ctx: Context, info: GraphQLResolveInfo, label: EntityLabel | null, at: string, size: number, filter: EntityConnectionShape['filter']): Promise<EntityConnectionShape> {
  if (args.filter) throw badInput('filter', 'cannot be combined with "asOf" (filters read the graph as it is now)');
  if (args.orderBy && args.orderBy !== 'NAME_ASC') throw badInput('orderBy', 'must be NAME_ASC with "asOf"');
  if (args.last !== null && args.last !== undefined) throw badInput('last', 'cannot be combined with "asOf": page forward with "first"/"after"');
  if (selectsField(info, 'aggregate')) throw badInput('asOf', 'cannot be combined with "aggregate" (aggregates read the graph as it is now)');
  const cursor = listCursor('after', args.after, toSort('NAME_ASC'));
  const page = await ctx.store.listEntitiesAsOf(label, at, { size, withTotal: selectsField(info, 'totalCount'), ...(cursor ? { cursor } : {}) });
  return { page, backward: false, hasCursor: cursor !== undefined, filter, label };
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

const pageArgs = (t: Parameters<Parameters<typeof builder.queryField>[1]>[0]) => ({
  first: t.arg.int({ description: `Page size going forward (default ${DEFAULT_PAGE}; at most MAX_PAGE_SIZE, 100 by default).` }),
  after: t.arg.string({ description: 'Cursor to continue forward from (issued by this list with the same `orderBy`).' }),
  last: t.arg.int({ description: 'Page size going backward, from `before` (or from the end).' }),
  before: t.arg.string({ description: 'Cursor to continue backward from (issued by this list with the same `orderBy`).' }),
  asOf: t.arg.string({ description: `${AS_OF_DESCRIPTION} On a list: forward pages in NAME_ASC order only, without \`filter\` or \`aggregate\`.` }),
});

builder.queryField('entities', (t) =>
  t.field({
    type: EntityConnectionRef,
    description: 'Entities of every kind, filtered and sorted, with keyset pagination both ways and aggregates.',
    args: {
      filter: t.arg({ type: EntityFilterInput, description: 'Which entities (default: all).' }),
      orderBy: t.arg({ type: EntityOrderEnum, description: 'Sort order (default NAME_ASC).' }),
      ...pageArgs(t),
    },
    resolve: (_root, args, ctx, info) => listEntities(args, ctx, info, null),
  }),
);

for (const label of ENTITY_LABELS) {
  builder.queryField(PLURALS[label], (t) =>
    t.field({
      type: KindConnectionRefs[label],
      description: `${label} entities, typed as ${label} (no fragment needed), filtered on any of their properties and sorted by any of them.`,
      args: {
        filter: t.arg({ type: KindFilterInputs[label], description: `Which ${label} entities (default: all).` }),
        orderBy: t.arg({ type: KindOrderEnums[label], description: 'Sort order (default NAME_ASC).' }),
        ...pageArgs(t),
      },
      resolve: (_root, args, ctx, info) => listEntities(args, ctx, info, label),
    }),
  );
}

export { EntityTypeRefs };
