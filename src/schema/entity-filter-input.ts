import { builder } from '../builder.js';
import type { EntityFilter, RelationshipQuantifier, TargetFilter } from '../db/entity-filter.js';
import type { CitedIn } from '../db/property-conditions.js';
import { resolveDocumentName } from '../documents/document-names.js';
import { ENTITY_LABELS, LABELS, type EntityLabel, type PropertySpec } from '../model/graph-model.js';
import { ENTITY_PROPERTIES, RELATIONSHIP_PROPERTIES } from '../model/property-catalogue.js';
import { badInput, dateBound, entityKey } from './arguments.js';
import { DirectionEnum, EntityTypeEnum, RelationshipTypeEnum } from './enums.js';
import { propertyConditionFields, toPropertyConditions } from './property-filter-inputs.js';

const CitedInInput = builder.inputType('CitedIn', {
  description: 'Cited in one document, optionally within a line range ("according to document 001, lines 40-60").',
  fields: (t) => ({
    document: t.string({ required: true, description: 'The document: its file name ("001_5af6e1162aa95ee1.txt") or its number ("001").' }),
    fromLine: t.int({ description: 'A citation must end on or after this line.' }),
    toLine: t.int({ description: 'A citation must start on or before this line.' }),
  }),
});

const PropertiesInput = builder.inputType('EntityProperties', {
  description: 'Conditions on any property the model declares for some kind (an entity without the property does not match).',
  fields: (t) => propertyConditionFields(t, ENTITY_PROPERTIES) as never,
});

const RelationshipPropertiesInput = builder.inputType('RelationshipProperties', {
  description: 'Conditions on a relationship\'s own properties (role, relation, effect, dates, amounts ...).',
  fields: (t) => propertyConditionFields(t, RELATIONSHIP_PROPERTIES) as never,
});

const TargetFilterInput = builder.inputType('TargetFilter', {
  description: 'Conditions on the entity at the other end of a relationship.',
  fields: (t) => ({
    types: t.field({ type: [EntityTypeEnum], description: 'Its kind is one of these.' }),
    ids: t.idList({ description: 'It is one of these entities (global ids or keys).' }),
    nameContains: t.string({ description: 'Its name or an alias contains this text (ignoring case and the kind of dash).' }),
    where: t.field({ type: PropertiesInput, description: 'Conditions on its properties (kind, sector, status, value ...).' }),
  }),
});

const RelationshipQuantifierInput = builder.inputType('RelationshipQuantifier', {
  description: 'A relationship condition: its type, direction, its own properties and what lies at the other end.',
  fields: (t) => ({
    type: t.field({ type: RelationshipTypeEnum, required: true, description: 'The relationship type.' }),
    direction: t.field({ type: DirectionEnum, description: 'Seen from the filtered entity (default BOTH).' }),
    target: t.field({ type: TargetFilterInput, description: 'Conditions on the other end (default: any entity).' }),
    where: t.field({ type: RelationshipPropertiesInput, description: 'Conditions on the relationship\'s own properties (role, relation, dates ...).' }),
    citedIn: t.field({ type: CitedInInput, description: 'The relationship is cited in this document (and line range).' }),
  }),
});

/** The filter fields every list shares; `types` only where the kind is not fixed. */
function commonFields(t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0], withTypes: boolean) {
  return {
    ...(withTypes ? { types: t.field({ type: [EntityTypeEnum], description: 'Only these kinds.' }) } : {}),
    ids: t.idList({ description: 'Only these entities (global ids or keys).' }),
    nameContains: t.string({ description: 'Name or an alias contains this text, ignoring case and the kind of dash ("Russia-Japan" finds "Russia–Japan").' }),
    citedIn: t.field({ type: CitedInInput, description: 'Cited in this document (and line range).' }),
    dateFrom: t.string({ description: 'Dated on or after this ISO date (YYYY, YYYY-MM or YYYY-MM-DD); undated entities drop out.' }),
    dateTo: t.string({ description: 'Dated on or before this ISO date; undated entities drop out.' }),
    some: t.field({ type: [RelationshipQuantifierInput], description: 'Has at least one relationship matching each quantifier.' }),
    none: t.field({ type: [RelationshipQuantifierInput], description: 'Has no relationship matching any quantifier.' }),
    all: t.field({
      type: [RelationshipQuantifierInput],
      description: 'Has relationships of the quantifier\'s type and direction, and every one of them matches the quantifier\'s conditions.',
    }),
  };
}

export const EntityFilterInput = builder.inputType('EntityFilter', {
  description: 'Which entities to list. All given conditions must hold.',
  fields: (t) => ({
    ...commonFields(t, true),
    where: t.field({ type: PropertiesInput, description: 'Conditions on declared properties (kind, sector, status, value, unit ...).' }),
  }),
});

const KIND_PROPERTIES = Object.fromEntries(
  ENTITY_LABELS.map((label) => [label, new Map(Object.entries(LABELS[label].properties))]),
) as unknown as Record<EntityLabel, ReadonlyMap<string, PropertySpec>>;

