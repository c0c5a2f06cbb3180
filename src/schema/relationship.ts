import { builder } from '../builder.js';
import { encodeCursor } from '../db/cursor.js';
import type { RelationshipItem } from '../db/graph-store.js';
import { originOf, type RelationshipRecord } from '../db/records.js';
import { RELATIONSHIPS, RELATIONSHIP_TYPES } from '../model/graph-model.js';
import { CitationRef, citationsOf } from './citation.js';
import { EntityRef } from './entity-refs.js';
import { DirectionEnum, OriginEnum, RelationshipTypeEnum } from './enums.js';
import { AS_OF_DESCRIPTION, instant } from './arguments.js';
import { RevisionRef } from './mutations/revision.js';

/** Every property any relationship type may carry, with the model's description. */
const RELATIONSHIP_PROPERTIES = new Map<string, { type: string; description: string }>();
for (const type of RELATIONSHIP_TYPES) {
  for (const [name, spec] of Object.entries(RELATIONSHIPS[type].properties)) {
    if (!RELATIONSHIP_PROPERTIES.has(name)) RELATIONSHIP_PROPERTIES.set(name, spec);
  }
}

export const RelationshipRef = builder.objectRef<RelationshipRecord>('Relationship').implement({
  description: 'A cited, typed, directed relationship between two entities.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id of the relationship.' }),
    type: t.field({ type: RelationshipTypeEnum, description: 'The relationship type.', resolve: (r) => r.type }),
    from: t.field({
      type: EntityRef,
      description: 'The start node.',
      resolve: async (r, _args, ctx) => required(await (r.asOf ? ctx.loaders.asOf(r.asOf).entity : ctx.loaders.entity).load(r.from), r.from),
    }),
    to: t.field({
      type: EntityRef,
      description: 'The end node.',
      resolve: async (r, _args, ctx) => required(await (r.asOf ? ctx.loaders.asOf(r.asOf).entity : ctx.loaders.entity).load(r.to), r.to),
    }),
    citations: t.field({
      type: [CitationRef],
      description: 'The document line ranges that state this relationship.',
      resolve: (r) => citationsOf(r.citations),
    }),
    version: t.int({
      description: 'Curation version: 0 as the seed loaded it, +1 with every curated change (pass it as `expectedVersion`).',
      resolve: (r) => num(r.props['version']) ?? 0,
    }),
    origin: t.field({
      type: OriginEnum,
      description: 'Where the fact came from: SEED (the seed files) or CURATED (added through the API).',
      resolve: (r) => originOf(r.props),
    }),
    history: t.field({
      type: [RevisionRef],
      description: 'Every curated change of this relationship, oldest first (empty for a seed fact nobody has curated). Batched: one query for all relationships of a page.',
      resolve: (r, _args, ctx) => ctx.loaders.history.load(r.id),
    }),
    validFrom: t.string({
      nullable: true,
      description: 'First day the relationship held (from `start` or `date`), if known.',
      resolve: (r) => str(r.props['validFrom']),
    }),
    validTo: t.string({
      nullable: true,
      description: 'Last day the relationship held (from `end`), if it ended.',
      resolve: (r) => str(r.props['validTo']),
    }),
    beneficiaryEntity: t.field({
      type: EntityRef,
      nullable: true,
      description: 'For AFFECTS_TERRITORY: the country the effect favours.',
      resolve: (r, _args, ctx) => {
        const key = str(r.props['beneficiary']);
        return key ? ctx.loaders.entity.load(key) : null;
      },
    }),
    ...Object.fromEntries(
      [...RELATIONSHIP_PROPERTIES].map(([name, spec]) => [
        name,
        spec.type === 'number'
          ? t.float({ nullable: true, description: spec.description, resolve: (r) => num(r.props[name]) })
          : t.string({ nullable: true, description: spec.description, resolve: (r) => str(r.props[name]) }),
      ]),
    ),
  }),
});

builder.queryField('relationship', (t) =>
  t.field({
    type: RelationshipRef,
    nullable: true,
    description: 'One relationship by its id; null if none exists (or, with `asOf`, if none existed then). Retracted relationships are null unless `asOf` is before the retraction.',
    args: {
      id: t.arg.id({ required: true, description: 'The relationship id (16 hex digits, from `Relationship.id`).' }),
      asOf: t.arg.string({ description: AS_OF_DESCRIPTION }),
    },
    resolve: (_root, args, ctx) => {
      const at = instant('asOf', args.asOf);
      const id = args.id;
      return at === null ? ctx.loaders.relationship.load(id) : ctx.loaders.asOf(at).relationship.load(id);
    },
  }),
);

export const RelationshipEdgeRef = builder.objectRef<RelationshipItem>('RelationshipEdge').implement({
  description: 'A relationship seen from one of its ends.',
  fields: (t) => ({
    cursor: t.string({
      description: 'Opaque keyset cursor for `after`.',
      resolve: (item) => encodeCursor(item.key),
    }),
    direction: t.field({
      type: DirectionEnum,
      description: 'OUTGOING if the relationship starts at the entity asked about.',
      resolve: (item) => (item.outgoing ? 'OUTGOING' : 'INCOMING'),
    }),
    other: t.field({ type: EntityRef, description: 'The entity at the other end.', resolve: (item) => item.other }),
    node: t.field({ type: RelationshipRef, description: 'The relationship itself.', resolve: (item) => item.relationship }),
  }),
});

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

function required<T>(value: T | null, key: string): T {
  if (value === null) throw new Error(`relationship end ${key} vanished`);
  return value;
}
