import { builder } from '../builder.js';
import { originOf, type EntityRecord, type RelationshipRecord } from '../db/records.js';
import type { RetractedAround } from '../db/retracted-facts.js';
import { isEntityLabel } from '../model/graph-model.js';
import { entityKey } from './arguments.js';
import { CitationRef, citationsOf } from './citation.js';
import { EntityTypeEnum, OriginEnum, RelationshipTypeEnum } from './enums.js';

/** Who retracted a fact, when and why, as stored on the retracted fact (docs/CURATION.md). */
const RetractionRef = builder.objectRef<Readonly<Record<string, unknown>>>('Retraction').implement({
  description: 'Who retracted a fact, when and why.',
  fields: (t) => ({
    at: t.string({ description: 'When (ISO date-time).', resolve: (p) => str(p['retractedAt']) ?? '' }),
    by: t.string({ description: 'Who: the API key, `key:<id>`.', resolve: (p) => str(p['retractedBy']) ?? '' }),
    reason: t.string({ description: 'Why, as the curator gave it.', resolve: (p) => str(p['retractedReason']) ?? '' }),
    withEntity: t.id({
      nullable: true,
      description: 'For a relationship retracted together with one of its ends: that entity\'s key (it comes back with it).',
      resolve: (p) => (typeof p['retractedWith'] === 'string' ? p['retractedWith'] : null),
    }),
  }),
});

const RetractedEntityRef = builder.objectRef<EntityRecord>('RetractedEntity').implement({
  description: 'An entity hidden from every read by a retraction, kept whole with who retracted it, when and why.',
  fields: (t) => ({
    key: t.id({ description: 'Its stable key (reserved: no new entity may take it).', resolve: (e) => e.key }),
    name: t.string({ description: 'Its name when it was retracted.', resolve: (e) => e.name }),
    type: t.field({
      type: EntityTypeEnum,
      nullable: true,
      description: 'Its kind when it was retracted.',
      resolve: (e) => (isEntityLabel(e.label) ? e.label : null),
    }),
    origin: t.field({ type: OriginEnum, description: 'Where it came from before it was retracted.', resolve: (e) => originOf(e.props) }),
    citations: t.field({ type: [CitationRef], description: 'Its citations.', resolve: (e) => citationsOf(e.citations) }),
    retraction: t.field({ type: RetractionRef, description: 'Who retracted it, when and why.', resolve: (e) => e.props }),
  }),
});

const RetractedRelationshipRef = builder.objectRef<RelationshipRecord>('RetractedRelationship').implement({
  description: 'A relationship hidden from every read by a retraction (its own, or its end\'s), kept whole with who retracted it, when and why.',
  fields: (t) => ({
    id: t.id({ description: 'Its stable id.', resolve: (r) => r.id }),
    type: t.field({ type: RelationshipTypeEnum, description: 'The relationship type.', resolve: (r) => r.type }),
    fromKey: t.id({ description: 'The start entity\'s key (live or retracted).', resolve: (r) => r.from }),
    toKey: t.id({ description: 'The end entity\'s key (live or retracted).', resolve: (r) => r.to }),
    origin: t.field({ type: OriginEnum, description: 'Where it came from before it was retracted.', resolve: (r) => originOf(r.props) }),
    validFrom: t.string({ nullable: true, description: 'First day it held, if dated.', resolve: (r) => str(r.props['validFrom']) }),
    validTo: t.string({ nullable: true, description: 'Last day it held, if it ended.', resolve: (r) => str(r.props['validTo']) }),
    citations: t.field({ type: [CitationRef], description: 'Its citations.', resolve: (r) => citationsOf(r.citations) }),
    retraction: t.field({ type: RetractionRef, description: 'Who retracted it, when and why.', resolve: (r) => r.props }),
  }),
});

const RetractedFactsRef = builder.objectRef<RetractedAround>('RetractedFacts').implement({
  description: 'Retracted facts at some entities, for review beside the live graph.',
  fields: (t) => ({
    entities: t.field({ type: [RetractedEntityRef], description: 'Retracted entities among those asked about and at the other end of the relationships below, by key.', resolve: (f) => f.entities }),
    relationships: t.field({ type: [RetractedRelationshipRef], description: 'Retracted relationships with an end among the entities asked about, by id.', resolve: (f) => f.relationships }),
  }),
});

builder.queryField('retractedFacts', (t) =>
  t.field({
    type: RetractedFactsRef,
    description:
      'The retracted facts at some entities: what curators withdrew there, with who, when and why. Every other read leaves retracted facts out; ' +
      'this one is for review (the explorer\'s "retracted" filter). One query for all keys.',
    args: {
      around: t.arg({ type: ['ID'], required: true, description: 'Entity keys (or global ids); retracted entities\' keys are accepted too. At most MAX_PAGE_SIZE.' }),
    },
    resolve: async (_root, args, ctx) => {
      const keys = [...new Set(args.around.map((id, i) => entityKey(`around[${i}]`, id)))];
      const found = await ctx.loaders.retractedAround.loadMany(keys);
      const entities = new Map<string, EntityRecord>();
      const relationships = new Map<string, RelationshipRecord>();
      for (const facts of found) {
        if (facts instanceof Error) throw facts;
        for (const e of facts.entities) entities.set(e.key, e);
        for (const r of facts.relationships) relationships.set(r.id, r);
      }
      const sorted = <T>(map: Map<string, T>): T[] => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
      return { entities: sorted(entities), relationships: sorted(relationships) };
    },
  }),
);

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
