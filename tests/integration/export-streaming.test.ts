import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WHOLE_GRAPH } from '../../src/db/export-stream.js';
import { runExport } from '../../src/export/run-export.js';
import { createTestApp } from '../support/test-app.js';

// A generated graph far larger than the seed, under a label of its own (no :Entity),
// so the other test files, which share this database, never see it.
const LABEL = `ExportBench${randomBytes(4).toString('hex')}`;
const NODES = 20_000;
const RELATIONSHIPS = 200_000;
const BATCH = 20_000;

const api = createTestApp();

// A forced collection before each sample measures what the export keeps alive, not garbage awaiting collection.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

beforeAll(async () => {
  await api.db.write('bench-nodes', (tx) =>
    tx.run(
      `UNWIND range(0, $nodes - 1) AS i
       CREATE (n:${LABEL} {
         id: 'bench-' + i, name: 'Generated person ' + i, aliases: ['Alias ' + i, 'Other ' + i], aliasUsedBy: ['', ''],
         description: 'A generated node for the streaming export test.', citations: ['bench.txt:' + (i % 90 + 1)]
       })`,
      { nodes: NODES },
    ),
  );
  for (let start = 0; start < RELATIONSHIPS; start += BATCH) {
    await api.db.write('bench-relationships', (tx) =>
      tx.run(
        `MATCH (n:${LABEL}) WITH n ORDER BY n.id WITH collect(n) AS ns
         UNWIND range($start, $end) AS i
         WITH ns[i % size(ns)] AS a, ns[(i % size(ns) + 1 + i / size(ns)) % size(ns)] AS b, i
         CREATE (a)-[:RELATED_TO {
           id: 'bench-r' + i, relation: 'generated', date: '2016', validFrom: '2016-01-01',
           citations: ['bench.txt:' + (i % 90 + 1), 'bench.txt:' + (i % 7 + 1) + '-' + (i % 7 + 3)]
         }]->(b)`,
        { start, end: Math.min(start + BATCH, RELATIONSHIPS) - 1 },
      ),
    );
  }
}, 240_000);

afterAll(async () => {
  // Delete in small transactions: the test Neo4j has a 1 GB heap.
  for (;;) {
    const [row] = await api.db.write('bench-cleanup', async (tx) => {
      const result = await tx.run(`MATCH (n:${LABEL}) WITH n LIMIT 2000 DETACH DELETE n RETURN count(*) AS deleted`);
      return result.records.map((r) => r.toObject());
    });
    if (Number(row?.['deleted'] ?? 0) === 0) break;
  }
  await api.close();
}, 240_000);

describe('streaming a large export', () => {
  it(`exports ${RELATIONSHIPS.toLocaleString('en')} relationships as GraphML in bounded memory`, async () => {
    const heap = (): number => process.memoryUsage().heapUsed;
    const live = (): number => {
      collectGarbage();
      return heap();
    };
    const baseline = live();
    let peakLive = baseline;
    let peakUsed = baseline;
    let bytes = 0;
    let edges = 0;
    let nodes = 0;
    let chunks = 0;
    const started = performance.now();
    // GraphML's default, parallel=merge: it must stream too (a start node's edges at a time), not gather the graph.
    const request = { format: 'graphml', selection: WHOLE_GRAPH, metrics: false, dynamic: false, parallel: 'merge' } as const;
    for await (const chunk of runExport(api.db, request, { nodeLabel: LABEL })) {
      bytes += Buffer.byteLength(chunk);
      edges += chunk.split('<edge ').length - 1;
      nodes += chunk.split('<node ').length - 1;
      peakUsed = Math.max(peakUsed, heap());
      if (++chunks % 20 === 0) {
        peakLive = Math.max(peakLive, live());
        // A slow client now and then: the driver must pause rather than buffer the rest.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const growth = peakLive - baseline;
    const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `Streaming export: ${nodes} nodes, ${edges} edges, ${mb(bytes)} of GraphML in ${chunks} chunks, ${seconds.toFixed(1)} s. ` +
        `Live heap (after GC) ${mb(baseline)} before, peak ${mb(peakLive)}: growth ${mb(growth)} ` +
        `(${((growth / bytes) * 100).toFixed(1)}% of the export). Peak heap used including garbage: ${mb(peakUsed)}.`,
    );
    expect(nodes).toBe(NODES);
    expect(edges).toBe(RELATIONSHIPS);
    expect(bytes).toBeGreaterThan(50 * 1024 * 1024);
    // Buffering the export would keep at least its size alive; streaming keeps a few batches of records.
    expect(growth).toBeLessThan(bytes / 10);
  }, 240_000);
});
