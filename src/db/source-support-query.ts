import neo4j from 'neo4j-driver';
import type { CursorKey } from './cursor.js';
import type { Params, Row } from './database.js';
import { buildEntityWhere, type EntityFilter } from './entity-filter.js';
import type { EntityPage } from './list-query.js';
import { ENTITY_PROJECTION, toEntityRecord } from './records.js';

type Read = (operation: string, query: string, params: Params) => Promise<Row[]>;

/** A page request shared by every document of a batch: forward, in name order. */
export interface SupportPageRequest {
  readonly filter: EntityFilter;
  readonly size: number;
  readonly cursor?: CursorKey;
  readonly withTotal: boolean;
}

/**
 * For many documents at once (by file name), one page each of the entities
 * citing the document and matching `filter`, in (name, key) order: one round
 * trip for the batch, so `sources { supportedEntities }` costs the same for
 * five sources or fifty. A citation belongs to a document when it starts with
 * its file name and `:` (line ranges) or `#` (page/quote citations).
 */
export async function readSupportPages(read: Read, fileNames: readonly string[], request: SupportPageRequest): Promise<EntityPage[]> {
  const { where, params } = buildEntityWhere(request.filter);
  const cited = "any(c IN n.citations WHERE c STARTS WITH doc + ':' OR c STARTS WITH doc + '#')";
  const rows = await read(
    'source-support-pages',
    `UNWIND $fileNames AS doc
     CALL (doc) {
       MATCH (n:Entity) WHERE ${cited} AND ${where}
         AND ($cv IS NULL OR n.name > $cv OR (n.name = $cv AND n.id > $cid))
       WITH n ORDER BY n.name, n.id LIMIT $limit
       RETURN collect(${ENTITY_PROJECTION('n')}) AS page
     }
     ${request.withTotal ? `CALL (doc) { MATCH (n:Entity) WHERE ${cited} AND ${where} RETURN count(n) AS total }` : 'WITH doc, page, null AS total'}
     RETURN doc, page, total`,
    {
      ...params,
      fileNames,
      cv: request.cursor?.[0] ?? null,
      cid: request.cursor?.[1] ?? null,
      limit: neo4j.int(request.size + 1),
    },
  );
  const byDoc = new Map(rows.map((row) => {
    const all = (row['page'] as unknown[]).map(toEntityRecord);
    const page: EntityPage = {
      total: request.withTotal ? Number(row['total'] ?? 0) : null,
      items: all.slice(0, request.size).map((entity) => ({ entity, key: [entity.name, entity.key] as CursorKey })),
      hasMore: all.length > request.size,
      hasOther: request.cursor !== undefined,
    };
    return [String(row['doc']), page];
  }));
  return fileNames.map((f) => byDoc.get(f) ?? { total: request.withTotal ? 0 : null, items: [], hasMore: false, hasOther: request.cursor !== undefined });
}
