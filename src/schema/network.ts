import { builder } from '../builder.js';
import { DEFAULT_NETWORK_LAYERS, NETWORK_MAX_NODES, type Layer } from '../model/layers.js';
import type { NetworkView } from '../network/network-view.js';
import { badInput, boundedInt, dateBound, entityKey } from './arguments.js';
import { EntityRef } from './entity-refs.js';
import { EntityTypeEnum, RelationshipTypeEnum } from './enums.js';
import { networkTooLarge, primeEntities, walkSpec } from './network-arguments.js';
import { LayerEnum, TieRef } from './tie.js';

export const UndatedEnum = builder.enumType('Undated', {
  description: 'What a time window does with ties that carry no date.',
  values: {
    INCLUDE: {
      value: 'include',
      description:
        'Keep them in every window (the default: most ties, such as offices, memberships and ownership, carry no date in the documents, and dropping them would leave a window nearly empty).',
    },
    EXCLUDE: { value: 'exclude', description: 'Keep only ties whose dates meet the window: what is known to hold then.' },
  } as const,
});

interface NetworkAnswer extends NetworkView {
  readonly layers: readonly Layer[];
}

export const NetworkRef = builder.objectRef<NetworkAnswer>('Network').implement({
  description:
    'A network view: the entities of the chosen layers and the ties among them, stored ones and those derived through the hidden layers, each with weight, dates and evidence.',
  fields: (t) => ({
    layers: t.field({ type: [LayerEnum], description: 'The layers shown.', resolve: (n) => n.layers }),
    nodes: t.field({ type: [EntityRef], description: 'The entities shown.', resolve: (n) => n.nodes }),
    ties: t.field({ type: [TieRef], description: 'The ties among them.', resolve: (n) => n.ties }),
    totalCount: t.exposeInt('totalCount', { description: 'Entities in the view before the cap (`maxNodes`).' }),
    omitted: t.exposeInt('omitted', { description: 'How many the cap left out (those with the lightest ties); 0 when none.' }),
    truncated: t.boolean({ description: 'True when the cap left entities out.', resolve: (n) => n.omitted > 0 }),
  }),
});

builder.queryField('network', (t) =>
  t.field({
    type: NetworkRef,
    description:
      'The actor network (or the layers you choose), projected through the rest: two actors are tied when a stored ' +
      'relationship joins them, or when they took part in the same event, are parties to the same treaty or project, one ' +
      'stated something about the other, and so on; each derived tie lists that evidence with its citations and has a ' +
      'weight (how many pieces of evidence) and first/last dates. The same projection is downloadable: ' +
      'GET /export/<format>?projection=actors (docs/EXPORTS.md).',
    args: {
      layers: t.arg({ type: [LayerEnum], description: 'Layers to show (default ACTORS); the others are folded into derived ties.' }),
      types: t.arg({ type: [EntityTypeEnum], description: 'Show only these kinds, within the layers (default: every kind of the layers).' }),
      relationshipTypes: t.arg({ type: [RelationshipTypeEnum], description: 'Use only these stored relationship types, directly or inside derived ties (default: all).' }),
      from: t.arg.string({ description: 'Window start, ISO date (YYYY, YYYY-MM or YYYY-MM-DD): ties known to have ended before it drop out.' }),
      to: t.arg.string({ description: 'Window end, ISO date; a year or month covers all of it: ties that began after it drop out.' }),
      undated: t.arg({ type: UndatedEnum, description: 'Whether undated ties stay in a window (default INCLUDE; applies only when `from`, `to` or EXCLUDE is given).' }),
      minWeight: t.arg.int({ defaultValue: 1, description: 'Keep only ties with at least this much evidence (default 1).' }),
      id: t.arg.id({
        description:
          'Centre of an ego network (global id or key): only entities within `depth` steps of it. An ego network reaching more than MAX_NETWORK_NODES entities (20,000 by default) is refused with the error code NETWORK_TOO_LARGE.',
      }),
      depth: t.arg.int({ description: 'Steps from `id` (default 1; at most MAX_NEIGHBORHOOD_DEPTH). Only with `id`.' }),
      includeIsolates: t.arg.boolean({ defaultValue: true, description: 'Keep entities left without a tie (default true).' }),
      maxNodes: t.arg.int({ defaultValue: 500, description: `Most entities (default 500; at most ${NETWORK_MAX_NODES}); those with the heaviest ties are kept, \`omitted\` counts the rest.` }),
    },
    resolve: async (_root, args, ctx) => {
      if (args.depth !== null && args.depth !== undefined && (args.id === null || args.id === undefined)) {
        throw badInput('depth', 'needs "id", the centre of the ego network');
      }
      const from = dateBound('from', args.from, 'first');
      const to = dateBound('to', args.to, 'last');
      if (from !== null && to !== null && from > to) throw badInput('to', 'is before "from"');
      const limit = boundedInt('maxNodes', args.maxNodes ?? 500, 0, NETWORK_MAX_NODES);
      const layers = args.layers && args.layers.length > 0 ? [...new Set(args.layers)] : [...DEFAULT_NETWORK_LAYERS];
      const centre = args.id ? entityKey('id', args.id) : null;
      const depth = boundedInt('depth', args.depth ?? 1, 1, ctx.limits.maxNeighborhoodDepth);
      const view = await ctx.network
        .network({
          spec: walkSpec(layers, args.types ?? null, args.relationshipTypes ?? null),
          scope: centre !== null ? { kind: 'ball', centres: [centre], radius: depth, maxNodes: ctx.limits.maxNetworkNodes } : { kind: 'all' },
          from,
          to,
          undated: args.undated ?? 'include',
          minWeight: boundedInt('minWeight', args.minWeight ?? 1, 1, 1_000_000),
          limit,
          dropIsolates: args.includeIsolates === false,
        })
        .catch((error: unknown) => {
          throw networkTooLarge(error, centre ?? '', depth);
        });
      primeEntities(ctx, view.nodes);
      return { ...view, layers };
    },
  }),
);
