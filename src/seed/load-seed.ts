import { ENTITY_LABEL, isEntityLabel, isRelationshipType } from '../model/graph-model.js';
import type { Database } from '../db/database.js';
import type { SeedGraph } from './seed-graph.js';
import { toNodeRow, toRelationshipRow } from './to-database-rows.js';

const BATCH_SIZE = 1000;
/** A whole seed is one transaction; on a busy machine it can outlast the server's 60 s default. */
const LOAD_TIMEOUT_MS = 10 * 60_000;

export interface LoadReport {
  readonly nodesByLabel: Record<string, number>;
  readonly relationshipsByType: Record<string, number>;
}

/**
 * Writes a validated seed graph in one write transaction, in UNWIND batches,
 * MERGEing on ids: loading twice changes nothing, and a failure leaves the
 * previous state. Labels and types are interpolated only after the model's
 * whitelist has vouched for them.
 */
export async function loadSeed(db: Database, graph: SeedGraph, progress: (line: string) => void = () => {}): Promise<LoadReport> {
  const nodesByLabel = groupBy(graph.entities, (e) => e.label);
  const relsByType = groupBy(graph.relationships, (r) => r.type);
  const total = graph.entities.length + graph.relationships.length;
  let written = 0;

  await db.write('load-seed', async (tx) => {
    for (const [label, entities] of nodesByLabel) {
      if (!isEntityLabel(label)) throw new Error(`label ${label} is not in the model`);
      for (const batch of chunk(entities.map(toNodeRow), BATCH_SIZE)) {
        await tx.run(
          // Curated facts survive a reload: a retracted id stays retracted, and an entity a
          // curator changed (version > 0) keeps its curated state (the seed's is in its history).
          `UNWIND $rows AS row
           WITH row WHERE NOT EXISTS { MATCH (:Retracted {id: row.id}) }
           MERGE (n:${ENTITY_LABEL} {id: row.id})
           WITH n, row WHERE coalesce(n.version, 0) = 0
           SET n = row.props, n:${label}, n.origin = 'seed'`,
          { rows: batch },
        );
        written += batch.length;
        progress(`nodes: ${label} ${written}/${total}`);
      }
    }
    for (const [type, rels] of relsByType) {
      if (!isRelationshipType(type)) throw new Error(`relationship type ${type} is not in the model`);
      for (const batch of chunk(rels.map(toRelationshipRow), BATCH_SIZE)) {
        await tx.run(
          `UNWIND $rows AS row
           WITH row WHERE NOT EXISTS { MATCH (:RetractedRelationship {id: row.id}) }
           MATCH (a:${ENTITY_LABEL} {id: row.from})
           MATCH (b:${ENTITY_LABEL} {id: row.to})
           MERGE (a)-[r:${type} {id: row.id}]->(b)
           WITH r, row WHERE coalesce(r.version, 0) = 0
           SET r = row.props, r.origin = 'seed'`,
          { rows: batch },
        );
        written += batch.length;
        progress(`relationships: ${type} ${written}/${total}`);
      }
    }
  }, LOAD_TIMEOUT_MS);

  return {
    nodesByLabel: Object.fromEntries([...nodesByLabel].map(([k, v]) => [k, v.length])),
    relationshipsByType: Object.fromEntries([...relsByType].map(([k, v]) => [k, v.length])),
  };
}

/** Items by `key`, each group in input order (the loaders write one statement per label or type). */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
