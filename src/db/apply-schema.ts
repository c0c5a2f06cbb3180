import { readFile } from 'node:fs/promises';
import type { Database } from './database.js';
import { relationshipIdIndexStatements } from './relationship-lookup.js';

/** The indexes and constraints readiness waits for; names match cypher/schema.cypher. */
export const REQUIRED_SCHEMA = ['entity_id', 'entity_name', 'entity_date_from', 'entity_names', 'entity_text', 'relationship_text'] as const;

/** Splits a .cypher file into statements, dropping `//` comment lines. */
export function splitCypher(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement !== '');
}

/** Applies cypher/schema.cypher and the per-type relationship id indexes (idempotent), and waits until the indexes are online. */
export async function applySchema(db: Database, schemaFile: URL | string): Promise<void> {
  for (const statement of [...splitCypher(await readFile(schemaFile, 'utf8')), ...relationshipIdIndexStatements()]) {
    await db.write('apply-schema', (tx) => tx.run(statement));
  }
  await db.write('await-indexes', (tx) => tx.run('CALL db.awaitIndexes(60)'));
}

/** Names the schema objects that are missing or not yet online; empty when the schema is ready. */
export async function missingSchema(db: Database): Promise<string[]> {
  const rows = await db.read(
    'schema-status',
    `SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN collect(name) AS names`,
  );
  const online = new Set((rows[0]?.['names'] as string[] | undefined) ?? []);
  return REQUIRED_SCHEMA.filter((name) => !online.has(name));
}
