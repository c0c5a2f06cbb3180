import type { ManagedTransaction } from 'neo4j-driver';
import {
  entityFromStore,
  entityProps,
  relationshipFromStore,
  relationshipProps,
  type EntityState,
  type RelationshipState,
} from '../curation/element-state.js';
import { ENTITY_LABEL, isEntityLabel, isRelationshipType, type EntityLabel, type RelationshipType } from '../model/graph-model.js';
import { matchRelationshipById } from './relationship-lookup.js';
import { toPlain } from './to-plain.js';

/**
 * Reading and writing one fact inside a curation transaction. A retracted
 * entity loses its `Entity` and kind labels and becomes `:Retracted` (with
 * `retractedKind`); a retracted relationship is deleted and kept whole as a
 * `:RetractedRelationship` node. Every read of the graph matches `:Entity`
 * and live relationships, so retracted facts drop out of all of them without
 * a filter, and restoring puts them back as they were.
 */

const ENTITY_OR_RETRACTED = `CALL { MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN n UNION MATCH (n:Retracted {id: $id}) RETURN n }`;
const RELATIONSHIP_OR_ARCHIVED = `CALL {
  ${matchRelationshipById('$id')} RETURN r AS x, type(r) AS type, startNode(r).id AS from, endNode(r).id AS to
  UNION
  MATCH (a:RetractedRelationship {id: $id}) RETURN a AS x, a.type AS type, a.from AS from, a.to AS to
}`;

async function rows(tx: ManagedTransaction, query: string, params: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const result = await tx.run(query, params);
  return result.records.map((record) => toPlain(record.toObject()) as Record<string, unknown>);
}

/**
 * Locks an entity (live or retracted) for the rest of the transaction, then
 * reads it: a concurrent writer waits for the lock, so the version read here
 * is the latest committed one. `null` when no entity has this id.
 */
export async function lockEntity(tx: ManagedTransaction, id: string): Promise<EntityState | null> {
  await tx.run(`${ENTITY_OR_RETRACTED} SET n.curationLock = true`, { id });
  const [row] = await rows(
    tx,
    `${ENTITY_OR_RETRACTED} REMOVE n.curationLock
     RETURN properties(n) AS props, coalesce(n.retractedKind, head([l IN labels(n) WHERE l <> '${ENTITY_LABEL}'])) AS kind`,
    { id },
  );
  if (!row) return null;
  const kind = String(row['kind']);
  if (!isEntityLabel(kind)) throw new Error(`entity ${id} has no kind label`);
  return entityFromStore(row['props'] as Record<string, unknown>, kind);
}

/** Locks and reads a relationship (live or archived); `null` when none has this id. */
export async function lockRelationship(tx: ManagedTransaction, id: string): Promise<RelationshipState | null> {
  await tx.run(`${RELATIONSHIP_OR_ARCHIVED} SET x.curationLock = true`, { id });
  const [row] = await rows(tx, `${RELATIONSHIP_OR_ARCHIVED} REMOVE x.curationLock RETURN properties(x) AS props, type, from, to`, { id });
  if (!row) return null;
  const type = String(row['type']);
  if (!isRelationshipType(type)) throw new Error(`relationship ${id} has an unknown type`);
  return relationshipFromStore(row['props'] as Record<string, unknown>, type, String(row['from']), String(row['to']));
}

/** The kinds of live entities by id (for endpoint checks); ids absent from the map are missing or retracted. */
export async function liveKinds(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, EntityLabel>> {
  const found = await rows(
    tx,
    `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id}) RETURN id, head([l IN labels(n) WHERE l <> '${ENTITY_LABEL}']) AS kind`,
    { ids },
  );
  return new Map(found.map((row) => [String(row['id']), row['kind'] as EntityLabel]));
}

/** Ids of the live relationships touching an entity. */
export async function relationshipIdsOf(tx: ManagedTransaction, id: string): Promise<string[]> {
  const found = await rows(tx, `MATCH (:${ENTITY_LABEL} {id: $id})-[r]-() RETURN DISTINCT r.id AS id ORDER BY id`, { id });
  return found.map((row) => String(row['id']));
}

/** Ids of the relationships archived together with an entity's retraction. */
export async function archivedWith(tx: ManagedTransaction, id: string): Promise<string[]> {
  const found = await rows(tx, `MATCH (a:RetractedRelationship {retractedWith: $id}) RETURN a.id AS id ORDER BY id`, { id });
  return found.map((row) => String(row['id']));
}

/** Writes an entity's new state (labels follow its retraction); `before` null creates it. */
export async function writeEntity(tx: ManagedTransaction, before: EntityState | null, after: EntityState): Promise<void> {
  const kind = assertLabel(after.kind);
  const params = { id: after.id, props: entityProps(after) };
  const set = 'SET n = $props, n.version = toInteger($props.version)';
  if (before === null) await tx.run(`CREATE (n:${ENTITY_LABEL}:${kind}) ${set}`, params);
  else if (!before.retraction && !after.retraction) await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) ${set}`, params);
  else if (!before.retraction) await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) REMOVE n:${ENTITY_LABEL}:${kind} SET n:Retracted ${set}`, params);
  else if (!after.retraction) await tx.run(`MATCH (n:Retracted {id: $id}) REMOVE n:Retracted SET n:${ENTITY_LABEL}:${kind} ${set}`, params);
  else await tx.run(`MATCH (n:Retracted {id: $id}) ${set}`, params);
}

/**
 * Writes a relationship's new state. Returns false when it cannot be live
 * because an end is missing or retracted (nothing is written then).
 */
export async function writeRelationship(tx: ManagedTransaction, before: RelationshipState | null, after: RelationshipState): Promise<boolean> {
  const type = assertType(after.type);
  const params = { id: after.id, from: after.from, to: after.to, props: relationshipProps(after) };
  const set = (x: string): string => `SET ${x} = $props, ${x}.version = toInteger($props.version)`;
  const create = `MATCH (a:${ENTITY_LABEL} {id: $from}) MATCH (b:${ENTITY_LABEL} {id: $to}) CREATE (a)-[r:${type}]->(b) ${set('r')} RETURN r.id AS id`;
  if (before === null) return (await tx.run(create, params)).records.length > 0;
  if (!before.retraction && !after.retraction) await tx.run(`MATCH ()-[r:${type} {id: $id}]->() ${set('r')}`, params);
  else if (!before.retraction) {
    await tx.run(`MATCH ()-[r:${type} {id: $id}]->() DELETE r WITH count(*) AS done CREATE (a:RetractedRelationship) ${set('a')}`, params);
  } else if (!after.retraction) {
    const ends = await liveKinds(tx, [after.from, after.to]);
    if (ends.size < 2) return false;
    await tx.run(`MATCH (x:RetractedRelationship {id: $id}) DELETE x`, params);
    return (await tx.run(create, params)).records.length > 0;
  } else await tx.run(`MATCH (a:RetractedRelationship {id: $id}) ${set('a')}`, params);
  return true;
}

function assertLabel(label: string): EntityLabel {
  if (!isEntityLabel(label)) throw new Error(`label ${label} is not in the model`);
  return label;
}

function assertType(type: string): RelationshipType {
  if (!isRelationshipType(type)) throw new Error(`relationship type ${type} is not in the model`);
  return type;
}
