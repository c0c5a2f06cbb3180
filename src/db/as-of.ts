import neo4j from 'neo4j-driver';
import {
  entityProps,
  relationshipProps,
  type EntityState,
  type RelationshipState,
} from '../curation/element-state.js';
import type { EntityLabel } from '../model/graph-model.js';
import type { CursorKey } from './cursor.js';
import type { Params, Row } from './database.js';
import type { EntityPage } from './list-query.js';
import { ENTITY_PROJECTION, RELATIONSHIP_PROJECTION, toEntityRecord, toRelationshipRecord, type EntityRecord, type RelationshipRecord } from './records.js';
import { matchRelationshipById } from './relationship-lookup.js';

/**
 * Reads of the graph as it was recorded at an instant T (`asOf`).
 *
 * Every curated change is a revision holding the fact's state before and
 * after it, so the state of a fact at T is the `before` of its first revision
 * later than T; a fact with no revision after T is as it is now. `before` null
 * (the fact was added after T) or retracted means the fact was not in the graph
 * at T. Seed facts are as the seed loaded them: loading the seed writes no
 * revisions, so a reload is not undone.
 */

type Read = (operation: string, query: string, params: Params) => Promise<Row[]>;

/** The first revision later than `at` for each id, in one round trip. */
async function firstChangesAfter(read: Read, ids: readonly string[], at: string): Promise<Map<string, string | null>> {
  const rows = await read(
    'as-of-changes',
    `UNWIND $ids AS id
     MATCH (v:Revision {targetId: id}) WHERE v.at > $at
     WITH id, v ORDER BY v.at, v.seq
     WITH id, collect(v)[0] AS first
     RETURN id, first.before AS before`,
    { ids, at },
  );
  return new Map(rows.map((row) => [String(row['id']), typeof row['before'] === 'string' ? row['before'] : null]));
}

/** The state in a revision's `before`, or null when the fact was absent or retracted then. */
function live(json: string | null): EntityState | RelationshipState | null {
  if (json === null) return null;
  const state = JSON.parse(json) as EntityState | RelationshipState;
  return state.retraction ? null : state;
}

function liveEntity(json: string | null): EntityState | null {
  const state = live(json);
  return state?.element === 'entity' ? state : null;
}

function liveRelationship(json: string | null): RelationshipState | null {
  const state = live(json);
  return state?.element === 'relationship' ? state : null;
}

/** An entity's record built from a stored state (as the API would have read it). */
export function entityRecordOf(state: EntityState): EntityRecord {
  return toEntityRecord({ ...entityProps(state), label: state.kind });
}

/** A relationship's record built from a stored state. */
export function relationshipRecordOf(state: RelationshipState): RelationshipRecord {
  return toRelationshipRecord({ ...relationshipProps(state), type: state.type, from: state.from, to: state.to });
}

/** Entities by key as they were at `at`, in key order (`null` where none existed then). Two round trips. */
export async function entitiesAsOf(read: Read, keys: readonly string[], at: string): Promise<(EntityRecord | null)[]> {
  const changes = await firstChangesAfter(read, keys, at);
  const unchanged = keys.filter((key) => !changes.has(key));
  const rows = unchanged.length
    ? await read('entities-by-key', `UNWIND $keys AS key MATCH (n:Entity {id: key}) RETURN ${ENTITY_PROJECTION('n')} AS n`, { keys: unchanged })
    : [];
  const now = new Map(rows.map((row) => {
    const entity = toEntityRecord(row['n']);
    return [entity.key, entity];
  }));
  return keys.map((key) => {
    if (!changes.has(key)) return now.get(key) ?? null;
    const state = liveEntity(changes.get(key) ?? null);
    return state ? entityRecordOf(state) : null;
  });
}

/** Relationships by id as they were at `at` (`null` where none existed then). */
export async function relationshipsAsOf(read: Read, ids: readonly string[], at: string | null): Promise<(RelationshipRecord | null)[]> {
  const changes = at === null ? new Map<string, string | null>() : await firstChangesAfter(read, ids, at);
  const unchanged = ids.filter((id) => !changes.has(id));
  const rows = unchanged.length
    ? await read('relationship-by-id', `UNWIND $ids AS id ${matchRelationshipById('id')} RETURN ${RELATIONSHIP_PROJECTION('r')} AS r`, { ids: unchanged })
    : [];
  const now = new Map(rows.map((row) => {
    const rel = toRelationshipRecord(row['r']);
    return [rel.id, rel];
  }));
  const found = ids.map((id) => {
    if (!changes.has(id)) return now.get(id) ?? null;
    const state = liveRelationship(changes.get(id) ?? null);
    return state ? relationshipRecordOf(state) : null;
  });
  // Read as of T, its ends are read as of T too.
  return at === null ? found : found.map((rel) => (rel ? { ...rel, asOf: at } : null));
}

/**
 * One page of entities (of one kind, or all) in name order as they were at
 * `at`, forward from an optional (name, key) cursor. Entities no revision
 * touched since T come from the graph; those changed since come from their
 * state at T; the two are merged in (name, key) order. Two round trips.
 */
export async function entityPageAsOf(
  read: Read,
  label: EntityLabel | null,
  at: string,
  page: { size: number; cursor?: CursorKey; withTotal: boolean },
): Promise<EntityPage> {
  const changedRows = await read(
    'as-of-changed-entities',
    `MATCH (v:Revision) WHERE v.element = 'entity' AND v.at > $at
     WITH v ORDER BY v.at, v.seq
     WITH v.targetId AS id, collect(v)[0] AS first
     RETURN id, first.before AS before`,
    { at },
  );
  const changed = changedRows.map((row) => String(row['id']));
  const cursorName = page.cursor ? String(page.cursor[0]) : null;
  const cursorKey = page.cursor ? String(page.cursor[1]) : null;
  const beyond = (name: string, key: string): boolean =>
    cursorName === null || name > cursorName || (name === cursorName && key > (cursorKey ?? ''));
  const past = changedRows
    .map((row) => liveEntity(typeof row['before'] === 'string' ? row['before'] : null))
    .filter((s): s is EntityState => s !== null && (label === null || s.kind === label))
    .map(entityRecordOf);
  // The label is one of the model's (a GraphQL enum value), so it may be written into the pattern.
  const node = label ? `n:${label}` : 'n:Entity';
  const rows = await read(
    'as-of-entities',
    `${page.withTotal ? `CALL { MATCH (${node}) WHERE NOT n.id IN $changed RETURN count(n) AS total }` : 'WITH null AS total'}
     CALL {
       MATCH (${node}) WHERE NOT n.id IN $changed
         AND ($cv IS NULL OR n.name > $cv OR (n.name = $cv AND n.id > $cid))
       WITH n ORDER BY n.name, n.id LIMIT $limit
       RETURN collect(${ENTITY_PROJECTION('n')}) AS page
     }
     RETURN total, page`,
    { changed, cv: cursorName, cid: cursorKey, limit: neo4j.int(page.size + 1) },
  );
  const row = rows[0] ?? {};
  const now = ((row['page'] as unknown[] | undefined) ?? []).map(toEntityRecord);
  const merged = [...now, ...past.filter((e) => beyond(e.name, e.key))].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  const items = merged.slice(0, page.size).map((entity) => ({ entity, key: [entity.name, entity.key] as CursorKey }));
  return {
    total: page.withTotal ? Number(row['total'] ?? 0) + past.length : null,
    items,
    hasMore: merged.length > page.size,
    hasOther: page.cursor !== undefined,
  };
}
