/**
 * `npm run bench:scale -- --size=10k --concurrency=64`: the API keeps no state
 * between requests, so a second process in front of the same Neo4j should add
 * throughput until Neo4j or the cores are the limit. Runs each read workload
 * against one API process, then against two (the load generator's workers
 * spread round robin over both), and prints throughput and latency side by side.
 * Printed, not written to RESULTS.md.
 *
 *   --size=10k|100k|1m      (default 10k)
 *   --workloads=a,b         (default: all read workloads)
 *   --concurrency=64        (default 64)
 *   --seconds=N             (default 5, after a warm-up)
 */
import { cpus, loadavg } from 'node:os';
import { createDriver, Database } from '../../../src/db/database.js';
import { listOption } from './cli-options.js';
import { prepareGraph } from './generate/prepare-graph.js';
import { SIZES, type SizeName } from './generate/synthetic-graph.js';
import { runLoad, warmUp, type LoadResult } from './load/run-load.js';
import { startServer, type ServerProcess } from './load/server-process.js';
import { sampleParams } from './workloads/sample-params.js';
import { requestFor, WORKLOADS, type WorkloadName } from './workloads/workloads.js';

const SEED = 20161215;

function summary(r: LoadResult): string {
  return `${r.throughput.toFixed(1).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms${
    r.non2xx + r.errors > 0 ? `  ${r.non2xx} non-2xx, ${r.errors} errors` : ''
  }`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const size = (argv.find((a) => a.startsWith('--size='))?.split('=')[1] ?? '10k') as SizeName;
  if (!Object.hasOwn(SIZES, size)) throw new Error(`unknown size ${size} (sizes: ${Object.keys(SIZES).join(', ')})`);
  const workloads = listOption<WorkloadName>(argv, 'workloads', WORKLOADS, WORKLOADS);
  const concurrency = Number(argv.find((a) => a.startsWith('--concurrency='))?.split('=')[1] ?? 64);
  const seconds = Number(argv.find((a) => a.startsWith('--seconds='))?.split('=')[1] ?? 5);
  const log = (line: string): void => {
    console.log(line);
  };

  const prepared = await prepareGraph({ size, seed: SEED, reload: false, heapMiB: 4096, pageCacheMiB: 2048, log });
  const db = new Database(createDriver(prepared.neo4j.uri, 'neo4j', ''), { database: 'neo4j', queryTimeoutMs: 600_000 });
  const started: ServerProcess[] = [];
  try {
    const params = await sampleParams(db, SEED, 200);
    started.push(await startServer('ours', prepared.neo4j.uri), await startServer('ours', prepared.neo4j.uri));
    const requestSets = workloads.map((w) => params[w].map((p) => requestFor('ours', p)));
    for (const server of started) await warmUp(server, requestSets, seconds);
    log(`${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${size}, concurrency ${concurrency}, ${seconds} s per cell`);
    for (const [index, workload] of workloads.entries()) {
      const requests = requestSets[index] ?? [];
      const one = await runLoad(started[0]!.baseUrl, requests, concurrency, seconds);
      const two = await runLoad(started.map((s) => s.baseUrl), requests, concurrency, seconds);
      log(`${workload.padEnd(16)} one process ${summary(one)}`);
      log(`${''.padEnd(16)} two processes ${summary(two)}  (${(two.throughput / one.throughput).toFixed(2)}× the throughput)`);
    }
  } finally {
    for (const s of started) await s.stop();
    await db.close();
    await prepared.neo4j.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
