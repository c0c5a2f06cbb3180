import { builder } from '../builder.js';
import { boundedInt, dateBound, entityKey, pageSize, badInput } from './arguments.js';
import { EntityTypeEnum, RelationshipTypeEnum } from './enums.js';
import { SubgraphRef } from './subgraph.js';

builder.queryField('subgraph', (t) =>
  t.field({
    type: SubgraphRef,
    description:
      'A part of the graph picked by entity types, relationship types, a date window or an ego network, with every selected ' +
      'relationship among its entities: the same selection as the downloads at GET /export/<format> (GraphML, GEXF, CSV, ' +
      'node-link and Cytoscape JSON; see docs/EXPORTS.md), capped at `limit` entities (the ego centre first, then by key); `totalCount`, `omitted` and `truncated` say what the cap left out.',
    args: {
      types: t.arg({ type: [EntityTypeEnum], description: 'Keep only entities of these kinds (default: all).' }),
      relationshipTypes: t.arg({ type: [RelationshipTypeEnum], description: 'Keep only relationships of these types (default: all).' }),
      from: t.arg.string({
        description:
          'Window start, ISO date (YYYY, YYYY-MM or YYYY-MM-DD). Entities and relationships dated entirely before it drop out; undated ones stay.',
      }),
      to: t.arg.string({ description: 'Window end, ISO date; a year or month covers all of it. Things dated entirely after it drop out; undated ones stay.' }),
      id: t.arg.id({ description: 'Centre of an ego network (global id or key): keep only entities within `depth` hops of it, walking selected entities and relationships. The centre itself is always kept.' }),
      depth: t.arg.int({ description: 'Hops from `id` (default 1; at most MAX_NEIGHBORHOOD_DEPTH, 3 by default). Only with `id`.' }),
      limit: t.arg.int({ defaultValue: 50, description: 'Most entities (default 50; at most MAX_PAGE_SIZE).' }),
    },
    resolve: async (_root, args, ctx) => {
      if (args.depth !== null && args.depth !== undefined && (args.id === null || args.id === undefined)) {
        throw badInput('depth', 'needs "id", the centre of the ego network');
      }
      const from = dateBound('from', args.from, 'first');
      const to = dateBound('to', args.to, 'last');
      if (from !== null && to !== null && from > to) throw badInput('to', `is before "from"`);
      const ego = args.id
        ? { key: entityKey('id', args.id), depth: boundedInt('depth', args.depth ?? 1, 1, ctx.limits.maxNeighborhoodDepth) }
        : null;
      const limit = pageSize('limit', args.limit, 50, ctx.limits.maxPageSize);
      const graph = await ctx.store.subgraph(
        {
          types: args.types && args.types.length > 0 ? args.types : null,
          relationshipTypes: args.relationshipTypes && args.relationshipTypes.length > 0 ? args.relationshipTypes : null,
          from,
          to,
          ego,
        },
        limit,
      );
      return { ...graph, omitted: Math.max(0, graph.totalCount - graph.nodes.length) };
    },
  }),
);
