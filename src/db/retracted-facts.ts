import { RETRACTED_LABEL, RETRACTED_RELATIONSHIP_LABEL } from '../model/graph-model.js';
import type { Params, Row } from './database.js';
import { toEntityRecord, toRelationshipRecord, type EntityRecord, type RelationshipRecord } from './records.js';

type Read = (operation: string, query: string, params: Params) => Promise<Row[]>;

/** The retracted facts at one entity: the relationships retracted at it, and the retracted entities among it and their other ends. */
export interface RetractedAround {
  readonly entities: readonly EntityRecord[];
  readonly relationships: readonly RelationshipRecord[];
}

/**
 * Retracted facts are kept out of every read (docs/CURATION.md); this one
 * reads them on purpose, so that a reviewer can see what was withdrawn next to
 * what is live. Per entity key, in key order, in one round trip: archived
 * relationships are few, so they are matched by label, and their retracted
 * ends are found through the unique id constraint on `:Retracted`.
 */
export async function retractedAround(read: Read, keys: readonly string[]): Promise<RetractedAround[]> {
  const rows = await read(
    'retracted-around',
    `UNWIND $keys AS key
     CALL (key) {
       OPTIONAL MATCH (r:${RETRACTED_RELATIONSHIP_LABEL}) WHERE r.from = key OR r.to = key
       WITH r ORDER BY r.id
       RETURN collect(r { .* }) AS rels
     }
     CALL (key, rels) {
       UNWIND [key] + [x IN rels | CASE WHEN x.from = key THEN x.to ELSE x.from END] AS id
       MATCH (e:${RETRACTED_LABEL} {id: id})
       WITH DISTINCT e ORDER BY e.id
       RETURN collect(e { .*, label: e.retractedKind }) AS ends
     }
     RETURN key, rels, ends`,
    { keys },
  );
  const byKey = new Map(rows.map((row) => [String(row['key']), row]));
  return keys.map((key) => {
    const row = byKey.get(key);
    return {
      entities: ((row?.['ends'] as unknown[] | undefined) ?? []).map(toEntityRecord),
      relationships: ((row?.['rels'] as unknown[] | undefined) ?? []).map(toRelationshipRecord),
    };
  });
}
