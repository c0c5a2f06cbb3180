import { builder } from '../../builder.js';
import { EntityTypeEnum, RelationshipTypeEnum } from '../enums.js';

export const CitationInput = builder.inputType('CitationInput', {
  description: 'Where a fact is stated: a source plus a line range (sources with text), or a page and/or a quote.',
  fields: (t) => ({
    source: t.string({ required: true, description: 'The source: its entity id (`source-001`) or file name.' }),
    lines: t.string({ description: 'Line or line range in the source text, e.g. "12" or "12-14".' }),
    page: t.int({ description: 'Page number, for sources without text lines.' }),
    quote: t.string({ description: 'A short quote locating the fact, for sources without text lines (at most 500 characters).' }),
  }),
});

export const PropertyInput = builder.inputType('PropertyInput', {
  description: "One property value, checked against the model's vocabulary for the kind or type; set exactly one of text, number, texts.",
  fields: (t) => ({
    name: t.string({ required: true, description: 'The property name (e.g. "date", "kind", "role").' }),
    text: t.string({ description: 'A text or date value (dates as YYYY, YYYY-MM or YYYY-MM-DD).' }),
    number: t.float({ description: 'A number value.' }),
    texts: t.stringList({ description: 'A list of texts.' }),
  }),
});

export const AliasInput = builder.inputType('AliasInput', {
  description: 'Another name of an entity.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The alias.' }),
    usedBy: t.string({ description: 'Id of the party whose usage the alias is, if any.' }),
  }),
});

export const AddSourceInput = builder.inputType('AddSourceInput', {
  description: 'A new source document. Its file name becomes `<id>.txt`; citations of it use that name.',
  fields: (t) => ({
    id: t.string({ required: true, description: 'A new kebab-case id, e.g. "source-tass-2019-01".' }),
    title: t.string({ required: true, description: 'The title as the document states it.' }),
    authors: t.stringList({ description: 'Author names as the document states them.' }),
    publisher: t.string({ description: 'The publisher.' }),
    date: t.string({ description: 'Publication date: YYYY, YYYY-MM or YYYY-MM-DD.' }),
    kind: t.string({ description: 'What sort of document it is (e.g. "article", "report").' }),
    lines: t.stringList({ description: 'The text, one entry per line, so that facts can cite line ranges.' }),
  }),
});

export const AddEntityInput = builder.inputType('AddEntityInput', {
  description: 'A new entity, with at least one citation.',
  fields: (t) => ({
    id: t.string({ required: true, description: 'A new kebab-case id.' }),
    kind: t.field({ type: EntityTypeEnum, required: true, description: 'The kind of entity.' }),
    name: t.string({ required: true, description: 'Its canonical name.' }),
    description: t.string({ description: 'One or two sentences in your own words.' }),
    aliases: t.field({ type: [AliasInput], description: 'Other names.' }),
    properties: t.field({ type: [PropertyInput], description: 'Kind-specific properties.' }),
    citations: t.field({ type: [CitationInput], description: 'Where the entity is stated (at least one).' }),
  }),
});

export const UpdateEntityInput = builder.inputType('UpdateEntityInput', {
  description: 'A cited correction or addition to an entity.',
  fields: (t) => ({
    id: t.string({ required: true, description: 'The entity id.' }),
    expectedVersion: t.int({ description: 'The version you read; a different current version is a CONFLICT.' }),
    name: t.string({ description: 'A new canonical name.' }),
    description: t.string({ description: 'A new description.' }),
    addAliases: t.field({ type: [AliasInput], description: 'Aliases to add.' }),
    removeAliases: t.stringList({ description: 'Aliases to remove, by name.' }),
    setProperties: t.field({ type: [PropertyInput], description: 'Properties to set.' }),
    unsetProperties: t.stringList({ description: 'Properties to remove, by name.' }),
    citations: t.field({ type: [CitationInput], description: 'Where the change is stated (at least one).' }),
  }),
});

export const AddRelationshipInput = builder.inputType('AddRelationshipInput', {
  description: "A new relationship between two live entities, allowed by the model's endpoint rules, with at least one citation.",
  fields: (t) => ({
    type: t.field({ type: RelationshipTypeEnum, required: true, description: 'The relationship type.' }),
    from: t.string({ required: true, description: 'Start entity id.' }),
    to: t.string({ required: true, description: 'End entity id.' }),
    properties: t.field({ type: [PropertyInput], description: 'Type-specific properties.' }),
    citations: t.field({ type: [CitationInput], description: 'Where the relationship is stated (at least one).' }),
  }),
});

export const UpdateRelationshipInput = builder.inputType('UpdateRelationshipInput', {
  description: 'A cited correction or addition to a relationship.',
  fields: (t) => ({
    id: t.string({ required: true, description: 'The relationship id.' }),
    expectedVersion: t.int({ description: 'The version you read; a different current version is a CONFLICT.' }),
    setProperties: t.field({ type: [PropertyInput], description: 'Properties to set.' }),
    unsetProperties: t.stringList({ description: 'Properties to remove, by name.' }),
    citations: t.field({ type: [CitationInput], description: 'Where the change is stated (at least one).' }),
  }),
});

export const TargetInput = builder.inputType('CurationTargetInput', {
  description: 'The fact to retract or restore.',
  fields: (t) => ({
    id: t.string({ required: true, description: 'Entity id or relationship id.' }),
    expectedVersion: t.int({ description: 'The version you read; a different current version is a CONFLICT.' }),
  }),
});

export const RevertInput = builder.inputType('RevertInput', {
  description: 'A revision to undo.',
  fields: (t) => ({
    revisionId: t.string({ required: true, description: 'The revision id (from `history`).' }),
  }),
});

export const CurationOperationInput = builder.inputType('CurationOperationInput', {
  description: 'One step of a batch: set exactly one field.',
  fields: (t) => ({
    addSource: t.field({ type: AddSourceInput, description: 'Register a source.' }),
    addEntity: t.field({ type: AddEntityInput, description: 'Add an entity.' }),
    updateEntity: t.field({ type: UpdateEntityInput, description: 'Correct an entity.' }),
    retractEntity: t.field({ type: TargetInput, description: 'Retract an entity (and its relationships).' }),
    restoreEntity: t.field({ type: TargetInput, description: 'Restore a retracted entity (and the relationships retracted with it).' }),
    addRelationship: t.field({ type: AddRelationshipInput, description: 'Add a relationship.' }),
    updateRelationship: t.field({ type: UpdateRelationshipInput, description: 'Correct a relationship.' }),
    retractRelationship: t.field({ type: TargetInput, description: 'Retract a relationship.' }),
    restoreRelationship: t.field({ type: TargetInput, description: 'Restore a retracted relationship.' }),
    revertRevision: t.field({ type: RevertInput, description: 'Undo a revision.' }),
  }),
});
