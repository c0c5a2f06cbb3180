import { firstDay, lastDay } from '../model/dates.js';
import type { PropertyValue, SeedEntity, SeedRelationship } from './seed-graph.js';

export interface NodeRow {
  readonly id: string;
  readonly props: Record<string, PropertyValue>;
}

export interface RelationshipRow {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly props: Record<string, PropertyValue>;
}

const str = (value: PropertyValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The stored form of an entity. Aliases become two parallel lists (Neo4j
 * properties cannot hold maps): `aliases[i]` is used by `aliasUsedBy[i]`
 * ('' when nobody in particular). `dateFrom`/`dateTo` are the first and last
 * day the entity's date covers, for range filters.
 */
export function toNodeRow(entity: SeedEntity): NodeRow {
  const { properties } = entity;
  const from = str(properties['date']) ?? str(properties['start']);
  const to = str(properties['endDate']) ?? str(properties['end']) ?? str(properties['date']);
  const props: Record<string, PropertyValue> = {
    ...properties,
    id: entity.id,
    name: entity.name,
    aliases: entity.aliases.map((a) => a.name),
    aliasUsedBy: entity.aliases.map((a) => a.usedBy ?? ''),
    citations: entity.citations,
  };
  if (entity.description !== undefined) props['description'] = entity.description;
  if (from !== undefined) props['dateFrom'] = firstDay(from);
  if (to !== undefined) props['dateTo'] = lastDay(to);
  return { id: entity.id, props };
}

/**
 * The stored form of a relationship. `validFrom`/`validTo` bound when it held
 * (from `start`/`date` and `end`), for `asOf` filters; absent means unbounded.
 */
export function toRelationshipRow(rel: SeedRelationship): RelationshipRow {
  const { properties } = rel;
  const from = str(properties['start']) ?? str(properties['date']);
  const to = str(properties['end']);
  const props: Record<string, PropertyValue> = { ...properties, id: rel.id, citations: rel.citations };
  if (from !== undefined) props['validFrom'] = firstDay(from);
  if (to !== undefined) props['validTo'] = lastDay(to);
  return { id: rel.id, from: rel.from, to: rel.to, props };
}
