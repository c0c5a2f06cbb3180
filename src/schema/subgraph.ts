import { builder } from '../builder.js';
import type { PathResult, Subgraph, Interlock } from '../db/graph-store.js';
import { EntityRef } from './entity-refs.js';
import { RelationshipRef } from './relationship.js';

export const SubgraphRef = builder.objectRef<Subgraph>('Subgraph').implement({
  description: 'A set of entities and the relationships among them, ready to draw (nodes + edges).',
  fields: (t) => ({
    nodes: t.field({ type: [EntityRef], description: 'The entities.', resolve: (g) => g.nodes }),
    edges: t.field({ type: [RelationshipRef], description: 'Relationships whose both ends are in `nodes`, with citations.', resolve: (g) => g.relationships }),
  }),
});

interface Hop {
  readonly from: PathResult['nodes'][number];
  readonly to: PathResult['nodes'][number];
  readonly relationship: PathResult['relationships'][number];
}

const HopRef = builder.objectRef<Hop>('PathHop').implement({
  description: 'One step of a path, in walking order, with the relationship (and its citations) behind it.',
  fields: (t) => ({
    from: t.field({ type: EntityRef, description: 'Where this step starts.', resolve: (h) => h.from }),
    to: t.field({ type: EntityRef, description: 'Where this step ends.', resolve: (h) => h.to }),
    relationship: t.field({ type: RelationshipRef, description: 'The relationship walked (it may point against the walking direction).', resolve: (h) => h.relationship }),
    forward: t.boolean({ description: 'True if the relationship points in the walking direction.', resolve: (h) => h.relationship.from === h.from.key }),
  }),
});

export const PathRef = builder.objectRef<PathResult>('Path').implement({
  description: 'A shortest path between two entities.',
  fields: (t) => ({
    length: t.int({ description: 'Number of hops.', resolve: (p) => p.relationships.length }),
    nodes: t.field({ type: [EntityRef], description: 'The entities along the path, from start to end.', resolve: (p) => p.nodes }),
    hops: t.field({
      type: [HopRef],
      description: 'The steps, each with its relationship and citations.',
      resolve: (p) =>
        p.relationships.map((relationship, i) => ({ relationship, from: p.nodes[i]!, to: p.nodes[i + 1]! })),
    }),
  }),
});

export const InterlockRef = builder.objectRef<Interlock>('Interlock').implement({
  description: 'An entity directly connected to both entities asked about.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, description: 'The shared neighbour.', resolve: (i) => i.entity }),
    viaA: t.field({ type: [RelationshipRef], description: 'Its relationships with `a`.', resolve: (i) => i.viaA }),
    viaB: t.field({ type: [RelationshipRef], description: 'Its relationships with `b`.', resolve: (i) => i.viaB }),
  }),
});
