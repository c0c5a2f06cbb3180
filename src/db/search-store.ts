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

/** Name hits and text hits, kept apart because they rank in different tiers. */
export interface SearchCandidates {
  readonly names: readonly RawSearchHit[];
  readonly text: readonly RawSearchHit[];
}

type Read = (operation: string, query: string, params: Params) => Promise<Row[]>;

const KINDS = 'WHERE $types IS NULL OR any(l IN labels(node) WHERE l IN $types)';

/**
 * Hits over names and aliases (`entity_names`). Lucene stops at `limit` hits
 * when no kind is asked for (a prefix can match thousands).
 */
const NAMES_BRANCH = (query: string): string => `
       CALL db.index.fulltext.queryNodes('entity_names', ${query}, $options) YIELD node, score
       ${KINDS}
       WITH node, score ORDER BY score DESC, node.name LIMIT $limit
       RETURN node, score, false AS fromText, null AS relation, null AS otherName`;

/**
 * Hits over what entities say (`entity_text`: description, measure,
 * qualifier) and over relationship text (`relationship_text`: relation,
 * effect; the hit is the relationship's start entity), best `limit` of both.
 */
const TEXT_BRANCH = (query: string): string => `
       CALL {
         CALL db.index.fulltext.queryNodes('entity_text', ${query}, { limit: $limit }) YIELD node, score
         ${KINDS}
         RETURN node, score, null AS relation, null AS otherName
         UNION ALL
         CALL db.index.fulltext.queryRelationships('relationship_text', ${query}, { limit: $limit }) YIELD relationship, score
         WITH startNode(relationship) AS node, score, coalesce(relationship.relation, relationship.effect) AS relation, endNode(relationship).name AS otherName
         ${KINDS}
         RETURN node, score, relation, otherName
       }
       WITH node, score, relation, otherName ORDER BY score DESC, node.name LIMIT $limit
       RETURN node, score, true AS fromText, relation, otherName`;

const HIT = '{ node: node, score: score, fromText: fromText, relation: relation, otherName: otherName }';

/**
 * The search's candidates over names and/or text in one query (one round
 * trip): up to `limit` name hits and up to `limit` text hits for `lucene`;
 * when there are none and a `fallback` query is given (any word instead of
 * every word), the same for it, inside the same query.
 */
export async function searchCandidates(
  read: Read,
  lucene: string,
  fallback: string | null,
  types: readonly EntityLabel[] | null,
  limit: number,
  names: boolean,
  text: boolean,
): Promise<SearchCandidates> {
  const branches = (query: string): string =>
    [names ? NAMES_BRANCH(query) : null, text ? TEXT_BRANCH(query) : null].filter((b): b is string => b !== null).join('\n       UNION ALL');
  if (!names && !text) return { names: [], text: [] };
  const rows = await read(
    'search',
    `CALL {${branches('$query')}
     }
     WITH collect(${HIT}) AS hits
     CALL {
       WITH hits
       UNWIND CASE WHEN size(hits) = 0 AND $fallback IS NOT NULL THEN [1] ELSE [] END AS _
       CALL {${branches('$fallback')}
       }
       RETURN collect(${HIT}) AS fallbackHits
     }
     UNWIND hits + fallbackHits AS hit
     WITH hit.node AS node, hit.score AS score, hit.fromText AS fromText, hit.relation AS relation, hit.otherName AS otherName
     RETURN ${ENTITY_PROJECTION('node')} AS n, score, fromText, relation, otherName`,
    { query: lucene, fallback, types, limit: neo4j.int(limit), options: types ? {} : { limit: neo4j.int(limit) } },
  );
  const nameHits: RawSearchHit[] = [];
  const textHits: RawSearchHit[] = [];
  for (const row of rows) {
    const hit: RawSearchHit = {
      entity: toEntityRecord(row['n']),
      score: Number(row['score']),
      ...(typeof row['relation'] === 'string' ? { relation: { text: row['relation'], otherName: String(row['otherName']) } } : {}),
    };
    (row['fromText'] === true ? textHits : nameHits).push(hit);
  }
  return { names: nameHits, text: textHits };
}
