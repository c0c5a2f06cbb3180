import { ENTITY_LABEL, isEntityLabel, isRelationshipType } from '../../../../src/model/graph-model.js';
import type { Database } from '../../../../src/db/database.js';
import { generateNodes, generateRelationships, type GraphPlan, type NodeRow, type RelationshipRow, type SourceDocument } from './synthetic-graph.js';

const BATCH_SIZE = 10_000;

export interface LoadStats {
  readonly nodes: number;
  readonly relationships: number;
  readonly nodeSeconds: number;
  readonly relationshipSeconds: number;
  readonly nodesPerSecond: number;
  readonly relationshipsPerSecond: number;
}

/**
 * Writes a generated graph into an empty database: batches of 10,000 rows, one
 * `UNWIND … CREATE` per label or type in each batch, one transaction per batch
 * (a failure leaves a partial graph; the caller then throws the folder away).
 * Relationships find their ends through the `entity_id` constraint's index, so
 * the schema must be applied first.
 */
export async function loadGraph(db: Database, plan: GraphPlan, documents: readonly SourceDocument[], log: (line: string) => void): Promise<LoadStats> {
  let nodes = 0;
  const nodeStart = performance.now();
  for (const batch of generateNodes(plan, documents, BATCH_SIZE)) {
    await db.write('bench-load-nodes', async (tx) => {
      for (const [label, rows] of groupBy(batch, (row: NodeRow) => row.label)) {
        if (!isEntityLabel(label)) throw new Error(`invariant: ${label} is not a model label`);
        await tx.run(`UNWIND $rows AS row CREATE (n:${ENTITY_LABEL}:${label}) SET n = row`, { rows: rows.map((row) => row.props) });
      }
    });
    nodes += batch.length;
    if (nodes % 50_000 < BATCH_SIZE || nodes === plan.nodes) log(`  nodes ${nodes}/${plan.nodes} (${elapsed(nodeStart)} s)`);
  }
  const nodeSeconds = (performance.now() - nodeStart) / 1000;

  let relationships = 0;
  const relStart = performance.now();
  for (const batch of generateRelationships(plan, documents, BATCH_SIZE)) {
    await db.write('bench-load-relationships', async (tx) => {
      for (const [type, rows] of groupBy(batch, (row: RelationshipRow) => row.type)) {
        if (!isRelationshipType(type)) throw new Error(`invariant: ${type} is not a model relationship type`);
        await tx.run(
          `UNWIND $rows AS row
           MATCH (a:${ENTITY_LABEL} {id: row.from})
           MATCH (b:${ENTITY_LABEL} {id: row.to})
           CREATE (a)-[r:${type}]->(b) SET r = row.props`,
          { rows: rows.map((row) => ({ from: row.from, to: row.to, props: row.props })) },
        );
      }
    });
    relationships += batch.length;
    if (relationships % 100_000 < BATCH_SIZE) log(`  relationships ${relationships}/${plan.relationships} (${elapsed(relStart)} s)`);
  }
  const relationshipSeconds = (performance.now() - relStart) / 1000;
  return {
    nodes,
    relationships,
    nodeSeconds,
    relationshipSeconds,
    nodesPerSecond: nodes / nodeSeconds,
    relationshipsPerSecond: relationships / relationshipSeconds,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function elapsed(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