/** `EventFilter`, `ObservationFilter` ...: the shared conditions plus one per property of the kind. */
export const KindFilterInputs = Object.fromEntries(
  ENTITY_LABELS.map((label) => [
    label,
    builder.inputType(`${label}Filter`, {
      description: `Which ${label} entities to list. All given conditions must hold.`,
      fields: (t) => ({ ...commonFields(t, false), ...(propertyConditionFields(t, KIND_PROPERTIES[label]) as object) }) as never,
    }),
  ]),
) as unknown as Record<EntityLabel, typeof EntityFilterInput>;

type Arg = Readonly<Record<string, unknown>>;

function toCitedIn(arg: Arg | null | undefined, path: string): CitedIn | undefined {
  if (!arg) return undefined;
  const document = resolveDocumentName(String(arg['document']));
  if (!document) throw badInput(`${path}.document`, `is "${String(arg['document'])}"; expected a document file name or number such as "001"`);
  const fromLine = arg['fromLine'] as number | null | undefined;
  const toLine = arg['toLine'] as number | null | undefined;
  if (fromLine !== null && fromLine !== undefined && fromLine < 1) throw badInput(`${path}.fromLine`, 'must be 1 or more');
  if (toLine !== null && toLine !== undefined && fromLine !== null && fromLine !== undefined && toLine < fromLine) {
    throw badInput(`${path}.toLine`, 'must not be before fromLine');
  }
  return { document, ...(typeof fromLine === 'number' ? { from: fromLine } : {}), ...(typeof toLine === 'number' ? { to: toLine } : {}) };
}

function toTarget(arg: Arg | null | undefined, path: string): TargetFilter | undefined {
  if (!arg) return undefined;
  const properties = arg['where'] ? toPropertyConditions(arg['where'] as Arg, ENTITY_PROPERTIES, `${path}.where`) : [];
  return {
    ...(arg['types'] ? { types: arg['types'] as EntityLabel[] } : {}),
    ...(arg['ids'] ? { keys: (arg['ids'] as string[]).map((id) => entityKey(`${path}.ids`, id)) } : {}),
    ...(typeof arg['nameContains'] === 'string' && arg['nameContains'] ? { nameContains: arg['nameContains'] } : {}),
    ...(properties.length > 0 ? { properties } : {}),
  };
}

function toQuantifiers(args: unknown, path: string): RelationshipQuantifier[] | undefined {
  if (!Array.isArray(args)) return undefined;
  if (args.length > 5) throw badInput(path, `has ${args.length} quantifiers; the limit is 5`);
  return (args as Arg[]).map((q, i) => {
    const target = toTarget(q['target'] as Arg | null, `${path}[${i}].target`);
    const properties = q['where'] ? toPropertyConditions(q['where'] as Arg, RELATIONSHIP_PROPERTIES, `${path}[${i}].where`) : [];
    const citedIn = toCitedIn(q['citedIn'] as Arg | null, `${path}[${i}].citedIn`);
    return {
      type: q['type'] as RelationshipQuantifier['type'],
      direction: (q['direction'] as RelationshipQuantifier['direction'] | null) ?? 'BOTH',
      ...(target ? { target } : {}),
      ...(properties.length > 0 ? { properties } : {}),
      ...(citedIn ? { citedIn } : {}),
    };
  });
}

/** Turns a GraphQL filter (generic or of one kind) into the store's, validating every value and naming the argument at fault. */
export function toEntityFilter(arg: unknown, fixedType?: EntityLabel): EntityFilter {
  const filter = (arg ?? {}) as Arg;
  const types = fixedType ? [fixedType] : (filter['types'] as EntityLabel[] | null | undefined) ?? undefined;
  const dateFrom = dateBound('filter.dateFrom', filter['dateFrom'] as string | null | undefined, 'first');
  const dateTo = dateBound('filter.dateTo', filter['dateTo'] as string | null | undefined, 'last');
  const properties = fixedType
    ? toPropertyConditions(filter, KIND_PROPERTIES[fixedType], 'filter')
    : filter['where']
      ? toPropertyConditions(filter['where'] as Arg, ENTITY_PROPERTIES, 'filter.where')
      : [];
  const citedIn = toCitedIn(filter['citedIn'] as Arg | null, 'filter.citedIn');
  const some = toQuantifiers(filter['some'], 'filter.some');
  const none = toQuantifiers(filter['none'], 'filter.none');
  const all = toQuantifiers(filter['all'], 'filter.all');
  return {
    ...(types ? { types } : {}),
    ...(filter['ids'] ? { keys: (filter['ids'] as string[]).map((id) => entityKey('filter.ids', id)) } : {}),
    ...(typeof filter['nameContains'] === 'string' && filter['nameContains'] ? { nameContains: filter['nameContains'] } : {}),
    ...(properties.length > 0 ? { properties } : {}),
    ...(citedIn ? { citedIn } : {}),
    ...(dateFrom ? { dateFrom } : {}),
    ...(dateTo ? { dateTo } : {}),
    ...(some ? { some } : {}),
    ...(none ? { none } : {}),
    ...(all ? { all } : {}),
  };
}

export { KIND_PROPERTIES };
