import { ENTITY_LABEL, isEntityLabel, isRelationshipType, type EntityLabel } from '../model/graph-model.js';
import type { Database } from '../db/database.js';
import { groupBy } from '../seed/load-seed.js';
import type { BulkNode, BulkRelationship } from './bulk-csv.js';

/** Rows per statement (one parameter list) and per committed transaction within it. */
const ROWS_PER_STATEMENT = 50_000;
const ROWS_PER_TRANSACTION = 10_000;
/** A statement of 50,000 rows on a busy two-core machine can outlast the server's 60 s default. */
const STATEMENT_TIMEOUT_MS = 30 * 60_000;

/** The kinds of those of `ids` that are entities in the database already (one query per 10,000 ids). */
export async function existingKinds(db: Database, ids: readonly string[]): Promise<Map<string, EntityLabel>> {
  const kinds = new Map<string, EntityLabel>();
  for (let i = 0; i < ids.length; i += ROWS_PER_TRANSACTION) {
    const rows = await db.read(
      'import-existing-kinds',
      `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id})
       RETURN id, [l IN labels(n) WHERE l <> '${ENTITY_LABEL}'][0] AS kind`,
      { ids: ids.slice(i, i + ROWS_PER_TRANSACTION) },
    );
    for (const row of rows) {
      const kind = String(row['kind']);
      if (isEntityLabel(kind)) kinds.set(String(row['id']), kind);
    }
  }
  return kinds;
}

/**
 * Writes checked rows into a running database through the driver: per label
 * and per type, `UNWIND $rows … CALL (row) { MERGE … } IN TRANSACTIONS`, so
 * memory stays bounded and an interrupted import can simply be run again
 * (MERGE on ids; a node or relationship a curator changed, version > 0, keeps
 * its curated state, as with the seed). Relationships find their ends through
 * the `entity_id` constraint's index. Labels and types are interpolated only
 * after the model's whitelist vouches for them.
 */
export async function writeOnline(
  db: Database,
  nodes: readonly BulkNode[],
  relationships: readonly BulkRelationship[],
  progress: (line: string) => void,
): Promise<void> {
  for (const [label, rows] of groupBy(nodes, (n) => n.label)) {
    if (!isEntityLabel(label)) throw new Error(`invariant: ${label} is not a model label`);
    await inStatements(db, 'import-nodes', `nodes: ${label}`, rows.map((n) => n.props), progress, `
      MERGE (n:${ENTITY_LABEL} {id: row.id})
      WITH n, row WHERE coalesce(n.version, 0) = 0
      SET n = row, n:${label}`);
  }
  for (const [type, rows] of groupBy(relationships, (r) => r.type)) {
    if (!isRelationshipType(type)) throw new Error(`invariant: ${type} is not a model relationship type`);
    await inStatements(db, 'import-relationships', `relationships: ${type}`, rows.map((r) => ({ from: r.from, to: r.to, props: r.props })), progress, `
      MATCH (a:${ENTITY_LABEL} {id: row.from})
      MATCH (b:${ENTITY_LABEL} {id: row.to})
      MERGE (a)-[r:${type} {id: row.props.id}]->(b)
      WITH r, row WHERE coalesce(r.version, 0) = 0
      SET r = row.props`);
  }
}

/** Runs `perRow` for every row, committing every 10,000 rows, 50,000 rows to a statement. */
async function inStatements(db: Database, operation: string, what: string, rows: readonly unknown[], progress: (line: string) => void, perRow: string): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await db.writeInBatches(
      operation,
      `UNWIND $rows AS row CALL (row) { ${perRow} } IN TRANSACTIONS OF ${ROWS_PER_TRANSACTION} ROWS`,
      { rows: rows.slice(i, i + ROWS_PER_STATEMENT) },
      STATEMENT_TIMEOUT_MS,
    );
    progress(`${what} ${Math.min(i + ROWS_PER_STATEMENT, rows.length)}/${rows.length}`);
  }
}
