/**
 * `npm run bench` (from the project root): generates the synthetic graphs,
 * starts the benchmark's Neo4j on each, runs every workload against our API,
 * @neo4j/graphql and raw Cypher at concurrency 1, 16 and 64 (closed loop, loopback), measures the
 * GraphML export, and writes bench/RESULTS.md.
 *
 *   --quick            10k graph only, 1 s per measurement, report to bench/out/RESULTS-quick.md (CI)
 *   --sizes=10k,100k   choose sizes (default: 10k,100k,1m)
 *   --seconds=N        seconds per measurement (default 4, after 1 s of warm-up; quick 1, no warm-up)
 *   --reload           regenerate the graphs even if bench/out holds them
 *   --cypher-load      load fresh graphs with Cypher batches instead of Neo4j's bulk importer
 *   --render           only re-render bench/RESULTS.md from the last full run's raw results (after editing NOTES.md)
 *
 * Timings are reported, never asserted: the run fails only when our API or the
 * raw floor answers with errors, or when the two disagree on what a workload returns.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDriver, Database } from '../../../src/db/database.js';
import { prepareGraph } from './generate/prepare-graph.js';
import { SIZES, type SizeName } from './generate/synthetic-graph.js';
import { EXPORT_HEAP_MIB, runExport } from './load/run-export.js';
import { runLoad, warmUp, warmUpSeconds } from './load/run-load.js';
import { startServer, type ServerProcess } from './load/server-process.js';
import { BENCH_OUT, RESULTS_FILE } from './paths.js';
import { collectVersions } from './report/versions.js';
import { renderResults, type CellResult, type RunResults, type SizeResults, type Validation } from './report/render-results.js';
import { sampleParams } from './workloads/sample-params.js';
import { countItems, requestFor, SERVERS, WORKLOADS, type ServerName, type WorkloadName, type WorkloadParams } from './workloads/workloads.js';

const SEED = 20161215;
const CONCURRENCY = [1, 16, 64] as const;

interface Options {
  readonly quick: boolean;
  readonly sizes: readonly SizeName[];
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly reload: boolean;
  readonly cypherLoad: boolean;
  readonly samples: number;
  readonly checks: number;
}

function parseOptions(argv: readonly string[]): Options {
  const quick = argv.includes('--quick');
  const value = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const sizes = (value('sizes')?.split(',') ?? (quick ? ['10k'] : Object.keys(SIZES))) as SizeName[];
  const unknown = sizes.find((s) => !Object.hasOwn(SIZES, s));
  if (unknown !== undefined) throw new Error(`unknown size ${unknown} (sizes: ${Object.keys(SIZES).join(', ')})`);
  return {
    quick,
    sizes,
    seconds: Number(value('seconds') ?? (quick ? 1 : 4)),
    warmupSeconds: quick ? 0 : 1,
    reload: argv.includes('--reload'),
    cypherLoad: argv.includes('--cypher-load'),
    samples: quick ? 20 : 200,
    checks: 5,
  };
}

const log = (line: string): void => {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
};

async function main(): Promise<void> {
  if (process.argv.includes('--render')) {
    const results = JSON.parse(await readFile(join(BENCH_OUT, 'results-full.json'), 'utf8')) as RunResults;
    await writeFile(RESULTS_FILE, await renderResults(results));
    log(`Rendered ${RESULTS_FILE} from the run of ${results.started}.`);
    return;
  }
  const options = parseOptions(process.argv.slice(2));
  await mkdir(BENCH_OUT, { recursive: true });
  const started = new Date();
  const loadBefore = loadavg();
  const sizes: SizeResults[] = [];
  let failures = 0;
  for (const size of options.sizes) {
    const result = await benchSize(size, options);
    // Our API and the floor must answer, and agree; @neo4j/graphql's errors (timeouts on hubs) are reported, not fatal.
    failures += result.validation.filter((v) => v.error !== undefined && v.server !== 'neo4j-graphql').length + result.mismatches.length;
    sizes.push(result);
  }
  const results: RunResults = {
    mode: options.quick ? 'quick' : 'full',
    started: started.toISOString(),
    minutes: (Date.now() - started.getTime()) / 60_000,
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      loadBefore,
      loadAfter: loadavg(),
    },
    versions: sizes[0]?.versions ?? {},
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
    sizes,
  };
  await writeFile(join(BENCH_OUT, `results-${results.mode}.json`), JSON.stringify(results, null, 2));
  const target = options.quick ? join(BENCH_OUT, 'RESULTS-quick.md') : RESULTS_FILE;
  await writeFile(target, await renderResults(results));
  log(`Wrote ${target} (${results.minutes.toFixed(1)} min).`);
  if (failures > 0) {
    console.error(`${failures} check(s) failed: see the validation section of ${target}`);
    process.exitCode = 1;
  }
}

async function benchSize(size: SizeName, options: Options): Promise<SizeResults> {
  log(`=== ${size} ===`);
  const prepared = await prepareGraph({
    size,
    seed: SEED,
    reload: options.reload,
    heapMiB: 4096,
    pageCacheMiB: 2048,
    log,
    loader: options.cypherLoad ? 'cypher' : 'import',
  });
  const { neo4j } = prepared;
  const db = new Database(createDriver(neo4j.uri, 'neo4j', ''), { database: 'neo4j', queryTimeoutMs: 600_000 });
  const servers: ServerProcess[] = [];
  try {
    const versions = await collectVersions(db);
    const params = await sampleParams(db, SEED, options.samples);
    for (const name of SERVERS) {
      log(`starting ${name}`);
      servers.push(await startServer(name, neo4j.uri));
    }
    const server = (name: ServerName): ServerProcess => servers.find((s) => s.name === name)!;

    // Neo4j plans a query text once per process; the network workloads' texts take seconds to plan on a
    // loaded machine (longer than the 10 s timeout, with several servers planning at once). One request per
    // workload and server first, its answer ignored, so the checks below see answers, not planning.
    for (const workload of WORKLOADS) for (const name of SERVERS) await prime(server(name), workload, params[workload][0]);

    // Every server answers the first requests of every workload, without errors and with the same amount of data.
    const validation: Validation[] = [];
    const mismatches: string[] = [];
    for (const workload of WORKLOADS) {
      const counts = new Map<ServerName, number>();
      for (const name of SERVERS) {
        const check = await validate(server(name), workload, params[workload].slice(0, options.checks));
        validation.push(check);
        if (check.error === undefined) counts.set(name, check.items);
        else log(`  ${workload} on ${name}: ${check.error}`);
      }
      if (counts.has('ours') && counts.has('raw') && counts.get('ours') !== counts.get('raw')) {
        mismatches.push(`${workload}: ${[...counts].map(([n, c]) => `${n} ${c}`).join(', ')}`);
      }
    }

    log(`  warming up: every workload on every server, ${warmUpSeconds(options.seconds)} s each`);
    for (const name of SERVERS) await warmUp(server(name), WORKLOADS.map((w) => params[w].map((p) => requestFor(name, p))), options.seconds);

    const cells: CellResult[] = [];
    for (const workload of WORKLOADS) {
      for (const concurrency of CONCURRENCY) {
        // Rotate the order, so no server always runs first (or right after the slowest).
        const order = rotate(SERVERS, cells.length / SERVERS.length);
        for (const name of order) {
          const requests = params[workload].map((p) => requestFor(name, p));
          const target = server(name);
          if (options.warmupSeconds > 0) await runLoad(target.baseUrl, requests, concurrency, options.warmupSeconds);
          const load = await runLoad(target.baseUrl, requests, concurrency, options.seconds);
          cells.push({ workload, server: name, ...load });
          log(`  ${workload} c=${concurrency} ${name}: p50 ${load.p50.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms, ${load.throughput.toFixed(1)} req/s${load.non2xx + load.errors > 0 ? `, ${load.non2xx} non-2xx, ${load.errors} errors` : ''}`);
        }
      }
    }
    const oursMemory = await server('ours').memory();
    for (const s of servers.splice(0)) await s.stop();

    // Exports: each from a freshly started process, so its peak memory is the export's.
    const exports = [];
    for (const name of ['ours', 'raw'] as const) {
      // A heap smaller than the file: an export that buffered would fail here, not just grow.
      const fresh = await startServer(name, neo4j.uri, {}, [`--max-old-space-size=${EXPORT_HEAP_MIB}`]);
      servers.push(fresh);
      log(`  export graphml from ${name}...`);
      const result = await runExport(fresh, 30 * 60_000);
      log(`  export ${name}: ${(result.bytes / 1024 / 1024).toFixed(1)} MiB in ${result.seconds.toFixed(1)} s, peak RSS ${result.peakRssMiB.toFixed(0)} MiB${result.error ? ` (${result.error})` : ''}`);
      exports.push(result);
      await fresh.stop();
      servers.splice(0);
    }
    return { size, graph: prepared.info, freshLoad: prepared.fresh, versions, validation, mismatches, cells, oursPeakRssMiB: oursMemory.peakRssMiB, exports };
  } finally {
    for (const s of servers) await s.stop();
    await db.close();
    await neo4j.stop();
  }
}

async function validate(server: ServerProcess, workload: WorkloadName, params: readonly WorkloadParams[]): Promise<Validation> {
  let items = 0;
  try {
    for (const p of params) {
      const request = requestFor(server.name, p);
      const response = await fetch(`${server.baseUrl}${request.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: request.body,
      });
      const body = await response.text();
      if (!response.ok) throw new Error(`HTTP ${response.status}: ${body.slice(0, 300)}`);
      items += countItems(body);
    }
    return { workload, server: server.name, requests: params.length, items };
  } catch (error) {
    return { workload, server: server.name, requests: params.length, items, error: error instanceof Error ? error.message.slice(0, 500) : String(error) };
  }
}

/** One request whose answer is not looked at (see the priming step in benchSize). */
async function prime(server: ServerProcess, workload: WorkloadName, params: WorkloadParams | undefined): Promise<void> {
  if (params === undefined) return;
  const request = requestFor(server.name, params);
  await fetch(`${server.baseUrl}${request.path}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: request.body })
    .then((response) => response.text())
    .catch(() => undefined);
  log(`  primed ${workload} on ${server.name}`);
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const k = Math.trunc(by) % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
