import { LABELS, RELATIONSHIPS, type EntityLabel, type RelationshipType } from '../model/graph-model.js';
import type { Alias, PropertyValue } from '../seed/seed-graph.js';
import { toNodeRow, toRelationshipRow } from '../seed/to-database-rows.js';

/** Where a fact came from: the seed files, or an analyst through the API. */
export type Origin = 'seed' | 'curated';

/** Who retracted a fact, when and why (kept on the retracted fact). */
export interface Retraction {
  readonly by: string;
  readonly at: string;
  readonly reason: string;
  /** Set when the fact went with the retraction of this entity (restored with it). */
  readonly cascadeOf: string | null;
}

interface Versioned {
  readonly id: string;
  readonly properties: Readonly<Record<string, PropertyValue>>;
  readonly citations: readonly string[];
  readonly origin: Origin;
  /** 0 for a fact as the seed loaded it; +1 with every curated change. */
  readonly version: number;
  readonly retraction: Retraction | null;
}

export interface EntityState extends Versioned {
  readonly element: 'entity';
  readonly kind: EntityLabel;
  readonly name: string;
  readonly description: string | null;
  readonly aliases: readonly Alias[];
}

export interface RelationshipState extends Versioned {
  readonly element: 'relationship';
  readonly type: RelationshipType;
  readonly from: string;
  readonly to: string;
}

export type ElementState = EntityState | RelationshipState;

type Stored = Record<string, unknown>;

/** The stored properties of an entity state (the seed's row layout plus provenance and version). */
export function entityProps(state: EntityState): Stored {
  const row = toNodeRow({
    id: state.id,
    label: state.kind,
    name: state.name,
    aliases: state.aliases,
    mentions: [],
    description: state.description ?? undefined,
    properties: state.properties,
    citations: state.citations,
  });
  return { ...row.props, ...provenance(state), ...(state.retraction ? { retractedKind: state.kind } : {}) };
}

/** The stored properties of a relationship state (on the relationship, or on its archive node once retracted). */
export function relationshipProps(state: RelationshipState): Stored {
  const row = toRelationshipRow({ id: state.id, type: state.type, from: state.from, to: state.to, properties: state.properties, citations: state.citations });
  return { ...row.props, ...provenance(state), ...(state.retraction ? { type: state.type, from: state.from, to: state.to } : {}) };
}

function provenance(state: Versioned): Stored {
  const r = state.retraction;
  return {
    origin: state.origin,
    version: state.version,
    ...(r ? { retracted: true, retractedBy: r.by, retractedAt: r.at, retractedReason: r.reason, ...(r.cascadeOf ? { retractedWith: r.cascadeOf } : {}) } : {}),
  };
}

/** Reads an entity back from its stored properties and kind label. */
export function entityFromStore(props: Stored, kind: EntityLabel): EntityState {
  const aliases = strings(props['aliases']);
  const usedBy = strings(props['aliasUsedBy']);
  return {
    element: 'entity',
    id: String(props['id']),
    kind,
    name: String(props['name']),
    description: typeof props['description'] === 'string' ? props['description'] : null,
    aliases: aliases.map((name, i) => (usedBy[i] ? { name, usedBy: usedBy[i] } : { name })),
    properties: pick(props, Object.keys(LABELS[kind].properties)),
    ...versioned(props),
  };
}

/** Reads a relationship back from its stored properties. */
export function relationshipFromStore(props: Stored, type: RelationshipType, from: string, to: string): RelationshipState {
  return {
    element: 'relationship',
    id: String(props['id']),
    type,
    from,
    to,
    properties: pick(props, Object.keys(RELATIONSHIPS[type].properties)),
    ...versioned(props),
  };
}

function versioned(props: Stored): Omit<Versioned, 'id' | 'properties'> {
  return {
    citations: strings(props['citations']),
    origin: props['origin'] === 'curated' ? 'curated' : 'seed',
    version: typeof props['version'] === 'number' ? props['version'] : 0,
    retraction:
      props['retracted'] === true
        ? {
            by: String(props['retractedBy']),
            at: String(props['retractedAt']),
            reason: String(props['retractedReason']),
            cascadeOf: typeof props['retractedWith'] === 'string' ? props['retractedWith'] : null,
          }
        : null,
  };
}

function pick(props: Stored, keys: readonly string[]): Record<string, PropertyValue> {
  const picked: Record<string, PropertyValue> = {};
  for (const key of keys) {
    const value = props[key];
    if (value !== undefined && value !== null) picked[key] = value as PropertyValue;
  }
  return picked;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
