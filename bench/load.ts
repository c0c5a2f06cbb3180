/**
 * Bounded load test on loopback: starts the app on 127.0.0.1 (against
 * NEO4J_URI, or a local Neo4j of its own in .neo4j/bench-load), sends a fixed
 * mix of queries (the playground examples plus two light ones) with autocannon
 * for at most a fixed duration and request count, and prints requests/s,
 * latency percentiles, errors and memory before/after. Exits 1 on any error.
 *
 *   npm run bench:load              # long: 60 s or 100,000 requests, 16 connections
 *   npm run bench:load -- --smoke   # CI: 5 s or 2,000 requests, 8 connections
 */
import { createServer } from 'node:http';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createApp } from '../src/app.js';
import { PROJECT_ROOT, SCHEMA_FILE, seedIfEmpty } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { applySchema } from '../src/db/apply-schema.js';
import { createDriver, Database } from '../src/db/database.js';
import { createMetrics } from '../src/http/metrics.js';
import { PLAYGROUND_EXAMPLES } from '../src/http/playground-examples.js';
import { startLocalNeo4j, type LocalNeo4j } from '../src/neo4j-local/local-neo4j.js';

const smoke = process.argv.includes('--smoke');
const PLAN = smoke
  ? { durationS: 5, amount: 2_000, connections: 8 }
  : { durationS: 60, amount: 100_000, connections: 16 };
const LOCAL_DATA = 'bench-load';

const QUERIES = [
  ...PLAYGROUND_EXAMPLES.map(({ title, query }) => ({ title, query })),
  { title: 'One entity by key', query: '{ entity(id: "japan") { key name type } }' },
  { title: 'Search, one word', query: '{ search(query: "Putin", first: 3) { score entity { key name } } }' },
];

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** Memory after a full GC when node runs with --expose-gc (npm run bench:load does). */
function memory(): { rssMb: number; heapMb: number } {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMb: Math.round(rss / 1e5) / 10, heapMb: Math.round(heapUsed / 1e5) / 10 };
}

async function main(): Promise<number> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' });
  let local: LocalNeo4j | undefined;
  if (!config.neo4jUri) local = await startLocalNeo4j({ projectRoot: PROJECT_ROOT, dataDirName: LOCAL_DATA, boltPort: 0, log });
  const metrics = createMetrics();
  const db = new Database(
    createDriver(config.neo4jUri ?? local!.uri, config.neo4jUser, config.neo4jPassword, config.neo4jMaxRetryMs, config.neo4jConnectTimeoutMs),
    { database: config.neo4jDatabase, queryTimeoutMs: config.limits.queryTimeoutMs, observe: metrics.observeRoundTrip },
  );
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- yoga's documented Node request listener
  const server = createServer(createApp(db, config, { metrics }));
  try {
    await applySchema(db, SCHEMA_FILE);
    await seedIfEmpty(db, log);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;

    // Warm up (query plans, JIT) and check that every query in the mix succeeds.
    for (const { title, query } of QUERIES) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const text = await response.text();
      if (response.status !== 200 || text.includes('"errors"')) throw new Error(`"${title}" fails before the load: ${response.status} ${text.slice(0, 300)}`);
    }
    const before = memory();
    log(`Load: ${QUERIES.length} queries in turn, ${PLAN.connections} connections, at most ${PLAN.durationS} s and ${PLAN.amount} requests, on ${url}`);

    const latencies: number[] = [];
    let finish: (result: autocannon.Result) => void = () => {};
    let fail: (error: unknown) => void = () => {};
    const done = new Promise<autocannon.Result>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    const instance = autocannon({
      url,
      connections: PLAN.connections,
      amount: PLAN.amount,
      timeout: 10,
      requests: QUERIES.map(({ query }) => ({
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query }),
      })),
      // A GraphQL error is an error even with status 200.
      verifyBody: (body) => typeof body === 'string' && !body.includes('"errors"'),
    }, (error, result) => {
      if (error) fail(error);
      else finish(result);
    });
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
    });
    // autocannon honours either a duration or an amount; the duration bound is ours.
    const deadline = setTimeout(() => {
      instance.stop();
    }, PLAN.durationS * 1000);
    const result = await done;
    clearTimeout(deadline);
    const after = memory();

    latencies.sort((a, b) => a - b);
    const errors = result.errors + result.timeouts + result.non2xx + result.mismatches;
    const summary = {
      mode: smoke ? 'smoke' : 'long',
      requests: result.requests.total,
      durationS: result.duration,
      requestsPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
      latencyMs: {
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        p99: round(percentile(latencies, 99)),
        max: round(latencies.at(-1) ?? Number.NaN),
      },
      errors: { total: errors, connection: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphqlErrors: result.mismatches },
      memoryMb: { rssBefore: before.rssMb, rssAfter: after.rssMb, heapBefore: before.heapMb, heapAfter: after.heapMb },
      neo4jRoundTrips: (await metrics.neo4jRoundTrips.get()).values.reduce((sum, v) => sum + v.value, 0),
    };
    console.log(JSON.stringify(summary, null, 2));
    console.log(
      `${summary.requests} requests in ${summary.durationS} s: ${summary.requestsPerSecond} req/s; latency p50 ${summary.latencyMs.p50} ms, p95 ${summary.latencyMs.p95} ms, p99 ${summary.latencyMs.p99} ms; ` +
        `${errors} errors; RSS ${before.rssMb} → ${after.rssMb} MB, heap after GC ${before.heapMb} → ${after.heapMb} MB`,
    );
    return errors === 0 && summary.requests > 0 ? 0 : 1;
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
    if (local) {
      await local.stop();
      await rm(join(PROJECT_ROOT, '.neo4j', LOCAL_DATA), { recursive: true, force: true });
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('Load test failed:', error);
    process.exit(1);
  },
);
