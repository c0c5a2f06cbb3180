import type { GraphQLInterfaceType } from 'graphql';
import { builder } from '../builder.js';
import { originOf, type EntityRecord } from '../db/records.js';
import { ENTITY_LABELS, LABELS } from '../model/graph-model.js';
import { AS_OF_DESCRIPTION, entityKey, instant } from './arguments.js';
import { RevisionRef } from './mutations/revision.js';
import { CitationRef, citationsOf } from './citation.js';
import { EntityRef, EntityTypeRefs } from './entity-refs.js';
import { EntityTypeEnum, OriginEnum, RelationshipTypeEnum } from './enums.js';
import { loaderSink, planEntitySelections } from './planned-reads.js';

interface AliasShape {
  readonly name: string;
  readonly usedBy: string;
}

const AliasRef = builder.objectRef<AliasShape>('Alias').implement({
  description: 'Another name of an entity, and whose usage it is where that matters ("Northern Territories" is Japan\'s).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The name.' }),
    usedBy: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The party whose usage this name is; null for plain spelling variants.',
      resolve: (alias, _args, ctx) => (alias.usedBy === '' ? null : ctx.loaders.entity.load(alias.usedBy)),
    }),
  }),
});

interface CountShape {
  readonly type: string;
  readonly outgoing: number;
  readonly incoming: number;
}

const RelationshipCountRef = builder.objectRef<CountShape>('RelationshipCount').implement({
  description: 'How many relationships of one type an entity has.',
  fields: (t) => ({
    type: t.field({ type: RelationshipTypeEnum, description: 'The relationship type.', resolve: (c) => c.type as never }),
    outgoing: t.exposeInt('outgoing', { description: 'Relationships starting at the entity.' }),
    incoming: t.exposeInt('incoming', { description: 'Relationships ending at the entity.' }),
    total: t.int({ description: 'Both directions.', resolve: (c) => c.outgoing + c.incoming }),
  }),
});

EntityRef.implement({
  description: 'Anything in the graph: a person, country, organisation, treaty, event, place, figure or source. Every entity cites the documents that mention it.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (entity) => entity.label,
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable human-readable key from the seed (e.g. "shinzo-abe"); accepted wherever an ID is.' }),
    type: t.field({ type: EntityTypeEnum, description: 'The kind of entity.', resolve: (e) => e.label }),
    name: t.exposeString('name', { description: 'The common English name.' }),
    aliases: t.field({
      type: [AliasRef],
      description: 'Other names and spellings, with whose usage they are.',
      resolve: (e) => e.aliases.map((name, i) => ({ name, usedBy: e.aliasUsedBy[i] ?? '' })),
    }),
    description: t.exposeString('description', { nullable: true, description: 'A one-line summary in our own words.' }),
    citations: t.field({
      type: [CitationRef],
      description: 'The document line ranges that mention this entity.',
      resolve: (e) => citationsOf(e.citations),
    }),
    dateFrom: t.exposeString('dateFrom', { nullable: true, description: 'First day the entity\'s date covers (events, figures, treaties), ISO.' }),
    dateTo: t.exposeString('dateTo', { nullable: true, description: 'Last day the entity\'s date covers, ISO.' }),
    version: t.int({
      description: 'Curation version: 0 as the seed loaded it, +1 with every curated change (pass it as `expectedVersion`).',
      resolve: (e) => (typeof e.props['version'] === 'number' ? e.props['version'] : 0),
    }),
    origin: t.field({
      type: OriginEnum,
      description: 'Where the fact came from: SEED (the seed files) or CURATED (added through the API). A curated correction of a seed fact stays SEED; see `history`.',
      resolve: (e) => originOf(e.props),
    }),
    history: t.field({
      type: [RevisionRef],
      description: 'Every curated change of this entity, oldest first (empty for a seed fact nobody has curated). Batched: one query for all entities of a list.',
      resolve: (e, _args, ctx) => ctx.loaders.history.load(e.key),
    }),
    relationshipCounts: t.field({
      type: [RelationshipCountRef],
      description: 'Relationship counts per type (an aggregate over all pages).',
      resolve: (e, _args, ctx) => ctx.loaders.relationshipCounts.load(e.key),
    }),
  }),
});

for (const label of ENTITY_LABELS) {
  const spec = LABELS[label];
  builder.node(EntityTypeRefs[label], {
    description: spec.description,
    interfaces: [EntityRef],
    id: { resolve: (e) => e.key },
    isTypeOf: (value) => (value as EntityRecord).label === label,
    loadMany: async (keys, ctx) => {
      const found = await ctx.loaders.entity.loadMany(keys);
      return found.map((e) => (e instanceof Error || e === null || e.label !== label ? null : e));
    },
    fields: (t) =>
      // Fields are generated from the model, so their names are only known at run time.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-return
      Object.fromEntries(
        Object.entries(spec.properties).map(([name, property]) => {
          const description = property.values ? `${property.description} One of: ${property.values.join(', ')}.` : property.description;
          switch (property.type) {
            case 'number':
              return [name, t.float({ nullable: true, description, resolve: (e) => numberProp(e, name) })];
            case 'string[]':
              return [name, t.stringList({ nullable: true, description, resolve: (e) => listProp(e, name) })];
            case 'boolean':
              return [name, t.boolean({ nullable: true, description, resolve: (e) => (typeof e.props[name] === 'boolean' ? e.props[name] : null) })];
            case 'date':
            case 'string':
              return [name, t.string({ nullable: true, description, resolve: (e) => stringProp(e, name) })];
          }
        }),
      ),
  });
}

builder.queryField('entity', (t) =>
  t.field({
    type: EntityRef,
    nullable: true,
    description: 'One entity by global id or key ("shinzo-abe"); null if none exists (or, with `asOf`, if none existed then).',
    args: {
      id: t.arg.id({ required: true, description: 'A global id or a key.' }),
      asOf: t.arg.string({ description: AS_OF_DESCRIPTION }),
    },
    // Planned: the entity and the relationship pages selected beneath it come in one query (src/planner/).
    // A read as of a past instant goes through the revision loaders instead.
    resolve: (_root, args, ctx, info) => {
      const key = entityKey('id', args.id);
      const at = instant('asOf', args.asOf);
      if (at !== null) return ctx.loaders.asOf(at).entity.load(key);
      const type = info.schema.getType('Entity') as GraphQLInterfaceType;
      const levels = planEntitySelections(info, ctx, info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : [])), type);
      return levels && levels.length > 0 ? ctx.store.plannedEntity(key, levels, loaderSink(ctx)) : ctx.loaders.entity.load(key);
    },
  }),
);

function stringProp(e: EntityRecord, name: string): string | null {
  const value = e.props[name];
  return typeof value === 'string' ? value : null;
}

function numberProp(e: EntityRecord, name: string): number | null {
  const value = e.props[name];
  return typeof value === 'number' ? value : null;
}

function listProp(e: EntityRecord, name: string): string[] | null {
  const value = e.props[name];
  return Array.isArray(value) ? value.map(String) : null;
}
