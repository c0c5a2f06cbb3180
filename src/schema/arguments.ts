import { decodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { decodeCursor, type CursorKey } from '../db/cursor.js';
import { datePrecision, firstDay, lastDay } from '../model/dates.js';
import { isEntityLabel } from '../model/graph-model.js';

/** A bad argument: the message names the argument and says why. */
export function badInput(argument: string, why: string): GraphQLError {
  return new GraphQLError(`Argument "${argument}" ${why}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** Checks a page size against the configured maximum; `undefined` becomes `fallback`. */
export function pageSize(argument: string, value: number | null | undefined, fallback: number, max: number): number {
  const size = value ?? fallback;
  if (!Number.isInteger(size) || size < 0) throw badInput(argument, `must be a non-negative whole number, got ${size}`);
  if (size > max) throw badInput(argument, `is ${size}; the limit is ${max}`);
  return size;
}

/** Checks a bounded whole-number argument such as `maxHops` or `depth`. */
export function boundedInt(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(argument, `is ${value}; it must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/**
 * Accepts an entity's global id (from `id` fields) or its stable key
 * (`shinzo-abe`) and returns the key.
 */
export function entityKey(argument: string, value: string): string {
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) return value;
  try {
    const { typename, id } = decodeGlobalID(value);
    if (isEntityLabel(typename) && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return id;
  } catch {
    // reported below
  }
  throw badInput(argument, `is not an entity id: expected a global id from an "id" field or a key such as "shinzo-abe"`);
}

export function cursorKey(argument: string, value: string | null | undefined, arity: number): CursorKey | undefined {
  if (value === null || value === undefined) return undefined;
  const key = decodeCursor(value, arity);
  if (!key) throw badInput(argument, 'is not a cursor issued by this connection');
  return key;
}

/** Validates an ISO date argument (YYYY, YYYY-MM or YYYY-MM-DD) and widens it to a day. */
export function dateBound(argument: string, value: string | null | undefined, edge: 'first' | 'last'): string | null {
  if (value === null || value === undefined) return null;
  if (!datePrecision(value)) throw badInput(argument, `is "${value}"; expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD`);
  return edge === 'first' ? firstDay(value) : lastDay(value);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * An `asOf` instant: an ISO 8601 date-time with an offset (`2026-12-02T06:30:00Z`)
 * or a date (midnight UTC starting it). Returned in the form revisions record
 * their time (`toISOString`), so that the two compare as strings.
 */
export function instant(argument: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const time = INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw badInput(argument, `is "${value.slice(0, 40)}"; expected an ISO 8601 date-time with an offset, such as "2026-12-02T06:30:00Z", or a date`);
  return new Date(time).toISOString();
}

/** What `asOf` means, shared by every field that takes it. */
export const AS_OF_DESCRIPTION =
  'Read the fact as it was recorded at this instant (ISO 8601 date-time with offset, e.g. "2026-12-02T06:30:00Z", or a date = its midnight UTC): ' +
  'curated changes made after it are undone using their revisions, facts added after it are absent and facts retracted after it are back. ' +
  'Seed facts are as the seed loaded them. Only the fact\'s own fields are as of then; fields that read further (relationships, counts) read the graph as it is now. ' +
  'Not the same as `paths(asOf:)`, which keeps ties that held in the world on a date.';

