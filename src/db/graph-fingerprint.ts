import { ENTITY_LABEL } from '../model/graph-model.js';
import type { Database } from './database.js';

/**
 * What changes whenever the served graph does: the number of entities and
 * relationships (a seed load) and the curation revisions written (every
 * change writes one, in its own transaction). Read from Neo4j's count store
 * plus the revisions, so it costs one short round trip however large the graph.
 */
export const GRAPH_FINGERPRINT = `
CALL { MATCH (n:${ENTITY_LABEL}) RETURN count(n) AS entities }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL { MATCH (v:Revision) RETURN count(v) AS revisions, max(v.at) AS lastRevision }
RETURN entities, relationships, revisions, lastRevision`;

/** The graph's fingerprint as one string (the export ETag is built from it). */
export async function graphFingerprint(db: Database): Promise<string> {
  const [row] = await db.read('graph-fingerprint', GRAPH_FINGERPRINT);
  if (!row) return 'empty';
  return [row['entities'], row['relationships'], row['revisions'], row['lastRevision'] ?? '-'].map(String).join(':');
}
