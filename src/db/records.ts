import type { EntityLabel, RelationshipType } from '../model/graph-model.js';

/** An entity as the API sees it: plain values, kind label separated out. */
export interface EntityRecord {
  readonly key: string;
  readonly label: EntityLabel;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly aliasUsedBy: readonly string[];
  readonly description: string | null;
  readonly citations: readonly string[];
  readonly dateFrom: string | null;
  readonly dateTo: string | null;
  /** Every stored property, including the kind-specific ones. */
  readonly props: Readonly<Record<string, unknown>>;
}

/** A relationship with both ends as keys. */
export interface RelationshipRecord {
  readonly id: string;
  readonly type: RelationshipType;
  readonly from: string;
  readonly to: string;
  readonly citations: readonly string[];
  readonly props: Readonly<Record<string, unknown>>;
  /** Set when the relationship was read as recorded at this instant (`asOf`): its ends are read as of then too. */
  readonly asOf?: string;
}

/** Every stored property (`.*`), or only `properties` (a lean read). */
const propertySelector = (properties?: readonly string[]): string => (properties ? properties.map((p) => `.${p}`).join(', ') : '.*');

/**
 * Cypher projection shared by every query that returns entities: the node's
 * properties (all, or only `properties`) plus its kind label (every entity has
 * `Entity` and one kind).
 */
export const ENTITY_PROJECTION = (n: string, properties?: readonly string[]): string =>
  `${n} { ${propertySelector(properties)}, label: head([l IN labels(${n}) WHERE l <> 'Entity']) }`;

/** Cypher projection for relationships (all properties, or only `properties`), ends by key. */
export const RELATIONSHIP_PROJECTION = (r: string, properties?: readonly string[]): string =>
  `${r} { ${propertySelector(properties)}, type: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id }`;

export function toEntityRecord(row: unknown): EntityRecord {
  const props = row as Record<string, unknown>;
  return {
    key: String(props['id']),
    label: props['label'] as EntityLabel,
    name: String(props['name']),
    aliases: (props['aliases'] as string[] | undefined) ?? [],
    aliasUsedBy: (props['aliasUsedBy'] as string[] | undefined) ?? [],
    description: (props['description'] as string | undefined) ?? null,
    citations: (props['citations'] as string[] | undefined) ?? [],
    dateFrom: (props['dateFrom'] as string | undefined) ?? null,
    dateTo: (props['dateTo'] as string | undefined) ?? null,
    props,
  };
}

export function toRelationshipRecord(row: unknown): RelationshipRecord {
  const props = row as Record<string, unknown>;
  return {
    id: String(props['id']),
    type: props['type'] as RelationshipType,
    from: String(props['from']),
    to: String(props['to']),
    citations: (props['citations'] as string[] | undefined) ?? [],
    props,
  };
}

/** The stored `origin` of a fact; facts written before origins were stored are seed facts. */
export function originOf(props: Readonly<Record<string, unknown>>): 'seed' | 'curated' {
  return props['origin'] === 'curated' ? 'curated' : 'seed';
}
