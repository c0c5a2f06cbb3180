import type { Params, Row } from '../db/database.js';
import { ENTITY_PROJECTION, toEntityRecord, type EntityRecord } from '../db/records.js';
import { compileLevels } from './compile-plan.js';
import type { RelationshipLevel } from './plan.js';
import { readLevels, type PlanSink } from './read-plan.js';

type Read = (operation: string, query: string, params: Params) => Promise<Row[]>;

/** The Cypher reading one entity by key with every planned level beneath it. */
export function entityPlanQuery(levels: readonly RelationshipLevel[]): { query: string; params: Params } {
  const compiled = compileLevels(levels, 'e');
  return {
    query: `MATCH (e:Entity {id: $key})\n${compiled.calls}\nRETURN ${ENTITY_PROJECTION('e')} AS n, ${compiled.projection} AS sub`,
    params: compiled.params,
  };
}

/** One entity and the relationship pages planned beneath it, in one round trip; every page goes to `sink`. */
export async function readPlannedEntity(read: Read, key: string, levels: readonly RelationshipLevel[], sink: PlanSink): Promise<EntityRecord | null> {
  const { query, params } = entityPlanQuery(levels);
  const rows = await read('entity-planned', query, { ...params, key });
  const row = rows[0];
  if (!row) return null;
  const entity = toEntityRecord(row['n']);
  sink.entity(entity);
  readLevels(levels, entity, row['sub'] as Record<string, unknown>, sink);
  return entity;
}
