import { builder } from '../builder.js';
import type { Context } from '../context.js';
import type { EntityRecord } from '../db/records.js';
import { badInput, boundedInt, dateBound, entityKey, pageSize } from './arguments.js';
import { EntityTypeRefs, SourceRef } from './entity-refs.js';
import { RelationshipTypeEnum } from './enums.js';
import { InterlockRef, PathRef, SubgraphRef } from './subgraph.js';

builder.queryField('paths', (t) =>
  t.field({
    type: [PathRef],
    description:
      'The shortest paths between two entities ("how is Mitsui connected to RDIF?"), each hop with its relationship and citations. ' +
      'Empty when no path exists within `maxHops`.',
    args: {
      from: t.arg.id({ required: true, description: 'Start entity (global id or key).' }),
      to: t.arg.id({ required: true, description: 'End entity (global id or key).' }),
      maxHops: t.arg.int({ defaultValue: 4, description: 'Longest path to consider (default 4; at most MAX_PATH_HOPS, 6 by default).' }),
      relationshipTypes: t.arg({ type: [RelationshipTypeEnum], description: 'Walk only these relationship types (default: all).' }),
      excludeIds: t.arg.idList({ description: 'Entities the path may not pass through (global ids or keys).' }),
      asOf: t.arg.string({ description: 'Walk only relationships valid on this ISO date (undated relationships count as always valid).' }),
      includeSources: t.arg.boolean({ defaultValue: false, description: 'Let paths pass through source documents (default false: documents are evidence, not actors).' }),
      limit: t.arg.int({ defaultValue: 10, description: 'Most paths to return (default 10; at most MAX_PAGE_SIZE).' }),
    },
    resolve: async (_root, args, ctx) => {
      const from = entityKey('from', args.from);
      const to = entityKey('to', args.to);
      if (from === to) throw badInput('to', 'must differ from "from"');
      const paths = await ctx.store.shortestPaths({
        from,
        to,
        maxHops: boundedInt('maxHops', args.maxHops ?? 4, 1, ctx.limits.maxHops),
        types: args.relationshipTypes && args.relationshipTypes.length > 0 ? args.relationshipTypes : null,
        excludeKeys: (args.excludeIds ?? []).map((id) => entityKey('excludeIds', id)),
        asOf: dateBound('asOf', args.asOf, 'first'),
        includeSources: args.includeSources ?? false,
        limit: pageSize('limit', args.limit, 10, ctx.limits.maxPageSize),
      });
      // The ends of each hop's relationship (`from`, `to`) are already here: no second round trip for them.
      for (const path of paths) primeEntities(ctx, path.nodes);
      return paths;
    },
  }),
);

builder.queryField('neighborhood', (t) =>
  t.field({
    type: SubgraphRef,
    description: 'The entities within `depth` hops of one entity and all relationships among them, for drawing. Empty if the entity does not exist.',
    args: {
      id: t.arg.id({ required: true, description: 'The centre (global id or key).' }),
      depth: t.arg.int({ defaultValue: 1, description: 'Hops from the centre (default 1; at most MAX_NEIGHBORHOOD_DEPTH, 3 by default).' }),
      types: t.arg({ type: [RelationshipTypeEnum], description: 'Follow only these relationship types (default: all).' }),
      limit: t.arg.int({
        defaultValue: 50,
        description: 'Most entities besides the centre (default 50; at most MAX_PAGE_SIZE). At depth 1, those with the most relationships with the centre are kept.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const graph = await ctx.store.neighborhood(
        entityKey('id', args.id),
        boundedInt('depth', args.depth ?? 1, 1, ctx.limits.maxNeighborhoodDepth),
        args.types && args.types.length > 0 ? args.types : null,
        pageSize('limit', args.limit, 50, ctx.limits.maxPageSize),
      );
      // Every edge's `from` and `to` is among the nodes: no second round trip for them.
      primeEntities(ctx, graph.nodes);
      return graph;
    },
  }),
);

const MatchEnum = builder.enumType('Match', {
  description: 'How a list of entities combines as a condition.',
  values: {
    ANY: { value: 'ANY', description: 'At least one of them.' },
    ALL: { value: 'ALL', description: 'Every one of them.' },
  } as const,
});

builder.queryField('timeline', (t) =>
  t.field({
    type: [EntityTypeRefs.Event],
    description: 'Events in date order (summits, visits, forums, wars ...), optionally within a window and connected to given entities. Ask each Event for `participants`, `places` and `citations`.',
    args: {
      from: t.arg.string({ description: 'Window start, ISO date (YYYY, YYYY-MM or YYYY-MM-DD).' }),
      to: t.arg.string({ description: 'Window end, ISO date; a year or month covers all of it.' }),
      entityIds: t.arg.idList({ description: 'Only events directly connected to these entities: any one of them, or all of them with `match: ALL`.' }),
      match: t.arg({ type: MatchEnum, defaultValue: 'ANY', description: 'With `entityIds`: ANY (default) keeps events connected to at least one, ALL only those connected to every one.' }),
      first: t.arg.int({ defaultValue: 50, description: 'Most events (default 50; at most MAX_PAGE_SIZE).' }),
    },
    resolve: (_root, args, ctx) => {
      const keys = args.entityIds ? args.entityIds.map((id) => entityKey('entityIds', id)) : null;
      if (keys && keys.length > 20) throw badInput('entityIds', `lists ${keys.length} entities; the limit is 20`);
      return ctx.store.timeline(
        dateBound('from', args.from, 'first'),
        dateBound('to', args.to, 'last'),
        keys,
        pageSize('first', args.first, 50, ctx.limits.maxPageSize),
        args.match === 'ALL',
      );
    },
  }),
);

builder.queryField('interlocks', (t) =>
  t.field({
    type: [InterlockRef],
    description: 'Entities directly connected to both `a` and `b`, with the relationships on each side (LittleSis\' interlocks).',
    args: {
      a: t.arg.id({ required: true, description: 'First entity (global id or key).' }),
      b: t.arg.id({ required: true, description: 'Second entity (global id or key).' }),
      first: t.arg.int({ defaultValue: 50, description: 'Most shared neighbours (default 50; at most MAX_PAGE_SIZE).' }),
    },
    resolve: (_root, args, ctx) => {
      const a = entityKey('a', args.a);
      const b = entityKey('b', args.b);
      if (a === b) throw badInput('b', 'must differ from "a"');
      return ctx.store.interlocks(a, b, pageSize('first', args.first, 50, ctx.limits.maxPageSize));
    },
  }),
);

builder.queryField('source', (t) =>
  t.field({
    type: SourceRef,
    nullable: true,
    description: 'One source document by global id, key ("source-001") or file name; null if none.',
    args: { id: t.arg.id({ required: true, description: 'Global id, key or file name (e.g. "001_5af6e1162aa95ee1.txt").' }) },
    resolve: async (_root, args, ctx) => {
      const id = args.id;
      if (id.endsWith('.txt')) return ctx.loaders.source.load(id);
      const entity = await ctx.loaders.entity.load(entityKey('id', id));
      return entity?.label === 'Source' ? entity : null;
    },
  }),
);

/** Hands entities already read to the request's entity loader, so fields that load them by key do not query again. */
function primeEntities(ctx: Context, entities: readonly EntityRecord[]): void {
  for (const entity of entities) ctx.loaders.entity.prime(entity.key, entity);
}
