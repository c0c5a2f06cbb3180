import type { Database, Row } from './database.js';
import { toPlain } from './to-plain.js';

export interface CypherResult {
  readonly rows: Row[];
  /** What a write changed (nodes created, properties set ...), only the non-zero counters. */
  readonly changes: Record<string, number>;
}

/**
 * Runs one Cypher statement typed by a person (`npm run cypher`) in a write
 * transaction, so reads and writes both work; values come back plain.
 */
export async function runCypher(db: Database, statement: string): Promise<CypherResult> {
  return db.write('cypher-shell', async (tx) => {
    const result = await tx.run(statement);
    const counters = result.summary.counters.updates() as Record<string, number>;
    return {
      rows: result.records.map((record) => toPlain(record.toObject()) as Row),
      changes: Object.fromEntries(Object.entries(counters).filter(([, count]) => count > 0)),
    };
  });
}
