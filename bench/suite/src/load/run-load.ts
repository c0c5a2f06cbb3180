import { Agent, request as httpRequest } from 'node:http';
import type { HttpRequest } from '../workloads/workloads.js';

export interface LoadResult {
  readonly concurrency: number;
  /** From the first request to the last response, seconds. */
  readonly durationSeconds: number;
  readonly requests: number;
  /** Network errors and timeouts. */
  readonly errors: number;
  readonly non2xx: number;
  readonly throughput: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
}

/** A request that takes longer than this counts as an error. */
const REQUEST_TIMEOUT_MS = 60_000;

/**
 * A closed-loop load generator, loopback only: `concurrency` workers on
 * keep-alive connections (spread round robin over the base URLs when given
 * several instances of one server), each sending the next of `requests` (round robin, so
 * every server sees the same sequence) as soon as its previous answer has been
 * read in full, until `seconds` have passed. Requests still in flight then are
 * awaited and counted: a generator that dropped them (as autocannon does at
 * the end of its duration) would hide the slowest answers exactly when a
 * server is overloaded. Latencies are exact percentiles, in milliseconds.
 */
export async function runLoad(
  baseUrl: string | readonly string[],
  requests: readonly HttpRequest[],
  concurrency: number,
  seconds: number,
): Promise<LoadResult> {
  const targets = (typeof baseUrl === 'string' ? [baseUrl] : baseUrl).map((base) => {
    const url = new URL(base);
    if (url.hostname !== '127.0.0.1') throw new Error('invariant: load goes to loopback only');
    return { url, agent: new Agent({ keepAlive: true, maxSockets: concurrency }) };
  });
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async (index: number): Promise<void> => {
    const target = targets[index % targets.length];
    if (!target) throw new Error('invariant: no base URL');
    while (performance.now() < deadline) {
      const chosen = requests[next++ % requests.length];
      if (!chosen) throw new Error('invariant: no requests');
      const sent = performance.now();
      try {
        const status = await post(target.agent, target.url, chosen);
        latencies.push(performance.now() - sent);
        if (status < 200 || status > 299) non2xx += 1;
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)));
  const durationSeconds = (performance.now() - started) / 1000;
  for (const target of targets) target.agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    durationSeconds,
    requests: latencies.length,
    errors,
    non2xx,
    throughput: latencies.length / durationSeconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
  };
}

/** POSTs one request and reads the whole answer; resolves with the status. */
function post(agent: Agent, base: URL, request: HttpRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(request.body);
    const req = httpRequest(
      {
        agent,
        host: base.hostname,
        port: base.port,
        path: request.path,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': body.length },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        response.on('data', () => {});
        response.on('end', () => { resolve(response.statusCode ?? 0); });
        response.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** Nearest-rank percentile of sorted values; NaN when there are none. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

/** Seconds of warm-up per server and workload for measurements of `seconds` each. */
export function warmUpSeconds(seconds: number): number {
  return Math.max(1, Math.round(seconds / 2));
}

/**
 * Runs every workload's requests against a server at concurrency 4 before
 * anything is measured. A freshly started JVM spends its first seconds
 * compiling Neo4j's hot paths: measured cold, a trivial `RETURN 1` cost Neo4j
 * 5–8 ms of CPU, warm 0.5–1 ms, so whichever server ran first paid for all.
 */
export async function warmUp(server: { readonly baseUrl: string }, requestSets: readonly (readonly HttpRequest[])[], seconds: number): Promise<void> {
  for (const requests of requestSets) await runLoad(server.baseUrl, requests, 4, warmUpSeconds(seconds));
}
