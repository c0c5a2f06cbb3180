import { builder } from '../builder.js';
import { RELATIONSHIPS, RELATIONSHIP_TYPES } from '../model/graph-model.js';
import { DERIVATIONS, LABEL_LAYERS, LAYERS, type Layer } from '../model/layers.js';
import type { Tie, TieEvidence } from '../network/tie.js';
import { CitationRef, citationsOf } from './citation.js';
import { EntityRef } from './entity-refs.js';
import { RelationshipRef } from './relationship.js';

const LAYER_DESCRIPTIONS: Record<Layer, string> = {
  actors: 'People, states, international organisations, public bodies, companies and other organisations: who acts.',
  context: 'Events, treaties, policies, projects, places and sanctions: what actors take part in, sign or contest.',
  evidence: 'Statements, figures (observations) and source documents: what the documents say about the rest.',
};

export const LayerEnum = builder.enumType('Layer', {
  description: `A layer of the network view; every entity kind belongs to one (${Object.entries(LABEL_LAYERS)
    .map(([label, layer]) => `${label}: ${layer}`)
    .join(', ')}).`,
  values: Object.fromEntries(LAYERS.map((layer) => [layer.toUpperCase(), { value: layer, description: LAYER_DESCRIPTIONS[layer] }])),
});

const derived = Object.values(DERIVATIONS).filter((spec) => spec !== null);

export const TieKindEnum = builder.enumType('TieKind', {
  description:
    'What a tie is: a stored relationship type (the tie is that relationship), or a kind of tie derived through a hidden node (the tie lists that node as evidence).',
  values: Object.fromEntries([
    ...RELATIONSHIP_TYPES.map((type) => [type, { value: type, description: `Stored relationship: ${RELATIONSHIPS[type].description}` }]),
    ...derived.map((spec) => [spec.kind, { value: spec.kind, description: `Derived: ${spec.description}` }]),
  ]) as Record<string, { value: Tie['kind']; description: string }>,
});

export const TieEvidenceRef = builder.objectRef<TieEvidence>('TieEvidence').implement({
  description: 'One hidden node behind a derived tie (an event, treaty, statement ...) and the cited relationships tying it to both ends.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, description: 'The event, treaty, statement, figure or document behind the tie.', resolve: (e) => e.entity }),
    relationships: t.field({
      type: [RelationshipRef],
      description: 'The stored relationships joining it to the tie\'s ends, each with its citations.',
      resolve: (e) => e.relationships,
    }),
  }),
});

export const TieRef = builder.objectRef<Tie>('Tie').implement({
  description:
    'An edge of the network view. A direct tie is one stored relationship; a derived tie joins two shown entities through ' +
    'hidden ones (both took part in one summit, signed one treaty, one stated something about the other) and is computed ' +
    'from that evidence on every read, never stored as if a document said it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The relationship id, or `KIND:a:b` for a derived tie.' }),
    kind: t.field({ type: TieKindEnum, description: 'The relationship type, or the derived kind.', resolve: (tie) => tie.kind }),
    derived: t.exposeBoolean('derived', { description: 'True if computed through hidden nodes; false if one stored relationship.' }),
    from: t.field({
      type: EntityRef,
      description: 'Start: the relationship\'s start node, or for a derived tie (which has no direction) the end with the smaller key.',
      resolve: async (tie, _args, ctx) => required(await ctx.loaders.entity.load(tie.from), tie.from),
    }),
    to: t.field({
      type: EntityRef,
      description: 'End: the relationship\'s end node, or the derived tie\'s other end.',
      resolve: async (tie, _args, ctx) => required(await ctx.loaders.entity.load(tie.to), tie.to),
    }),
    relationship: t.field({
      type: RelationshipRef,
      nullable: true,
      description: 'The stored relationship, for a direct tie; null for a derived one (see `evidence`).',
      resolve: (tie) => tie.relationship,
    }),
    relation: t.string({ description: 'What the tie is, in words: the relationship\'s own `relation` or its type\'s meaning, or how the derived tie arises.', resolve: relationText }),
    weight: t.exposeInt('weight', { description: 'How many pieces of evidence: 1 for a direct tie, the number of hidden nodes behind a derived one.' }),
    firstDate: t.string({ nullable: true, description: 'First day the tie is known to hold (ISO), from the dates behind it; null if undated.', resolve: (tie) => tie.firstDate }),
    lastDate: t.string({
      nullable: true,
      description: 'Last day it is known to hold; null if undated or still open (a treaty holds from its signing until a document says it ended).',
      resolve: (tie) => tie.lastDate,
    }),
    citations: t.field({ type: [CitationRef], description: 'Every document line range behind the tie.', resolve: (tie) => citationsOf(tie.citations) }),
    evidence: t.field({
      type: [TieEvidenceRef],
      description: 'For a derived tie, every hidden node behind it with its relationships to both ends; empty for a direct tie.',
      resolve: (tie) => tie.evidence,
    }),
  }),
});

/** What a tie is, in words. */
export function relationText(tie: Tie): string {
  if (tie.relationship) {
    const own = tie.relationship.props['relation'];
    return typeof own === 'string' ? own : RELATIONSHIPS[tie.relationship.type].description;
  }
  const spec = derived.find((d) => d.kind === tie.kind);
  const through = tie.evidence.map((e) => e.entity.name).join('; ');
  return `${spec?.description ?? tie.kind} Through: ${through}.`;
}

function required<T>(value: T | null, key: string): T {
  if (value === null) throw new Error(`tie end ${key} vanished`);
  return value;
}
