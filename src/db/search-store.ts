import neo4j from 'neo4j-driver';
import type { EntityLabel } from '../model/graph-model.js';
import type { Params, Row } from './database.js';
import { ENTITY_PROJECTION, toEntityRecord, type EntityRecord } from './records.js';

/** A fulltext hit before ranking: the entity, Lucene's score, and relationship text that matched (if any). */
export interface RawSearchHit {
  readonly entity: EntityRecord;
  readonly score: number;
  /** For hits through a relationship's text: that text, and the entity at the other end. */
  readonly relation?: { readonly text: string; readonly otherName: string };
}

type Read = (operation: string, query: string, params: Params) => Promise<Row[]>;

const KINDS = 'WHERE $types IS NULL OR any(l IN labels(node) WHERE l IN $types)';

/**
 * Fulltext hits over names and aliases (`entity_names`). Lucene stops at
 * `limit` hits when no kind is asked for (a prefix can match thousands).
 */
export async function searchNames(read: Read, lucene: string, types: readonly EntityLabel[] | null, limit: number): Promise<RawSearchHit[]> {
  const rows = await read(
    'search-names',
    `CALL db.index.fulltext.queryNodes('entity_names', $query, $options) YIELD node, score
     ${KINDS}
     WITH node, score ORDER BY score DESC, node.name LIMIT $limit
     RETURN ${ENTITY_PROJECTION('node')} AS n, score`,
    { query: lucene, types, limit: neo4j.int(limit), options: types ? {} : { limit: neo4j.int(limit) } },
  );
  return rows.map((row) => ({ entity: toEntityRecord(row['n']), score: Number(row['score']) }));
}

/**
 * Fulltext hits over what entities say (`entity_text`: description, measure,
 * qualifier) and over relationship text (`relationship_text`: relation,
 * effect; the hit is the relationship's start entity), in one round trip.
 */
export async function searchText(read: Read, lucene: string, types: readonly EntityLabel[] | null, limit: number): Promise<RawSearchHit[]> {
  const rows = await read(
    'search-text',
    `CALL {
       CALL db.index.fulltext.queryNodes('entity_text', $query, { limit: $limit }) YIELD node, score
       ${KINDS}
       RETURN node, score, null AS relation, null AS otherName
       UNION ALL
       CALL db.index.fulltext.queryRelationships('relationship_text', $query, { limit: $limit }) YIELD relationship, score
       WITH startNode(relationship) AS node, score, coalesce(relationship.relation, relationship.effect) AS relation, endNode(relationship).name AS otherName
       ${KINDS}
       RETURN node, score, relation, otherName
     }
     WITH node, score, relation, otherName ORDER BY score DESC, node.name LIMIT $limit
     RETURN ${ENTITY_PROJECTION('node')} AS n, score, relation, otherName`,
    { query: lucene, types, limit: neo4j.int(limit) },
  );
  return rows.map((row) => ({
    entity: toEntityRecord(row['n']),
    score: Number(row['score']),
    ...(typeof row['relation'] === 'string' ? { relation: { text: row['relation'], otherName: String(row['otherName']) } } : {}),
  }));
}
