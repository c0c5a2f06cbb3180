/**
 * A/B of two checkouts' API servers against one Neo4j: both servers run at
 * once, warmed up, then alternate short blocks of the bench's requests for one
 * workload at concurrency 16; each block's CPU per request (our server's and
 * Neo4j's, from /proc) and p50 are recorded, and the medians and the median
 * ratio printed ("before": the --before checkout; "main": this one).
 * Alternating blocks cancel the host's drift, which on this
 * machine moved whole `bench:focus` runs by ±30 % (bench/RESULTS.md, #13).
 *
 *   npm --prefix bench/suite exec -- node --import tsx src/ab-servers.ts --before=/path/to/other/checkout
 *     [--workload=search] [--size=100k] [--blocks=12] [--warm=40] [--profile] [--texts=all|names|text]
 *
 * --texts (search only) keeps the texts whose answer from this checkout has no
 * `TEXT` hit (`names`: answers the old, names-only search also gave) or at least one (`text`).
 *
 * The other checkout needs its own `npm ci` (and `npm --prefix bench/suite ci`); the graph is this
 * checkout's bench graph. With --profile both servers run under `node --cpu-prof` (in /tmp/prof-*).
 */
import { readFileSync } from 'node:fs';
import { createDriver, Database } from '../../../src/db/database.js';
import { prepareGraph } from './generate/prepare-graph.js';
import type { SizeName } from './generate/synthetic-graph.js';
import { startServer } from './load/server-process.js';
import { runLoad } from './load/run-load.js';
import { sampleParams } from './workloads/sample-params.js';
import { requestFor, type WorkloadName } from './workloads/workloads.js';
import { valueOption } from './cli-options.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string): string => valueOption(argv, name, fallback);
const before = option('before', '');
if (before === '') throw new Error('--before=<path of the other checkout> is required');
const workload = option('workload', 'search') as WorkloadName;
const size = option('size', '100k') as SizeName;
const { startServer: startBefore } = (await import(`${before}/bench/suite/src/load/server-process.ts`)) as typeof import('./load/server-process.js');

const prepared = await prepareGraph({ size, seed: 20161215, reload: false, heapMiB: 4096, pageCacheMiB: 2048, log: console.log });
const db = new Database(createDriver(prepared.neo4j.uri, 'neo4j', ''), { database: 'neo4j', queryTimeoutMs: 60_000 });
const cpu = (pid: number): number => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const prof = (name: string): string[] => (argv.includes('--profile') ? ['--cpu-prof', `--cpu-prof-dir=/tmp/prof-${name}`] : []);
const servers = { before: await startBefore('ours', prepared.neo4j.uri, {}, prof('before')), main: await startServer('ours', prepared.neo4j.uri, {}, prof('main')) };
const total: Record<string, number> = { before: 0, main: 0 };

/** The search requests whose answer (from `baseUrl`) has a `TEXT` hit (`text`) or none (`names`); all for `all`. */
async function keepTexts<R extends { body: string }>(requests: R[], baseUrl: string, texts: string): Promise<R[]> {
  if (texts === 'all') return requests;
  if (workload !== 'search' || (texts !== 'names' && texts !== 'text')) throw new Error('--texts=names|text is for --workload=search');
  const kept: R[] = [];
  for (const request of requests) {
    const { variables } = JSON.parse(request.body) as { variables: { query: string } };
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($q: String!) { search(query: $q, first: 10) { match } }', variables: { q: variables.query } }),
    });
    const { data } = (await response.json()) as { data: { search: { match: string }[] } };
    if (data.search.some((hit) => hit.match === 'TEXT') === (texts === 'text')) kept.push(request);
  }
  console.log(`--texts=${texts}: ${kept.length} of ${requests.length} search texts`);
  return kept;
}
try {
  const requests = await keepTexts((await sampleParams(db, 20161215, 200))[workload].map((p) => requestFor('ours', p)), servers.main.baseUrl, option('texts', 'all'));
  for (const s of Object.values(servers)) await runLoad(s.baseUrl, requests, 16, Number(option('warm', '40')));
  const results: Record<string, { server: number; neo4j: number; p50: number }[]> = { before: [], main: [] };
  const neo = prepared.neo4j.pid!;
  for (let block = 0; block < Number(option('blocks', '12')); block++) {
    for (const [name, s] of Object.entries(servers)) {
      const c0 = cpu(s.pid), n0 = cpu(neo);
      const r = await runLoad(s.baseUrl, requests, 16, 4);
      const n = r.requests;
      total[name] = (total[name] ?? 0) + n;
      results[name]!.push({ server: (cpu(s.pid) - c0) / n, neo4j: (cpu(neo) - n0) / n, p50: r.p50 });
    }
  }
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const [name, rs] of Object.entries(results)) {
    console.log(`${name}: server ${rs.map((r) => r.server.toFixed(2)).join(' ')} | median server ${med(rs.map((r) => r.server)).toFixed(2)} ms, Neo4j ${med(rs.map((r) => r.neo4j)).toFixed(2)} ms, p50 ${med(rs.map((r) => r.p50)).toFixed(1)} ms`);
  }
  const ratio = (k: 'server' | 'neo4j' | 'p50'): string => med(results['main']!.map((r, i) => r[k] / results['before']![i]![k])).toFixed(3);
  console.log('requests', JSON.stringify(total));
  console.log(`median ratio main/before: server ${ratio('server')}, Neo4j ${ratio('neo4j')}, p50 ${ratio('p50')}`);
} finally {
  for (const s of Object.values(servers)) await s.stop();
  await db.close();
  await prepared.neo4j.stop();
}
