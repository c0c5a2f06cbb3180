import { builder } from '../builder.js';
import type { CursorKey } from '../db/cursor.js';
import type { EntitySort, SortKey } from '../db/list-query.js';
import { ENTITY_LABELS, type EntityLabel } from '../model/graph-model.js';
import { ENTITY_PROPERTIES } from '../model/property-catalogue.js';
import { badInput, cursorKey } from './arguments.js';
import { constantCase } from './constant-case.js';
import { KIND_PROPERTIES } from './entity-filter-input.js';

const COMMON = {
  NAME: { key: { by: 'name' }, what: 'name' },
  DATE: { key: { by: 'date' }, what: 'date (undated entities last going up, first going down)' },
  DEGREE: { key: { by: 'degree' }, what: 'number of relationships (degree)' },
  DOCUMENTS: { key: { by: 'documents' }, what: 'number of distinct documents citing the entity' },
} as const satisfies Record<string, { key: SortKey; what: string }>;

/** Every sort a list of `label` (or of every kind) offers, by enum prefix. */
function sortsFor(label: EntityLabel | null): Map<string, { key: SortKey; what: string }> {
  const out = new Map<string, { key: SortKey; what: string }>(Object.entries(COMMON));
  if (label) {
    for (const [name, spec] of KIND_PROPERTIES[label]) {
      // `date` is what DATE already sorts by (its first day); other names must not change a common sort.
      if (spec.type === 'string[]' || spec.type === 'boolean' || out.has(constantCase(name))) continue;
      out.set(constantCase(name), { key: { by: 'property', property: name }, what: `\`${name}\` (entities without it last)` });
    }
  }
  return out;
}

/** Every enum value's sort, by value name (`VALUE_DESC` means the same in every kind's enum). */
const SORTS = new Map<string, EntitySort>();

/** Builds the sort enum: `NAME_ASC`, `VALUE_DESC` ... */
function orderEnum(name: string, label: EntityLabel | null) {
  const values: Record<string, { value: string; description: string }> = {};
  for (const [prefix, { key, what }] of sortsFor(label)) {
    for (const descending of [false, true]) {
      const value = `${prefix}_${descending ? 'DESC' : 'ASC'}`;
      SORTS.set(value, { key, descending });
      values[value] = { value, description: `By ${what}, ${descending ? 'descending' : 'ascending'}.` };
    }
  }
  return builder.enumType(name, {
    description: 'Sort order of a list; ties break on the key, so pages never overlap, and cursors keep their place for every order.',
    values,
  });
}

export const EntityOrderEnum = orderEnum('EntityOrder', null);

/** `EventOrder`, `ObservationOrder` ...: the common sorts plus one per scalar property of the kind. */
export const KindOrderEnums = Object.fromEntries(
  ENTITY_LABELS.map((label) => [label, orderEnum(`${label}Order`, label)]),
) as unknown as Record<EntityLabel, typeof EntityOrderEnum>;

export const DEFAULT_SORT: EntitySort = { key: { by: 'name' }, descending: false };

/** The sort an order enum value names; NAME_ASC when none is given. */
export function toSort(value: string | null | undefined): EntitySort {
  if (value === null || value === undefined) return DEFAULT_SORT;
  const sort = SORTS.get(value);
  if (!sort) throw new Error(`invariant: unknown order ${value}`);
  return sort;
}

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Decodes a list cursor and checks it could have been issued for this sort:
 * the sort value of the right type (text, whole number, finite number, or
 * null for an entity without the property) and an entity key. A forged
 * cursor of the right shape (`[1e308, null]`) is refused, not read.
 */
export function listCursor(argument: string, value: string | null | undefined, sort: EntitySort): CursorKey | undefined {
  const cursor = cursorKey(argument, value, 2);
  if (!cursor) return undefined;
  const [sortValue, key] = cursor;
  const bad = (): never => {
    throw badInput(argument, 'is not a cursor issued by this connection for this order');
  };
  if (typeof key !== 'string' || !KEY.test(key)) bad();
  switch (sort.key.by) {
    case 'name':
    case 'date':
      if (typeof sortValue !== 'string') bad();
      break;
    case 'degree':
    case 'documents':
      if (typeof sortValue !== 'number' || !Number.isSafeInteger(sortValue) || sortValue < 0) bad();
      break;
    case 'property': {
      const type = ENTITY_PROPERTIES.get(sort.key.property)?.type;
      if (sortValue === null) break;
      if (type === 'number' ? typeof sortValue !== 'number' || !Number.isFinite(sortValue) : typeof sortValue !== 'string') bad();
    }
  }
  return cursor;
}
