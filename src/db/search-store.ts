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
 * Hits over names and aliases (`entity_names`) for the Lucene query in
 * variable `q`. Lucene stops at `limit` hits when no kind is asked for (a
 * prefix can match thousands).
 */
const NAMES_BRANCH = `
         WITH q
         CALL db.index.fulltext.queryNodes('entity_names', q, $options) YIELD node, score
         ${KINDS}
         WITH node, score ORDER BY score DESC, node.name LIMIT $limit
         RETURN collect({ node: node, score: score, fromText: false, relation: null, otherName: null }) AS nameHits`;

/**
 * Hits over what entities say (`entity_text`: description, measure,
 * qualifier) and over relationship text (`relationship_text`: relation,
 * effect; the hit is the relationship's start entity), best `limit` of both.
 */
const TEXT_BRANCH = `
         WITH q
         CALL {
           WITH q
           CALL db.index.fulltext.queryNodes('entity_text', q, { limit: $limit }) YIELD node, score
           ${KINDS}
           RETURN node, score, null AS relation, null AS otherName
           UNION ALL
           WITH q
           CALL db.index.fulltext.queryRelationships('relationship_text', q, { limit: $limit }) YIELD relationship, score
           WITH startNode(relationship) AS node, score, coalesce(relationship.relation, relationship.effect) AS relation, endNode(relationship).name AS otherName
           ${KINDS}
           RETURN node, score, relation, otherName
         }
         WITH node, score, relation, otherName ORDER BY score DESC, node.name LIMIT $limit
         RETURN collect({ node: node, score: score, fromText: true, relation: relation, otherName: otherName }) AS textHits`;

/**
 * One pass of the search, as Cypher: name hits for the Lucene query in `q`,
 * then text hits for `$textQuery` (the same words without typo forgiveness)
 * into `hits`. Text hits rank after every name hit, so when
 * the names alone fill the page (`$page` distinct hits) the two text indexes
 * are not queried: they cost as much as the names index, and most searches
 * are for a name. Each index call reads `q` from the row before it, so the
 * planner runs it per row (a call that reads nothing from its row is planned
 * as a cartesian product and runs even when no row asks for it); each ends in
 * `collect`, so it gives exactly one row per row it is called for.
 */
function searchPass(names: boolean, text: boolean): string {
  const nameHits = names
    ? `CALL {${NAMES_BRANCH}
       }`
    : 'WITH q, [] AS nameHits';
  if (!text) return `${nameHits}
       WITH nameHits AS hits`;
  return `${nameHits}
       CALL {
         WITH q, nameHits
         UNWIND CASE WHEN size(nameHits) < $page THEN [$textQuery] ELSE [] END AS textQuery
         WITH textQuery AS q
         CALL {${TEXT_BRANCH}
         }
         UNWIND textHits AS hit
         RETURN collect(hit) AS textHits
       }
       WITH nameHits + textHits AS hits`;
}

/** The Lucene queries of one search pass: over names and aliases, and over text. */
export interface SearchQueries {
  readonly names: string;
  readonly text: string;
}

/**
 * The search's candidates over names and/or text: up to `limit` name hits and,
 * unless those fill a page of `page` hits, up to `limit` text hits for
 * `queries`, in one round trip; only when there are none and a `fallback` is
 * given (any word instead of every word), a second round trip does the same
 * for it. (The fallback once ran inside the same query: that doubled the query
 * text, which the driver packs byte by byte on every request, and the plan, for
 * an answer that most searches never need: bench:focus, search at 100k.)
 */
export async function searchCandidates(
  read: Read,
  queries: SearchQueries,
  fallback: SearchQueries | null,
  types: readonly EntityLabel[] | null,
  limit: number,
  page: number,
  names: boolean,
  text: boolean,
): Promise<SearchCandidates> {
  if (!names && !text) return { names: [], text: [] };
  // One row per entity, projected once however many hits it has: a text hit is
  // most often an entity the names already found (bench, 100k: half the rows).
  const query = `WITH $query AS q
     ${searchPass(names, text)}
     UNWIND hits AS hit
     WITH hit.node AS node, collect(hit { .score, .fromText, .relation, .otherName }) AS matches
     RETURN ${ENTITY_PROJECTION('node')} AS n, matches`;
  const params = { types, limit: neo4j.int(limit), page: neo4j.int(page), options: types ? {} : { limit: neo4j.int(limit) } };
  let rows = await read('search', query, { ...params, query: queries.names, textQuery: queries.text });
  if (rows.length === 0 && fallback !== null) rows = await read('search-any-word', query, { ...params, query: fallback.names, textQuery: fallback.text });
  const nameHits: RawSearchHit[] = [];
  const textHits: RawSearchHit[] = [];
  for (const row of rows) {
    const entity = toEntityRecord(row['n']);
    for (const match of row['matches'] as readonly Row[]) {
      const hit: RawSearchHit = {
        entity,
        score: Number(match['score']),
        ...(typeof match['relation'] === 'string' ? { relation: { text: match['relation'], otherName: String(match['otherName']) } } : {}),
      };
      (match['fromText'] === true ? textHits : nameHits).push(hit);
    }
  }
  return { names: nameHits, text: textHits };
}
