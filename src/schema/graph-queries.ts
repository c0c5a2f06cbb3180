import { builder } from '../builder.js';
import { DEFAULT_WALK_LAYERS } from '../model/layers.js';
import { badInput, boundedInt, dateBound, entityKey, pageSize } from './arguments.js';
import { NEIGHBOURHOOD_LINKS_PER_ENTITY, primeEntities, walkSpec } from './network-arguments.js';
import { EntityTypeRefs, SourceRef } from './entity-refs.js';
import { RelationshipTypeEnum } from './enums.js';
import { selectsField } from './selection.js';
import { InterlockRef, SubgraphRef } from './subgraph.js';
import { LayerEnum } from './tie.js';
import { capList } from './truncation.js';

builder.queryField('neighborhood', (t) =>
  t.field({
    type: SubgraphRef,
    description:
      'The entities within `depth` steps of one entity and the ties among them, for drawing. A step is a stored relationship ' +
      'or a tie derived through a hidden layer: by default statements, figures and documents are hidden and folded into the ' +
      'ties (see `ties` and their `evidence`), so the drawing shows actors and context. When more than `limit` are found, ' +
      'the nearest and most tied to the centre are kept and `omitted` says how many were left out. The cap is applied while ' +
      `searching: once nearer steps fill \`limit\`, farther ones are not searched, and beyond the first step each entity ` +
      `contributes at most ${NEIGHBOURHOOD_LINKS_PER_ENTITY} links; then \`truncated\` is true and the counts cover what was searched. ` +
      'Empty if the entity does not exist.',
    args: {
      id: t.arg.id({ required: true, description: 'The centre (global id or key). It is always included, whatever its layer.' }),
      depth: t.arg.int({ defaultValue: 1, description: 'Steps from the centre (default 1; at most MAX_NEIGHBORHOOD_DEPTH, 3 by default).' }),
      types: t.arg({ type: [RelationshipTypeEnum], description: 'Follow only these stored relationship types, directly or inside derived ties (default: all).' }),
      layers: t.arg({
        type: [LayerEnum],
        description: 'Layers to show (default ACTORS and CONTEXT); the others are hidden and folded into derived ties. Add EVIDENCE to see statements, figures and documents as nodes.',
      }),
      limit: t.arg.int({
        defaultValue: 50,
        description:
          'Most entities besides the centre (default 50; at most MAX_PAGE_SIZE). Nearer ones first; among equally near, those with the heaviest ties to the nodes one step closer. `omitted` counts the rest.',
      }),
    },
    resolve: async (_root, args, ctx, info) => {
      const layers = args.layers && args.layers.length > 0 ? args.layers : DEFAULT_WALK_LAYERS;
      const view = await ctx.network.neighbourhood({
        centre: entityKey('id', args.id),
        depth: boundedInt('depth', args.depth ?? 1, 1, ctx.limits.maxNeighborhoodDepth),
        limit: pageSize('limit', args.limit, 50, ctx.limits.maxPageSize),
        spec: walkSpec(layers, null, args.types ?? null),
        perParent: NEIGHBOURHOOD_LINKS_PER_ENTITY,
        derivedTies: selectsField(info, 'ties'),
      });
      // Every tie's ends are among the nodes: no second round trip for them.
      primeEntities(ctx, view.nodes);
      return view;
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
      first: t.arg.int({ defaultValue: 50, description: 'Most events (default 50; at most MAX_PAGE_SIZE). When more match, the response says so in `extensions.truncated`.' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const keys = args.entityIds ? args.entityIds.map((id) => entityKey('entityIds', id)) : null;
      if (keys && keys.length > 20) throw badInput('entityIds', `lists ${keys.length} entities; the limit is 20`);
      const limit = pageSize('first', args.first, 50, ctx.limits.maxPageSize);
      // One more than asked: whether the cap cut the list (extensions.truncated).
      const events = await ctx.store.timeline(dateBound('from', args.from, 'first'), dateBound('to', args.to, 'last'), keys, limit + 1, args.match === 'ALL');
      return capList(events, limit, 'first', ctx, info);
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
      first: t.arg.int({ defaultValue: 50, description: 'Most shared neighbours (default 50; at most MAX_PAGE_SIZE). When there are more, the response says so in `extensions.truncated`.' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const a = entityKey('a', args.a);
      const b = entityKey('b', args.b);
      if (a === b) throw badInput('b', 'must differ from "a"');
      const limit = pageSize('first', args.first, 50, ctx.limits.maxPageSize);
      return capList(await ctx.store.interlocks(a, b, limit + 1), limit, 'first', ctx, info);
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
