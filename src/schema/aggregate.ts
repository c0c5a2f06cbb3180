import { builder } from '../builder.js';
import type { Aggregate, AggregateGroup, GroupKey, NumberStats } from '../db/aggregate-query.js';
import type { EntityFilter } from '../db/entity-filter.js';
import { ENTITY_LABELS, type EntityLabel, type PropertySpec } from '../model/graph-model.js';
import { ENTITY_PROPERTIES } from '../model/property-catalogue.js';
import type { Context } from '../context.js';
import { pageSize } from './arguments.js';
import { constantCase } from './constant-case.js';
import { KIND_PROPERTIES } from './entity-filter-input.js';

const NumberStatsRef = builder.objectRef<NumberStats>('NumberStats').implement({
  description: 'Statistics of one numeric property over a set of entities; entities without the property are left out.',
  fields: (t) => ({
    property: t.exposeString('property', { description: 'The property (e.g. "value" of observations, "amount" of projects).' }),
    count: t.exposeInt('count', { description: 'How many entities have the property.' }),
    min: t.exposeFloat('min', { nullable: true, description: 'The smallest value; null when none has it.' }),
    max: t.exposeFloat('max', { nullable: true, description: 'The largest value; null when none has it.' }),
    sum: t.exposeFloat('sum', { nullable: true, description: 'The sum. Only meaningful when the values share a unit: group by `unit` or filter on it.' }),
    avg: t.exposeFloat('avg', { nullable: true, description: 'The mean. Only meaningful when the values share a unit.' }),
  }),
});

const AggregateGroupRef = builder.objectRef<AggregateGroup>('AggregateGroup').implement({
  description: 'The entities sharing one value of the grouping property.',
  fields: (t) => ({
    key: t.exposeString('key', { nullable: true, description: 'The shared value, as text (a year, a document file name, a unit ...); null for entities without it.' }),
    count: t.exposeInt('count', { description: 'How many entities are in the group.' }),
    numbers: t.field({ type: [NumberStatsRef], description: 'Statistics of each numeric property within the group.', resolve: (g) => g.numbers }),
  }),
});

const AggregateRef = builder.objectRef<Aggregate>('Aggregate').implement({
  description: 'Counts and statistics over every entity a list\'s filter matches (all pages), computed in the database in one query.',
  fields: (t) => ({
    count: t.exposeInt('count', { description: 'How many entities match.' }),
    numbers: t.field({ type: [NumberStatsRef], description: 'Statistics of each numeric property of the kind (e.g. `value` of observations).', resolve: (a) => a.numbers }),
    groups: t.field({
      type: [AggregateGroupRef],
      description: 'One entry per value of `groupBy`, largest group first (empty without `groupBy`). A DOCUMENT grouping counts an entity once in every document citing it.',
      resolve: (a) => a.groups,
    }),
  }),
});

const COMMON_GROUPS: Record<string, { key: GroupKey; what: string }> = {
  YEAR: { key: { by: 'year' }, what: 'the year the entity\'s date starts in' },
  DOCUMENT: { key: { by: 'document' }, what: 'each document citing the entity (file name)' },
};

const GROUPS = new Map<string, GroupKey>();

function groupEnum(name: string, properties: ReadonlyMap<string, PropertySpec>, withType: boolean) {
  type Entry = [string, { key: GroupKey; what: string }];
  const byType: Entry = ['TYPE', { key: { by: 'type' }, what: 'the kind of entity' }];
  const entries: Entry[] = [
    ...(withType ? [byType] : []),
    ...Object.entries(COMMON_GROUPS),
    ...[...properties]
      .filter(([, spec]) => spec.type !== 'string[]' && spec.type !== 'boolean')
      .map(([property]): Entry => [constantCase(property), { key: { by: 'property', property }, what: `\`${property}\`` }]),
  ];
  const values: Record<string, { value: string; description: string }> = {};
  for (const [value, { key, what }] of entries) {
    GROUPS.set(value, key);
    values[value] = { value, description: `Group by ${what}.` };
  }
  return builder.enumType(name, { description: 'What to group an aggregate by.', values });
}

const EntityGroupByEnum = groupEnum('EntityGroupBy', ENTITY_PROPERTIES, true);
const KindGroupByEnums = Object.fromEntries(
  ENTITY_LABELS.map((label) => [label, groupEnum(`${label}GroupBy`, KIND_PROPERTIES[label], false)]),
) as unknown as Record<EntityLabel, typeof EntityGroupByEnum>;

/** The numeric properties a list of `label` (or of every kind) reports statistics for. */
function numericProperties(label: EntityLabel | null): string[] {
  const properties = label ? KIND_PROPERTIES[label] : ENTITY_PROPERTIES;
  return [...properties].filter(([, spec]) => spec.type === 'number').map(([name]) => name);
}

/** What a connection keeps for its `aggregate` field. */
export interface AggregateSource {
  readonly filter: EntityFilter;
  readonly label: EntityLabel | null;
  /**
   * Also only entities cited in this document (a source's `supportedEntities`): read through a
   * loader so that a list of sources asking the same aggregate shares one query.
   */
  readonly document?: string;
}

/** Adds `aggregate(groupBy, groupLimit)` to a connection type. */
export function aggregateField(
  t: PothosSchemaTypes.ObjectFieldBuilder<typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never, AggregateSource>,
  label: EntityLabel | null,
) {
  return t.field({
    type: AggregateRef,
    description: 'Count, min/max/sum/avg of numeric properties, optionally grouped, over every entity the filter matches (not just this page). One database query.',
    args: {
      groupBy: t.arg({ type: label ? KindGroupByEnums[label] : EntityGroupByEnum, description: 'Group the entities by this (default: no groups).' }),
      groupLimit: t.arg.int({ description: 'Most groups to return, largest first (default 50; at most MAX_PAGE_SIZE).' }),
    },
    resolve: (source: AggregateSource, args: { groupBy?: string | null; groupLimit?: number | null }, ctx: Context) => {
      const request = {
        filter: source.filter,
        numeric: numericProperties(label),
        groupBy: args.groupBy ? (GROUPS.get(args.groupBy) ?? null) : null,
        groupLimit: pageSize('groupLimit', args.groupLimit, 50, ctx.limits.maxPageSize),
      };
      if (source.document !== undefined) return ctx.loaders.documentAggregates(request).load(source.document);
      return ctx.store.aggregate(request.filter, request.numeric, request.groupBy, request.groupLimit);
    },
  });
}
