import { builder } from '../builder.js';
import { DEFAULT_WALK_LAYERS, HUB_COST, type Layer } from '../model/layers.js';
import type { FoundPath, PathStep } from '../network/find-paths.js';
import type { TieKind } from '../network/tie-costs.js';
import { badInput, boundedInt, dateBound, entityKey, pageSize } from './arguments.js';
import { CitationRef, citationsOf } from './citation.js';
import { EntityRef } from './entity-refs.js';
import { RelationshipTypeEnum } from './enums.js';
import { primeEntities, walkSpec } from './network-arguments.js';
import { RelationshipRef } from './relationship.js';
import { LayerEnum, relationText, TieEvidenceRef, TieKindEnum, TieRef } from './tie.js';
import { capList } from './truncation.js';

export const HopDirectionEnum = builder.enumType('HopDirection', {
  description: 'How a hop\'s tie points relative to the walking direction.',
  values: {
    FORWARD: { value: 'FORWARD', description: 'The stored relationship points the way the path walks.' },
    BACKWARD: { value: 'BACKWARD', description: 'The stored relationship points against the walking direction.' },
    UNDIRECTED: { value: 'UNDIRECTED', description: 'A derived tie, which has no direction of its own.' },
  } as const,
});

const TieCostInput = builder.inputType('TieCostInput', {
  description: 'Your own cost for one kind of tie, replacing the model\'s (see schema/MODEL.md, "Path costs").',
  fields: (t) => ({
    kind: t.field({ type: TieKindEnum, required: true, description: 'The tie kind.' }),
    cost: t.float({ required: true, description: 'What one hop over it costs (0 to 1000; the model uses 1 for specific and 4 for generic ties).' }),
  }),
});

const HopRef = builder.objectRef<PathStep>('PathHop').implement({
  description: 'One step of a path, in walking order, explained: the tie walked, what it is, when it held, its citations and, for a derived tie, the evidence behind it.',
  fields: (t) => ({
    from: t.field({ type: EntityRef, description: 'Where this step starts.', resolve: (h) => h.from }),
    to: t.field({ type: EntityRef, description: 'Where this step ends.', resolve: (h) => h.to }),
    tie: t.field({ type: TieRef, description: 'The tie walked (a stored relationship or a derived tie).', resolve: (h) => h.tie }),
    kind: t.field({ type: TieKindEnum, description: 'The tie\'s kind: its relationship type or derived kind.', resolve: (h) => h.tie.kind }),
    relation: t.string({ description: 'What the tie is, in words.', resolve: (h) => relationText(h.tie) }),
    relationship: t.field({
      type: RelationshipRef,
      nullable: true,
      description: 'The stored relationship walked; null when the hop is a derived tie (then see `evidence`).',
      resolve: (h) => h.tie.relationship,
    }),
    direction: t.field({ type: HopDirectionEnum, description: 'Which way the tie points relative to the walk.', resolve: direction }),
    forward: t.boolean({ description: 'True if the stored relationship points in the walking direction (false for a derived tie).', resolve: (h) => direction(h) === 'FORWARD' }),
    firstDate: t.string({ nullable: true, description: 'First day the tie is known to hold, if dated.', resolve: (h) => h.tie.firstDate }),
    lastDate: t.string({ nullable: true, description: 'Last day it is known to hold; null if undated or open.', resolve: (h) => h.tie.lastDate }),
    citations: t.field({ type: [CitationRef], description: 'Every document line range behind this step.', resolve: (h) => citationsOf(h.tie.citations) }),
    evidence: t.field({ type: [TieEvidenceRef], description: 'For a derived tie, the hidden nodes behind it; empty for a stored relationship.', resolve: (h) => h.tie.evidence }),
    cost: t.float({ description: 'What this step cost: the tie kind\'s cost plus the hub penalty of the node entered (none for the path\'s end).', resolve: (h) => h.cost }),
  }),
});

export const PathRef = builder.objectRef<FoundPath>('Path').implement({
  description: 'A route between two entities with no entity twice, ranked by cost (see `paths`).',
  fields: (t) => ({
    rank: t.exposeInt('rank', { description: '1 for the cheapest route, 2 for the next ...' }),
    cost: t.exposeFloat('cost', { description: 'Total cost: the sum of the hops\' costs. Lower is a more specific, less hub-bound route.' }),
    length: t.int({ description: 'Number of hops.', resolve: (p) => p.steps.length }),
    nodes: t.field({ type: [EntityRef], description: 'The entities along the path, from start to end.', resolve: (p) => p.nodes }),
    hops: t.field({ type: [HopRef], description: 'The steps, each explained.', resolve: (p) => p.steps }),
  }),
});

