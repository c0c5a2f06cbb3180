import { builder } from '../builder.js';
import type { Interlock } from '../db/graph-store.js';
import type { EntityRecord, RelationshipRecord } from '../db/records.js';
import { directTies } from '../network/derive-ties.js';
import type { Tie } from '../network/tie.js';
import { EntityRef } from './entity-refs.js';
import { RelationshipRef } from './relationship.js';
import { TieRef } from './tie.js';

/** A drawable part of the graph and what a cap left out of it. */
export interface SubgraphView {
  readonly nodes: readonly EntityRecord[];
  readonly relationships: readonly RelationshipRecord[];
  /** Direct and derived ties; when absent, the relationships as direct ties. */
  readonly ties?: readonly Tie[];
  /** Entities matching before the cap (for a neighbourhood: besides the centre). */
  readonly totalCount: number;
  readonly omitted: number;
  /** False when the counts are a floor (a neighbourhood cut its search short); absent: exact. */
  readonly complete?: boolean;
}

export const SubgraphRef = builder.objectRef<SubgraphView>('Subgraph').implement({
  description: 'A set of entities and the relationships among them, ready to draw (nodes + edges), with how many entities a cap left out.',
  fields: (t) => ({
    nodes: t.field({ type: [EntityRef], description: 'The entities.', resolve: (g) => g.nodes }),
    edges: t.field({ type: [RelationshipRef], description: 'Stored relationships whose both ends are in `nodes`, with citations.', resolve: (g) => g.relationships }),
    ties: t.field({
      type: [TieRef],
      description: 'Ties among `nodes`: every stored relationship in `edges`, plus (for `neighborhood`) the ties derived through hidden layers, each with its evidence.',
      resolve: (g) => g.ties ?? directTies(g.relationships),
    }),
    totalCount: t.exposeInt('totalCount', {
      description:
        'How many entities matched before the cap (for `neighborhood`: neighbours found within the steps searched, the centre not counted; a floor when `truncated` and the search stopped early).',
    }),
    omitted: t.exposeInt('omitted', { description: 'How many of them the cap (`limit`) left out; 0 when nothing was left out.' }),
    truncated: t.boolean({
      description: 'True when the cap left entities out (`omitted` > 0) or a neighbourhood stopped searching early: the drawing is not the whole neighbourhood or selection.',
      resolve: (g) => g.omitted > 0 || g.complete === false,
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