builder.queryField('paths', (t) =>
  t.field({
    type: [PathRef],
    description:
      'The `k` best routes between two entities ("how is Mitsui connected to RDIF?"), cheapest first, each a simple path ' +
      '(no entity twice) whose every hop says what tie it walks, when it held, its citations and, for a derived tie, the ' +
      `evidence behind it. Cost: each hop pays its tie kind's cost (specific ties 1, generic ones such as RELATED_TO or ` +
      `BASED_IN 4, derived ties 1.5 to 3; \`costs\` overrides them) plus, for the node it enters, ${HUB_COST} × log2(1 + its ` +
      'number of relationships), so routes through hubs such as Japan rank below routes through a specific agreement or fund. ' +
      'By default the walk uses actors and context; statements, figures and documents are not stepping stones but fold into ' +
      'derived ties. Empty when no route exists within `maxHops`.',
    args: {
      from: t.arg.id({ required: true, description: 'Start entity (global id or key).' }),
      to: t.arg.id({ required: true, description: 'End entity (global id or key).' }),
      k: t.arg.int({ description: 'How many routes, cheapest first (default 3; at most MAX_PAGE_SIZE). When more exist, the response says so in `extensions.truncated`.' }),
      maxHops: t.arg.int({ defaultValue: 4, description: 'Longest route to consider (default 4; at most MAX_PATH_HOPS, 6 by default).' }),
      minHops: t.arg.int({ defaultValue: 1, description: 'Shortest route to return (default 1): skip direct ties to see longer explanations.' }),
      via: t.arg.idList({ description: 'Entities every returned route must pass through (global ids or keys).' }),
      avoidIds: t.arg.idList({ description: 'Entities no route may pass through (global ids or keys).' }),
      excludeIds: t.arg.idList({ description: 'Same as `avoidIds` (the older name).', deprecationReason: 'Use `avoidIds`.' }),
      avoidTypes: t.arg({ type: [TieKindEnum], description: 'Tie kinds no route may walk (e.g. RELATED_TO, BASED_IN).' }),
      relationshipTypes: t.arg({ type: [RelationshipTypeEnum], description: 'Walk only these stored relationship types, directly or inside derived ties (default: all).' }),
      layers: t.arg({
        type: [LayerEnum],
        description: 'Layers whose entities may be stepping stones (default ACTORS and CONTEXT); the others fold into derived ties. The two ends are always allowed.',
      }),
      costs: t.arg({ type: [TieCostInput], description: 'Your own costs per tie kind, replacing the model\'s.' }),
      hubCost: t.arg.float({ description: `Factor of the hub penalty (default ${HUB_COST}; 0 ranks by tie costs alone).` }),
      asOf: t.arg.string({ description: 'Walk only ties holding on this ISO date (undated ties count as always holding).' }),
      includeSources: t.arg.boolean({
        description: 'Let routes pass through the evidence layer (statements, figures, documents); same as adding EVIDENCE to `layers`.',
        deprecationReason: 'Use `layers: [ACTORS, CONTEXT, EVIDENCE]`.',
      }),
      limit: t.arg.int({ description: 'Same as `k` (the older name).', deprecationReason: 'Use `k`.' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const from = entityKey('from', args.from);
      const to = entityKey('to', args.to);
      if (from === to) throw badInput('to', 'must differ from "from"');
      const k = pageSize(args.k !== null && args.k !== undefined ? 'k' : 'limit', args.k ?? args.limit, 3, ctx.limits.maxPageSize);
      const maxHops = boundedInt('maxHops', args.maxHops ?? 4, 1, ctx.limits.maxHops);
      const minHops = boundedInt('minHops', args.minHops ?? 1, 1, maxHops);
      const layers: Layer[] = [...(args.layers && args.layers.length > 0 ? args.layers : DEFAULT_WALK_LAYERS)];
      if (args.includeSources === true && !layers.includes('evidence')) layers.push('evidence');
      const costs = new Map<TieKind, number>();
      for (const entry of args.costs ?? []) {
        if (!(entry.cost >= 0 && entry.cost <= 1000)) throw badInput('costs', `gives ${entry.kind} the cost ${entry.cost}; costs run from 0 to 1000`);
        costs.set(entry.kind, entry.cost);
      }
      const hubCost = args.hubCost ?? HUB_COST;
      if (!(hubCost >= 0 && hubCost <= 100)) throw badInput('hubCost', `is ${hubCost}; it must be from 0 to 100`);
      const paths = await ctx.network.paths({
        from,
        to,
        k: k + 1, // one more than asked: whether the cap cut the list (extensions.truncated)
        maxHops,
        minHops,
        via: (args.via ?? []).map((id) => entityKey('via', id)),
        avoidIds: [
          ...(args.avoidIds ?? []).map((id) => entityKey('avoidIds', id)),
          ...(args.excludeIds ?? []).map((id) => entityKey('excludeIds', id)),
        ],
        avoidKinds: args.avoidTypes ?? [],
        costs,
        hubCost,
        asOf: dateBound('asOf', args.asOf, 'first'),
        spec: walkSpec(layers, null, args.relationshipTypes ?? null),
      });
      const kept = capList(paths, k, 'k', ctx, info);
      for (const path of kept) primeEntities(ctx, path.nodes);
      return kept;
    },
  }),
);

function direction(h: PathStep): 'FORWARD' | 'BACKWARD' | 'UNDIRECTED' {
  if (h.tie.derived) return 'UNDIRECTED';
  return h.tie.from === h.from.key ? 'FORWARD' : 'BACKWARD';
}
